package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The plots are real PNGs of the expected size, in the folder Main prints. */
class PlotsTest {
  private static BufferedImage read(Path png) throws IOException {
    assertTrue(Files.isRegularFile(png), png + " exists");
    assertEquals(Plots.dir(), png.getParent());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(Plots.WIDTH, image.getWidth());
    assertEquals(Plots.HEIGHT, image.getHeight());
    return image;
  }

  @Test
  void dirIsAbsoluteAndUnderTarget() {
    Path dir = Plots.dir();
    assertTrue(dir.isAbsolute());
    assertTrue(Files.isDirectory(dir));
    assertTrue(dir.endsWith(Path.of("target", "plots")), dir.toString());
  }

  @Test
  void quadraticPlot() throws IOException {
    read(Figures.quadratic());
    // What it draws: f' from backprop is exactly 4x - 3 at every plotted x.
    for (double x : Plots.range(-3, 4, 0.01)) {
      assertEquals(4 * x - 3, SeedsGrad.quadratic(x).x(), 1e-15);
    }
  }

  @Test
  void rangeIsHalfOpen() {
    double[] xs = Plots.range(-3, 4, 0.25);
    assertEquals(28, xs.length);
    assertEquals(-3, xs[0]);
    assertEquals(3.75, xs[27]);
  }

  @Test
  void lossCurveInOneCall() throws IOException {
    double[] losses = new double[50];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = Math.exp(-0.1 * i) + 0.01;
    }
    BufferedImage image = read(Plots.lossCurve("test-loss-curve", losses));
    assertTrue(image.getRGB(Plots.WIDTH / 2, Plots.HEIGHT / 2) != 0);
  }

  @Test
  void severalCurvesInOneCall() throws IOException {
    double[] xs = Plots.range(0, 2 * Math.PI, 0.05);
    read(Plots.curves("test-curves", "sin and its derivative", "x", "y", xs,
        Plots.series("sin", Plots.map(xs, Math::sin), "cos", Plots.map(xs, Math::cos))));
  }

  @Test
  void contoursLieOnTheirLevels() throws IOException {
    XYChart chart = Plots.chart("contours", "x", "y");
    var series = Plots.contours(chart, "unit circle", (x, y) -> x * x + y * y, -2, 2, -2, 2, 100,
        new double[] {1}, java.awt.Color.GRAY);
    double[] xs = series.getXData();
    double[] ys = series.getYData();
    int points = 0;
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isNaN(xs[i])) {
        assertEquals(1, Math.hypot(xs[i], ys[i]), 1e-3);
        points++;
      }
    }
    assertTrue(points > 100, "points on the circle: " + points);
    read(Plots.save(chart, "test-contours"));
  }

  @Test
  void rosenbrockPlot() throws IOException {
    read(Figures.rosenbrock(Rosenbrock.minimise()));
  }

  @Test
  void curveFitPlot() throws IOException {
    read(Figures.curveFit(CurveFit.data(CurveFit.POINTS, CurveFit.NOISE, CurveFit.SEED), CurveFit.fitMainData()));
  }

  @Test
  void lossCurveWithItsOwnTitle() throws IOException {
    read(Plots.lossCurve("test-loss-curve-titled", "a title", new double[] {3, 2, 1}));
  }
}
