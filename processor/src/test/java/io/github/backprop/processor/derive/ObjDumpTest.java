package io.github.backprop.processor.derive;

import org.junit.jupiter.api.Test;

class ObjDumpTest {
  @Test
  void dump() throws Exception {
    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/objprobe/CGrad.java"), ValueClassesTest.C.source("p.CGrad"));
  }
}
