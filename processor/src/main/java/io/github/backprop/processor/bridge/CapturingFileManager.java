package io.github.backprop.processor.bridge;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * javac's file manager with its outputs kept in memory: the sources the processor writes are
 * read back by javac's next round and then handed to ecj's Filer; nothing touches the disk.
 */
final class CapturingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
  /** Generated sources by qualified class name, in name order. */
  private final Map<String, Output> sources = new TreeMap<>();

  CapturingFileManager(StandardJavaFileManager delegate) {
    super(delegate);
  }

  Map<String, String> sources() {
    Map<String, String> out = new TreeMap<>();
    sources.forEach((name, file) -> out.put(name, file.text.toString()));
    return out;
  }

  @Override
  public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
    Output file = new Output(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind);
    if (location == StandardLocation.SOURCE_OUTPUT && kind == JavaFileObject.Kind.SOURCE) {
      sources.put(className, file);
    }
    return file;
  }

  @Override
  public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
    return new Output(URI.create("mem:///" + packageName.replace('.', '/') + "/" + relativeName), JavaFileObject.Kind.OTHER);
  }

  @Override
  public boolean isSameFile(FileObject a, FileObject b) {
    return a instanceof Output || b instanceof Output ? a == b : super.isSameFile(a, b);
  }

  /** A file written in memory, readable as text once written. */
  private static final class Output extends SimpleJavaFileObject {
    final StringWriter text = new StringWriter();

    Output(URI uri, Kind kind) {
      super(uri, kind);
    }

    @Override
    public Writer openWriter() {
      return text;
    }

    @Override
    public OutputStream openOutputStream() {
      return new ByteArrayOutputStream();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text.toString();
    }
  }
}
