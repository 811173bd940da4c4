package io.github.backprop.processor.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;

/**
 * The IDE's side of {@link EcjInternals}, which no build here can run: Eclipse's processing
 * environment is stood in for by objects with the methods of Eclipse's API that the bridge calls
 * ({@code IJavaProject}, {@code IClasspathEntry}, {@code IWorkspaceRoot}, {@code IPath}), so the
 * walk from the project to javac's class path and source path is checked, not Eclipse itself.
 */
class EcjInternalsTest {
  @Test
  void theIdesClassPathIsLibrariesAndOtherProjectsOutputsAndItsSourcePathTheSourceFolders() throws Exception {
    Root root = new Root();
    root.members.put("/lib/in-workspace.jar", "/ws/lib/in-workspace.jar");
    root.members.put("/app/src/main/java", "/ws/app/src/main/java");
    root.members.put("/app/target/generated-sources/annotations", "/ws/app/target/generated-sources/annotations");
    root.members.put("/util/target/classes", "/ws/util/target/classes");
    Model model = new Model();
    JavaProject util = new JavaProject(root, model, new Entry[0], "/util/target/classes");
    model.projects.put("util", util);
    JavaProject app = new JavaProject(root, model, new Entry[] {
        new Entry(1, "/home/u/.m2/hipparchus-core.jar"), // external jar: as it is
        new Entry(1, "/lib/in-workspace.jar"), // workspace jar: its place on disk
        new Entry(3, "/app/src/main/java"),
        new Entry(3, "/app/target/generated-sources/annotations"),
        new Entry(2, "/util"),
        new Entry(5, "/some/container"), // resolved away by Eclipse; ignored
    }, "/app/target/classes");

    EcjInternals.Paths paths = EcjInternals.paths(new Env(app));

    assertEquals(
        List.of(new File("/home/u/.m2/hipparchus-core.jar"), new File("/ws/lib/in-workspace.jar"),
            new File("/ws/util/target/classes")),
        paths.classPath());
    assertEquals(
        List.of(new File("/ws/app/src/main/java"), new File("/ws/app/target/generated-sources/annotations")),
        paths.sourcePath());
    assertTrue(!paths.classPath().contains(new File("/ws/app/target/classes")), "its own output stays out");
  }

  @Test
  void anEnvironmentWithNeitherIsMissingTheClassPath() {
    EcjInternals.Missing e = assertThrows(EcjInternals.Missing.class, () -> EcjInternals.paths(new Env(null)));
    assertTrue(e.getMessage().startsWith("the class path"), e.getMessage());
  }

  // Stand-ins with the names and shapes of Eclipse's API.

  public static final class Path {
    private final String path;

    Path(String path) {
      this.path = path;
    }

    public File toFile() {
      return new File(path);
    }

    public String lastSegment() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  public static final class Resource {
    private final String location;

    Resource(String location) {
      this.location = location;
    }

    public Path getLocation() {
      return new Path(location);
    }
  }

  public static final class Root {
    final Map<String, String> members = new java.util.HashMap<>();

    public Resource findMember(String name) {
      throw new AssertionError("the bridge asks by IPath, not by String");
    }

    public Resource findMember(Path path) {
      String at = members.get(path.path);
      return at == null ? null : new Resource(at);
    }
  }

  public static final class Workspace {
    private final Root root;

    Workspace(Root root) {
      this.root = root;
    }

    public Root getRoot() {
      return root;
    }
  }

  public static final class Project {
    private final Root root;

    Project(Root root) {
      this.root = root;
    }

    public Workspace getWorkspace() {
      return new Workspace(root);
    }
  }

  public static final class Model {
    final Map<String, JavaProject> projects = new java.util.HashMap<>();

    public JavaProject getJavaProject(String name) {
      return projects.get(name);
    }
  }

  public static final class Entry {
    private final int kind;
    private final String path;

    Entry(int kind, String path) {
      this.kind = kind;
      this.path = path;
    }

    public int getEntryKind() {
      return kind;
    }

    public Path getPath() {
      return new Path(path);
    }
  }

  public static final class JavaProject {
    private final Root root;
    private final Model model;
    private final Entry[] entries;
    private final String output;

    JavaProject(Root root, Model model, Entry[] entries, String output) {
      this.root = root;
      this.model = model;
      this.entries = entries;
      this.output = output;
    }

    public Project getProject() {
      return new Project(root);
    }

    public Model getJavaModel() {
      return model;
    }

    public Entry[] getResolvedClasspath(boolean ignoreUnresolved) {
      assertTrue(ignoreUnresolved);
      return entries;
    }

    public Path getOutputLocation() {
      return new Path(output);
    }
  }

  /** Eclipse's IdeProcessingEnvImpl: a processing environment with getJavaProject(). */
  public static final class Env implements ProcessingEnvironment {
    private final JavaProject project;

    Env(JavaProject project) {
      this.project = project;
    }

    public JavaProject getJavaProject() {
      return project;
    }

    @Override
    public Map<String, String> getOptions() {
      return Map.of();
    }

    @Override
    public Messager getMessager() {
      return null;
    }

    @Override
    public Filer getFiler() {
      return null;
    }

    @Override
    public Elements getElementUtils() {
      return null;
    }

    @Override
    public Types getTypeUtils() {
      return null;
    }

    @Override
    public SourceVersion getSourceVersion() {
      return SourceVersion.RELEASE_17;
    }

    @Override
    public Locale getLocale() {
      return Locale.ROOT;
    }
  }
}
