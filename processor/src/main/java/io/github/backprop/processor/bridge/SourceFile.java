package io.github.backprop.processor.bridge;

import java.io.File;
import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** A compilation unit's text as ecj holds it, given to javac under the same file name. */
final class SourceFile extends SimpleJavaFileObject {
  private final String text;
  private final String fileName;

  SourceFile(String fileName, String text) {
    super(uri(fileName), Kind.SOURCE);
    this.text = text;
    this.fileName = fileName;
  }

  private static URI uri(String fileName) {
    File f = new File(fileName);
    if (f.isAbsolute()) {
      return f.toURI();
    }
    try {
      return new URI("string", null, "/" + fileName.replace('\\', '/').replaceFirst("^/+", ""), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(fileName, e);
    }
  }

  String fileName() {
    return fileName;
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return text;
  }
}
