package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated code the README and the guide quote is the generated code of today. Each quoted
 * listing is marked {@code <!-- generated: XGrad.java -->} on the line before its fence; a line
 * {@code ...} in it stands for lines left out. A listing that begins with its package is the
 * whole file. The listing is compared with the class the
 * examples generate, or with the processor's golden file of that name, ignoring javadoc and
 * line breaks.
 */
class DocListingsTest {
  private static final Pattern MARKED =
      Pattern.compile("<!-- generated: (\\w+\\.java) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Path GENERATED = Path.of("target/generated-sources/annotations/io/github/backprop/examples");
  private static final Path GOLDEN = Path.of("../processor/src/test/resources/golden/expected");

  static Stream<Arguments> listings() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String doc : List.of("../README.md", "../docs/guide.md")) {
      String text = Files.readString(Path.of(doc));
      Matcher m = MARKED.matcher(text);
      while (m.find()) {
        long line = 1 + text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        all.add(Arguments.of(doc.substring(3) + ":" + line, m.group(1), m.group(2)));
      }
    }
    // The guide's Rosenbrock, Black-Scholes and records listings.
    assertTrue(all.size() >= 3, "marked listings found: " + all.size());
    return all.stream();
  }

  @ParameterizedTest(name = "{0} quotes {1}")
  @MethodSource("listings")
  void listingIsTodaysGeneratedCode(String where, String file, String listing) throws IOException {
    Path source = Files.exists(GENERATED.resolve(file)) ? GENERATED.resolve(file) : GOLDEN.resolve(file);
    if (listing.startsWith("package ")) { // the whole file, said to be copied unchanged
      assertEquals(Files.readString(source).strip(), listing.strip(), where);
      return;
    }
    String generated = normalise(Files.readString(source));
    // Members quoted one after another may come in any order; "..." keeps the order of a body.
    for (String member : members(listing)) {
      int from = 0;
      for (String part : member.split("\\n\\s*\\.\\.\\.\\s*(?:\\n|$)")) {
        String quoted = normalise(part);
        int at = generated.indexOf(quoted, from);
        if (at < 0) {
          fail(where + ": this part of the listing is not in " + source + " (in this order):\n" + part);
        }
        from = at + quoted.length();
      }
    }
  }

  /** The listing cut at its blank lines outside braces. */
  private static List<String> members(String listing) {
    List<String> members = new ArrayList<>();
    StringBuilder member = new StringBuilder();
    long depth = 0;
    for (String line : listing.split("\\n")) {
      if (line.isBlank() && depth == 0) {
        members.add(member.toString());
        member.setLength(0);
        continue;
      }
      depth += line.chars().filter(c -> c == '{').count() - line.chars().filter(c -> c == '}').count();
      member.append(line).append('\n');
    }
    members.add(member.toString());
    members.removeIf(String::isBlank);
    return members;
  }

  /** Without javadoc, with every run of white space one space and empty bodies written {}. */
  private static String normalise(String code) {
    return code.replaceAll("(?s)/\\*\\*.*?\\*/", " ")
        .replaceAll("\\s+", " ")
        .replace("{ }", "{}")
        .replace("( ", "(")
        .trim();
  }
}
