package io.github.backprop.examples;

import io.github.backprop.Differentiable;
import java.util.Arrays;
import java.util.Random;

/**
 * The Black–Scholes call of {@link BlackScholes}, priced by Monte Carlo instead of by formula:
 * the average discounted payoff over simulated terminal prices S_T = S exp((r − σ²/2)T + σ√T z).
 * One reverse sweep of the generated gradient gives every pathwise Greek at once (Broadie and
 * Glasserman, 1996; Giles and Glasserman, "Smoking adjoints", 2006), for a small multiple of the
 * cost of the price alone.
 *
 * <p>The payoff max(S_T − K, 0) has a kink at S_T = K; backprop differentiates the branch taken
 * (at an exact tie it gives each side half), and a tie has probability zero.
 */
final class MonteCarlo {
  private MonteCarlo() {}

  /**
   * The Monte Carlo price of {@code option} in {@code market} over the standard normal draws
   * {@code z}: the discounted mean payoff. {@code wrt}: the Greeks are with respect to the option
   * and the market; the draws get no gradient.
   */
  @Differentiable(wrt = {"option", "market"})
  static double price(Option option, Market market, double[] z) {
    double vol = market.vol();
    double time = option.time();
    double drift = (market.rate() - 0.5 * vol * vol) * time;
    double volSqrtT = vol * Math.sqrt(time);
    double sum = 0;
    for (double zi : z) {
      double terminal = market.spot() * Math.exp(drift + volSqrtT * zi);
      sum += option.payoff(terminal);
    }
    return market.discount(time) * sum / z.length;
  }

  /** The draws Main uses: 200,000 standard normals in 100,000 antithetic pairs. */
  static final int PATHS = 200_000;
  static final long SEED = 42L;
  /** Batches for the standard errors (batch means). */
  static final int BATCHES = 100;

  /** {@code n} standard normals from {@code seed} as antithetic pairs z, −z ({@code n} even). */
  static double[] antitheticNormals(int n, long seed) {
    if (n % 2 != 0) {
      throw new IllegalArgumentException("n must be even: " + n);
    }
    Random random = new Random(seed);
    double[] z = new double[n];
    for (int i = 0; i < n; i += 2) {
      z[i] = random.nextGaussian();
      z[i + 1] = -z[i];
    }
    return z;
  }

  /** All Greeks from one generated reverse sweep over the draws. */
  static Greeks greeks(Option option, Market market, double[] z) {
    var g = MonteCarloGrad.price(option, market, z);
    MonteCarloGrad.MarketTangent m = g.market();
    MonteCarloGrad.OptionTangent o = g.option();
    return new Greeks(g.value(), m.spot(), m.vol(), m.rate(), -o.time(), o.strike());
  }

  /**
   * Estimates and standard errors.
   *
   * @param estimate the Greeks over all draws
   * @param standardError the standard error of each, by batch means
   */
  record Estimate(Greeks estimate, Greeks standardError) {}

  /**
   * The Greeks over all of {@code z} and their standard errors: the draws are cut into
   * {@code batches} equal batches (of whole antithetic pairs), the generated gradient is taken on
   * each, and the spread of the batch results gives the standard error of their mean.
   */
  static Estimate estimate(Option option, Market market, double[] z, int batches) {
    int size = z.length / batches;
    if (size * batches != z.length || size % 2 != 0) {
      throw new IllegalArgumentException(z.length + " draws do not split into " + batches
          + " batches of whole pairs");
    }
    double[][] samples = new double[6][batches];
    for (int b = 0; b < batches; b++) {
      double[] row = greeks(option, market, Arrays.copyOfRange(z, b * size, (b + 1) * size)).toArray();
      for (int k = 0; k < 6; k++) {
        samples[k][b] = row[k];
      }
    }
    double[] se = new double[6];
    for (int k = 0; k < 6; k++) {
      double mean = 0;
      for (double s : samples[k]) {
        mean += s;
      }
      mean /= batches;
      double ss = 0;
      for (double s : samples[k]) {
        ss += (s - mean) * (s - mean);
      }
      se[k] = Math.sqrt(ss / (batches - 1) / batches);
    }
    return new Estimate(greeks(option, market, z), new Greeks(se[0], se[1], se[2], se[3], se[4], se[5]));
  }

  /**
   * Wall-clock cost of the generated gradient (price and all five Greeks) relative to the price
   * alone: {@code reps} timed rounds of one price and one gradient, after {@code warmUp} untimed
   * ones. A printed figure for the reader, not a benchmark.
   *
   * @param priceNanos median time of {@link #price}
   * @param gradientNanos median time of the generated {@code MonteCarloGrad.price}
   */
  record Cost(long priceNanos, long gradientNanos) {
    /** gradientNanos / priceNanos. */
    double ratio() {
      return (double) gradientNanos / priceNanos;
    }
  }

  /** A sink so the JIT cannot drop the timed calls. */
  private static double sink;

  static Cost cost(Option option, Market market, double[] z, int warmUp, int reps) {
    for (int i = 0; i < warmUp; i++) {
      sink += price(option, market, z);
      sink += MonteCarloGrad.price(option, market, z).market().spot();
    }
    long[] primal = new long[reps];
    long[] adjoint = new long[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      sink += price(option, market, z);
      long t1 = System.nanoTime();
      sink += MonteCarloGrad.price(option, market, z).market().spot();
      long t2 = System.nanoTime();
      primal[i] = t1 - t0;
      adjoint[i] = t2 - t1;
    }
    return new Cost(median(primal), median(adjoint));
  }

  private static long median(long[] a) {
    long[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
