import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java SameSources.java JAVAC_DIR ECJ_DIR}: every generated source under JAVAC_DIR (what
 * javac generated building it/consumer) is in ECJ_DIR (what ecj generated from the same
 * sources) with the same bytes, and ECJ_DIR has no other; exits 1 and says which file differs.
 */
public class SameSources {
  public static void main(String[] args) throws IOException {
    Path javac = Path.of(args[0]);
    Path ecj = Path.of(args[1]);
    List<Path> fromJavac = files(javac);
    List<Path> fromEcj = files(ecj);
    if (fromJavac.isEmpty() || !fromJavac.equals(fromEcj)) {
      fail("javac generated " + fromJavac + ", ecj generated " + fromEcj);
    }
    for (Path p : fromJavac) {
      if (!java.util.Arrays.equals(Files.readAllBytes(javac.resolve(p)), Files.readAllBytes(ecj.resolve(p)))) {
        fail(p + " differs between javac (" + javac + ") and ecj (" + ecj + ")");
      }
    }
    System.out.println("ecj generated the same " + fromJavac.size() + " sources as javac: " + fromJavac);
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
