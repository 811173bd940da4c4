package io.github.backprop.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots for the examples, with XChart. Every plot goes to {@link #dir()}; each method writes
 * one file and returns its path.
 *
 * <pre>{@code
 * Plots.lossCurve("training-loss", losses);                        // loss against step
 * Plots.curves("quadratic", "f and f'", "x", "y", xs, Map.of("f", fs, "f'", dfs));
 * }</pre>
 */
final class Plots {
  private Plots() {}

  /** The system property naming the plot folder; the build sets it to {@code target/plots}. */
  static final String DIR_PROPERTY = "backprop.plots";

  static final int WIDTH = 900;
  static final int HEIGHT = 600;

  static {
    // Render off-screen: the examples run in builds and on machines without a display.
    System.setProperty("java.awt.headless", "true");
  }

  /** The folder plots are written to (created if needed), as an absolute path. */
  static Path dir() {
    Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/plots")).toAbsolutePath().normalize();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty line chart in the examples' style: white, grid, legend inside the top left. */
  static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    var s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(225, 225, 225));
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setMarkerSize(6);
    // XChart puts x ticks only at data points when all x values are equally spaced (as in a
    // sampled curve), which gives labels like -2.64. One hidden NaN point keeps round ticks.
    chart.addSeries("_roundTicks", new double[] {Double.NaN}, new double[] {Double.NaN})
        .setShowInLegend(false);
    return chart;
  }

  /** Adds a plain line (no markers) to a chart. */
  static XYSeries line(XYChart chart, String name, double[] xs, double[] ys, Color color, float width) {
    XYSeries series = chart.addSeries(name, xs, ys);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(new BasicStroke(width));
    return series;
  }

  /** Writes {@code chart} to {@code dir()/name.png} and returns the file. */
  static Path save(XYChart chart, String name) {
    Path file = dir().resolve(name + ".png");
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** from, from + step, … while below {@code to}: numpy's {@code arange}. */
  static double[] range(double from, double to, double step) {
    int n = (int) Math.ceil((to - from) / step);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = from + i * step;
    }
    return xs;
  }

  /** f applied to every x. */
  static double[] map(double[] xs, DoubleUnaryOperator f) {
    double[] ys = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ys[i] = f.applyAsDouble(xs[i]);
    }
    return ys;
  }

  /** Several curves over the same xs, in the order of the map, one colour each. */
  static Path curves(String name, String title, String xTitle, String yTitle, double[] xs,
      Map<String, double[]> curves) {
    XYChart chart = chart(title, xTitle, yTitle);
    int i = 0;
    for (var e : curves.entrySet()) {
      line(chart, e.getKey(), xs, e.getValue(), PALETTE[i++ % PALETTE.length], 2.5f);
    }
    return save(chart, name);
  }

  /** One call for a training loop: loss against step, on a log scale when every loss is positive. */
  static Path lossCurve(String name, double[] losses) {
    return lossCurve(name, name, losses);
  }

  /** {@link #lossCurve(String, double[])} with a title of its own. */
  static Path lossCurve(String name, String title, double[] losses) {
    double[] steps = new double[losses.length];
    boolean positive = true;
    for (int i = 0; i < losses.length; i++) {
      steps[i] = i;
      positive &= losses[i] > 0;
    }
    XYChart chart = chart(title, "step", positive ? "loss (log scale)" : "loss");
    logAxisIf(chart, positive);
    chart.getStyler().setLegendVisible(false);
    line(chart, "loss", steps, losses, PALETTE[0], 2f);
    return save(chart, name);
  }

  /** Several loss curves of the same length against step, with a legend. */
  static Path lossCurves(String name, String title, Map<String, double[]> curves) {
    boolean positive = true;
    int n = 0;
    for (double[] losses : curves.values()) {
      n = Math.max(n, losses.length);
      for (double l : losses) {
        positive &= l > 0;
      }
    }
    double[] steps = new double[n];
    for (int i = 0; i < n; i++) {
      steps[i] = i;
    }
    XYChart chart = chart(title, "step", positive ? "loss (log scale)" : "loss");
    logAxisIf(chart, positive);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    int i = 0;
    for (var e : curves.entrySet()) {
      line(chart, e.getKey(), steps, e.getValue(), PALETTE[i++ % PALETTE.length], 2f);
    }
    return save(chart, name);
  }

  /** A log axis labels every 1, 2, 5 of each decade, not only the powers of ten. */
  private static void logAxisIf(XYChart chart, boolean log) {
    chart.getStyler().setYAxisLogarithmic(log);
    chart.getStyler().setYAxisLogarithmicDecadeOnly(!log);
  }

  /**
   * Adds the level sets f = level of a function of two variables as one series, by marching
   * squares on an n × n grid over [x0, x1] × [y0, y1]; segments are separated by NaN, which
   * XChart draws as gaps.
   */
  static XYSeries contours(XYChart chart, String name, DoubleBinaryOperator f, double x0,
      double x1, double y0, double y1, int n, double[] levels, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (double level : levels) {
      for (double[] p : levelSet(f, x0, x1, y0, y1, n, level)) {
        xs.add(p[0]);
        ys.add(p[1]);
      }
    }
    return line(chart, name, unbox(xs), unbox(ys), color, 1f);
  }

  /**
   * The level set f = level by marching squares: the ends of its segments, each segment
   * followed by a point of NaNs.
   */
  static List<double[]> levelSet(DoubleBinaryOperator f, double x0, double x1, double y0,
      double y1, int n, double level) {
    double[][] v = new double[n + 1][n + 1];
    double dx = (x1 - x0) / n;
    double dy = (y1 - y0) / n;
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        v[i][j] = f.applyAsDouble(x0 + i * dx, y0 + j * dy);
      }
    }
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // Corners counter-clockwise from bottom left; crossings on the four edges.
        double[] cx = {x0 + i * dx, x0 + (i + 1) * dx, x0 + (i + 1) * dx, x0 + i * dx};
        double[] cy = {y0 + j * dy, y0 + j * dy, y0 + (j + 1) * dy, y0 + (j + 1) * dy};
        double[] cv = {v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]};
        List<double[]> hits = new ArrayList<>(4);
        for (int e = 0; e < 4; e++) {
          double a = cv[e] - level;
          double b = cv[(e + 1) % 4] - level;
          if ((a < 0) != (b < 0)) {
            double t = a / (a - b);
            hits.add(new double[] {cx[e] + t * (cx[(e + 1) % 4] - cx[e]),
                cy[e] + t * (cy[(e + 1) % 4] - cy[e])});
          }
        }
        for (int k = 0; k + 1 < hits.size(); k += 2) {
          points.add(hits.get(k));
          points.add(hits.get(k + 1));
          points.add(new double[] {Double.NaN, Double.NaN});
        }
      }
    }
    return points;
  }

  private static double[] unbox(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** A small map in insertion order, for {@link #curves}. */
  static Map<String, double[]> series(String name1, double[] ys1, String name2, double[] ys2) {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put(name1, ys1);
    m.put(name2, ys2);
    return m;
  }

  /** Colour-blind-safe colours (Okabe–Ito). */
  static final Color[] PALETTE = {
      new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
      new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233),
  };
}
