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
    // The last iterates crowd the minimum: a ring drawn after them, wider than their markers,
    // keeps it visible, and a note beside it names it.
    double[] rx = new double[65];
    double[] ry = new double[65];
    for (int k = 0; k < rx.length; k++) {
      double t = 2 * Math.PI * k / (rx.length - 1);
      rx[k] = 1 + RING_X * Math.cos(t);
      ry[k] = 1 + RING_Y * Math.sin(t);
    }
    Plots.line(chart, "minimum (1, 1)", rx, ry, Plots.PALETTE[2], 3f);
    chart.addAnnotation(new AnnotationText("minimum (1, 1) \u2192", 0.6, 1.12, false));
    // Labels keep clear of the path and of the note on the minimum.
    double[] keepX = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(px),
        java.util.stream.DoubleStream.of(0.35, 0.5, 0.65, 0.8, 1)).toArray();
    double[] keepY = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(py),
        java.util.stream.DoubleStream.of(1.12, 1.12, 1.12, 1.12, 1)).toArray();
    for (ContourLabels.Label l : ContourLabels.place(
        Rosenbrock::f, levels, new double[] {-1.95, 1.95, -0.95, 2.95}, keepX, keepY, Figures::underLegend)) {
      chart.addAnnotation(new AnnotationText(l.text(), l.x(), l.y(), false));
      if (!l.inline()) {
        // The leader starts at the text's edge nearest the line.
        double sx = l.x() + Math.signum(l.toX() - l.x()) * ContourLabels.HALF_WIDTH * 0.8;
        XYSeries leader = Plots.line(chart, "_leader " + l.text(), new double[] {sx, l.toX()},
            new double[] {l.y(), l.toY()}, Color.DARK_GRAY, 1f);
        leader.setShowInLegend(false);
      }
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

  /** The ring around the minimum, in data units: about 15 pixels each way on the plot. */
  private static final double RING_X = 0.075;
  private static final double RING_Y = 0.12;

  /** The legend's corner, bottom right. */
  static boolean underLegend(double x, double y) {
    return x > 0.8 && y < -0.2;
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
