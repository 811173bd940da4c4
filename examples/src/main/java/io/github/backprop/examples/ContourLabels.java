package io.github.backprop.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.DoubleBinaryOperator;

/**
 * Where to write the value of each level set on a contour plot. On the line itself where only
 * that line runs under the text; where the lines crowd too closely for that (Rosenbrock's narrow
 * valley), in the nearest space no line crosses, with a leader to the line. Labels keep clear of
 * a path drawn on the plot, of each other and of a region left for the legend.
 */
final class ContourLabels {
  private ContourLabels() {}

  /** A label centred at (x, y); a callout's leader runs from (x, y) to (toX, toY), else NaN. */
  record Label(String text, double x, double y, double toX, double toY) {
    boolean inline() {
      return Double.isNaN(toX);
    }
  }

  /** Half the width and height of a label's text, in data units. */
  static final double HALF_WIDTH = 0.1;
  static final double HALF_HEIGHT = 0.06;
  /** How far a callout keeps from the path and from other labels. */
  static final double CLEARANCE = 0.18;

  /**
   * @param box the region labels may use, {x0, x1, y0, y1}
   * @param reserved where no label may go (the legend)
   */
  static List<Label> place(DoubleBinaryOperator f, double[] levels, double[] box, double[] px,
      double[] py, BiPredicate<Double, Double> reserved) {
    List<Label> placed = new ArrayList<>();
    for (double level : levels) {
      List<double[]> line = Plots.levelSet(f, box[0], box[1], box[2], box[3], 400, level);
      Label label = inline(f, levels, level, line, px, py, placed, reserved);
      placed.add(label != null ? label : callout(f, levels, level, line, box, px, py, placed, reserved));
    }
    return placed;
  }

  static String text(double level) {
    return level < 1 ? String.valueOf(level) : String.format("%.0f", level);
  }

  /** The point of the level's line farthest from the path and the other labels whose box only that line crosses. */
  private static Label inline(DoubleBinaryOperator f, double[] levels, double level, List<double[]> line,
      double[] px, double[] py, List<Label> placed, BiPredicate<Double, Double> reserved) {
    Label best = null;
    double bestDistance = CLEARANCE;
    for (double[] p : line) {
      if (Double.isNaN(p[0]) || reserved.test(p[0], p[1]) || !onlyOwnLine(f, levels, level, p[0], p[1])) {
        continue;
      }
      double d = distance(p[0], p[1], px, py, placed);
      if (d > bestDistance) {
        bestDistance = d;
        best = new Label(text(level), p[0], p[1], Double.NaN, Double.NaN);
      }
    }
    return best;
  }

  /** The free spot nearest the level's line (clear of path and labels), with a leader to it. */
  private static Label callout(DoubleBinaryOperator f, double[] levels, double level, List<double[]> line,
      double[] box, double[] px, double[] py, List<Label> placed, BiPredicate<Double, Double> reserved) {
    Label best = null;
    double bestLength = Double.POSITIVE_INFINITY;
    for (double x = box[0] + HALF_WIDTH; x <= box[1] - HALF_WIDTH; x += 0.02) {
      for (double y = box[2] + HALF_HEIGHT; y <= box[3] - HALF_HEIGHT; y += 0.02) {
        if (reserved.test(x, y) || !noLine(f, levels, x, y) || distance(x, y, px, py, placed) < CLEARANCE) {
          continue;
        }
        for (int i = 0; i < line.size(); i += 3) {
          double[] p = line.get(i);
          if (Double.isNaN(p[0]) || distance(p[0], p[1], px, py, List.of()) < CLEARANCE / 2) {
            continue; // a leader ends on the line, not among the path's markers
          }
          double length = Math.hypot(p[0] - x, p[1] - y);
          if (length < bestLength) {
            bestLength = length;
            best = new Label(text(level), x, y, p[0], p[1]);
          }
        }
      }
    }
    return best;
  }

  /** Distance from (x, y) to the nearest point of the path and the nearest label. */
  private static double distance(double x, double y, double[] px, double[] py, List<Label> placed) {
    double d = Double.POSITIVE_INFINITY;
    for (int i = 0; i < px.length; i++) {
      d = Math.min(d, Math.hypot(x - px[i], y - py[i]));
    }
    for (Label l : placed) {
      d = Math.min(d, Math.hypot(x - l.x(), y - l.y()));
    }
    return d;
  }

  /** Whether no level's line crosses the box of a label centred at (x, y). */
  static boolean noLine(DoubleBinaryOperator f, double[] levels, double x, double y) {
    int band = band(levels, f.applyAsDouble(x, y));
    return boxAll(x, y, (u, v) -> band(levels, f.applyAsDouble(u, v)) == band);
  }

  /** Whether, of all levels, only {@code level}'s line crosses the box of a label centred at (x, y). */
  static boolean onlyOwnLine(DoubleBinaryOperator f, double[] levels, double level, double x, double y) {
    int above = band(levels, level); // the band just above the line; the one below is above - 1
    return boxAll(x, y, (u, v) -> {
      int b = band(levels, f.applyAsDouble(u, v));
      return b == above || b == above - 1;
    });
  }

  /** How many levels lie at or below v. */
  private static int band(double[] levels, double v) {
    int n = 0;
    for (double l : levels) {
      n += l <= v ? 1 : 0;
    }
    return n;
  }

  private static boolean boxAll(double x, double y, BiPredicate<Double, Double> test) {
    for (double dx = -HALF_WIDTH; dx <= HALF_WIDTH + 1e-9; dx += HALF_WIDTH / 4) {
      for (double dy = -HALF_HEIGHT; dy <= HALF_HEIGHT + 1e-9; dy += HALF_HEIGHT / 2) {
        if (!test.test(x + dx, y + dy)) {
          return false;
        }
      }
    }
    return true;
  }
}
