package io.github.backprop.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void values() {
    Object v = Json.parse(" {\"a\" : [1, -2.5e3, 0.25, true, false, null, \"x\\\"y\\u00e9\\n\"],"
        + " \"b\": {}, \"c\": []} ");
    Map<?, ?> m = (Map<?, ?>) v;
    List<?> a = (List<?>) m.get("a");
    assertEquals(1.0, a.get(0));
    assertEquals(-2500.0, a.get(1));
    assertEquals(0.25, a.get(2));
    assertEquals(true, a.get(3));
    assertEquals(false, a.get(4));
    assertNull(a.get(5));
    assertEquals("x\"yé\n", a.get(6));
    assertEquals(Map.of(), m.get("b"));
    assertEquals(List.of(), m.get("c"));
  }

  @Test
  void malformedInputIsRejected() {
    for (String bad : new String[] {"", "[1,]", "{\"a\" 1}", "[1] x", "\"abc", "01", "-", "1.",
        "[tru]", "{1: 2}", "\"\\q\""}) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
  }
}
