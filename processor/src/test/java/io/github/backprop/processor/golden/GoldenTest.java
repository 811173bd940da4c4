package io.github.backprop.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated source of each file under {@code golden/good}, compared as text with {@code
 * golden/expected}. All good files compile together, as some call each other. After an intended
 * change of output, regenerate with {@code -Dbackprop.golden.update=true} and review the diff.
 */
class GoldenTest {
  private static final Path ROOT = Paths.get("src/test/resources/golden");
  private static Compiled compiled;

  private static synchronized Compiled compiled() {
    if (compiled == null) {
      Map<String, String> sources = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(ROOT.resolve("good"))) {
        files.sorted().forEach(f -> sources.put("golden." + f.getFileName().toString().replace(".java", ""), read(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      compiled = Compiled.compileAll(sources);
    }
    return compiled;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Checks", "Seeds", "Reassign", "MathCalls", "Branches", "Calls", "Loops", "Jumps", "ArrayCode", "Optimisations", "StaticData", "IntegerOps", "Floats", "CustomDerivatives", "Helpers", "PrivateData", "Switches", "Forward", "SecondOrder", "ArrayMethods", "SpecialFunctions", "Tables", "Streams", "LongLoops", "Records", "Vector", "Distributions", "ObjectValues", "Models", "Tries", "Boxes", "Jagged", "Functional", "RecordArrays", "Mixtures", "LibraryFunctions", "FunctionValues", "SecondOrderRecursion", "Rebinding", "Counters", "DataRecordCalls", "Layers", "Smile", "LongLoopsAbove", "RowSwaps", "AsWritten", "AnonymousFunctions", "Blocking", "LocalRecords", "BuiltLists", "OutlinedHelpers", "ModeShapes", "LibraryObjects", "ValueClasses", "Hierarchies", "MessageArguments", "LibraryAsWritten", "PlainHabits", "RuleSecondOrder", "GenericData", "ObjectLocals", "HolderObjects", "OptionalOutputs", "ObjectsAsWritten", "PlainGaps", "LibraryShapes"})
  void generatedSourceMatchesGolden(String name) throws IOException {
    Compiled c = compiled();
    assertTrue(c.succeeded(), c.diagnostics());
    String actual = c.source("golden." + name + "Grad");
    Path expected = ROOT.resolve("expected/" + name + "Grad.java");
    if (Boolean.getBoolean("backprop.golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertEquals(read(expected), actual, "generated " + name + "Grad differs from " + expected);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
