package io.github.backprop.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The examples' plots. */
final class Figures {
  private Figures() {}

  /** f(x) = 2x² − 3x + 4 and backprop's f'(x) over [−3, 4), as in the first posts. */
  static Path quadratic() {
    double[] xs = Plots.range(-3, 4, 0.01);
    double[] fs = Plots.map(xs, Seeds::quadratic);
    double[] dfs = Plots.map(xs, x -> SeedsGrad.quadratic(x).x());
    XYChart chart = Plots.chart("f(x) = 2x² − 3x + 4 and its derivative from backprop", "x", "y");
    Plots.line(chart, "f(x)", xs, fs, Plots.PALETTE[0], 2.5f);
    Plots.line(chart, "f'(x) = 4x − 3 (backprop)", xs, dfs, Plots.PALETTE[1], 2.5f);
    chart.getStyler().setXAxisMin(-3.0);
    chart.getStyler().setXAxisMax(4.0);
    // Top centre is the one corner-free region both curves leave empty.
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
    return Plots.save(chart, "quadratic");
  }

  /** Rosenbrock's level sets with the optimiser's path from (−1.2, 1) to (1, 1). */
  static Path rosenbrock(Rosenbrock.Result r) {
    XYChart chart = Plots.chart(String.format(
        "Rosenbrock: conjugate gradients with backprop's gradient, %d iterations", r.iterations()),
        "x", "y");
    double[] levels = {0.25, 1, 4, 16, 64, 256, 1024};
    Plots.contours(chart, "f = 0.25, 1, 4, 16, 64, 256, 1024", Rosenbrock::f, -2, 2, -1, 3, 240,
        levels, new Color(160, 160, 160));
    List<double[]> path = r.path();
    double[] px = new double[path.size()];
    double[] py = new double[path.size()];
    for (int i = 0; i < px.length; i++) {
      px[i] = path.get(i)[0];
      py[i] = path.get(i)[1];
    }
    XYSeries p = Plots.line(chart, "iterates", px, py, Plots.PALETTE[1], 2f);
    p.setMarker(SeriesMarkers.CIRCLE);
    p.setMarkerColor(Plots.PALETTE[1]);
    XYSeries start = chart.addSeries("start (−1.2, 1)", new double[] {Rosenbrock.START_X},
        new double[] {Rosenbrock.START_Y});
    start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    start.setMarker(SeriesMarkers.DIAMOND);
    start.setMarkerColor(Plots.PALETTE[0]);
    XYSeries end = chart.addSeries("minimum (1, 1)", new double[] {1}, new double[] {1});
    end.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    end.setMarker(SeriesMarkers.CROSS);
    end.setMarkerColor(Plots.PALETTE[2]);
    // The last iterates crowd the minimum, so it is also named beside them.
    chart.addAnnotation(new AnnotationText("minimum (1, 1) \u2192", 0.62, 1.12, false));
    for (double level : levels) {
      double[] at = labelSpot(level, px, py);
      chart.addAnnotation(new AnnotationText(level < 1 ? "0.25" : String.format("%.0f", level),
          at[0], at[1], false));
    }
    var s = chart.getStyler();
    s.setMarkerSize(9);
    s.setXAxisMin(-2.0);
    s.setXAxisMax(2.0);
    s.setYAxisMin(-1.0);
    s.setYAxisMax(3.0);
    s.setLegendPosition(Styler.LegendPosition.InsideSE);
    return Plots.save(chart, "rosenbrock");
  }

  /**
   * Where to write a level's value: a point of the level set inside the plot, as far as possible
   * from the optimiser's path.
   */
  private static double[] labelSpot(double level, double[] px, double[] py) {
    double[] best = {0, 0};
    double bestDistance = -1;
    for (double x = -1.85; x <= 1.85; x += 0.005) {
      for (double y = -0.85; y <= 2.85; y += 0.005) {
        boolean underLegend = x > 0.8 && y < -0.2;
        if (underLegend || Math.abs(Rosenbrock.f(x, y) - level) > 0.01 * level) {
          continue;
        }
        double d = Double.POSITIVE_INFINITY;
        for (int i = 0; i < px.length; i++) {
          d = Math.min(d, Math.hypot(x - px[i], y - py[i]));
        }
        if (d > bestDistance) {
          bestDistance = d;
          best = new double[] {x, y};
        }
      }
    }
    return best;
  }

  /** The noisy data, the Levenberg–Marquardt fit and the curve the data were made from. */
  static Path curveFit(CurveFit.Data d, CurveFit.Fit f) {
    XYChart chart = Plots.chart(String.format(
        "y = a exp(-k t) + c fitted by Levenberg-Marquardt with backprop's Jacobian, %d points",
        d.t().length), "t", "y");
    double[] ts = Plots.range(0, CurveFit.T_MAX + 0.01, 0.01);
    XYSeries truth = Plots.line(chart, String.format("true: a = %.2f, k = %.2f, c = %.2f",
        CurveFit.TRUE_A, CurveFit.TRUE_K, CurveFit.TRUE_C), ts,
        Plots.map(ts, t -> CurveFit.model(CurveFit.TRUE_A, CurveFit.TRUE_K, CurveFit.TRUE_C, t)),
        Plots.PALETTE[2], 2f);
    truth.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {8f, 6f}, 0f));
    Plots.line(chart, String.format("fit: a = %.3f, k = %.3f, c = %.3f", f.a(), f.k(), f.c()), ts,
        Plots.map(ts, t -> CurveFit.model(f.a(), f.k(), f.c(), t)), Plots.PALETTE[1], 2.5f);
    XYSeries points = chart.addSeries(String.format("data (noise sd %.2f)", CurveFit.NOISE),
        d.t(), d.y());
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(Plots.PALETTE[0]);
    var s = chart.getStyler();
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    s.setXAxisMin(0.0);
    s.setXAxisMax(CurveFit.T_MAX);
    return Plots.save(chart, "curve-fit");
  }
}
