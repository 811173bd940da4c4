package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Rosenbrock plot's level labels: each level named once, readable, off the path and the legend. */
class ContourLabelsTest {
  private static final double[] LEVELS = {0.25, 1, 4, 16, 64, 256, 1024};

  @Test
  void everyLevelIsNamedWhereOnlyItsLineRunsOrByALeaderFromFreeSpace() {
    var r = Rosenbrock.minimise();
    double[] px = r.path().stream().mapToDouble(p -> p[0]).toArray();
    double[] py = r.path().stream().mapToDouble(p -> p[1]).toArray();
    List<ContourLabels.Label> labels = ContourLabels.place(
        Rosenbrock::f, LEVELS, new double[] {-1.95, 1.95, -0.95, 2.95}, px, py, Figures::underLegend);
    assertEquals(LEVELS.length, labels.size());
    int inline = 0;
    for (int i = 0; i < LEVELS.length; i++) {
      ContourLabels.Label l = labels.get(i);
      assertNotNull(l, "level " + LEVELS[i]);
      assertEquals(ContourLabels.text(LEVELS[i]), l.text());
      assertFalse(Figures.underLegend(l.x(), l.y()), l.toString());
      if (l.inline()) {
        inline++;
        assertEquals(LEVELS[i], Rosenbrock.f(l.x(), l.y()), 0.02 * LEVELS[i], l.toString());
        assertTrue(ContourLabels.onlyOwnLine(Rosenbrock::f, LEVELS, LEVELS[i], l.x(), l.y()), l.toString());
      } else {
        assertTrue(ContourLabels.noLine(Rosenbrock::f, LEVELS, l.x(), l.y()), l.toString());
        assertEquals(LEVELS[i], Rosenbrock.f(l.toX(), l.toY()), 0.05 * LEVELS[i], "leader ends on its line: " + l);
      }
      for (int k = 0; k < px.length; k++) {
        assertTrue(Math.hypot(l.x() - px[k], l.y() - py[k]) >= ContourLabels.CLEARANCE, "off the path: " + l);
      }
      for (int k = 0; k < i; k++) {
        ContourLabels.Label o = labels.get(k);
        assertTrue(Math.hypot(l.x() - o.x(), l.y() - o.y()) >= ContourLabels.CLEARANCE, l + " and " + o);
      }
    }
    // The outer levels have room on their lines; only the narrow valley's need leaders.
    assertTrue(inline >= 4, "inline labels: " + inline);
  }
}
