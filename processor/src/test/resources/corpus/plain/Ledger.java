package plain;

import io.github.backprop.Differentiable;

/** Finance as it is written in a bank's utility class: messages, checks, Newton loops, helpers. */
final class Ledger {
  private static final double DAYS_PER_YEAR = 365.0;

  private Ledger() {}

  /** Standard normal CDF by the Abramowitz-Stegun approximation. */
  static double normCdf(double x) {
    double t = 1.0 / (1.0 + 0.2316419 * Math.abs(x));
    double d = 0.3989422804014327 * Math.exp(-x * x / 2.0);
    double p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
    return x >= 0 ? 1.0 - p : p;
  }

  // at: 100.0, 95.0, 0.25, 0.02, 0.5, "Call" ; 100.0, 105.0, 0.3, 0.01, 1.0, "put"
  @Differentiable
  static double black76(double forward, double strike, double vol, double rate, double years, String type) {
    if (years <= 0) {
      throw new IllegalArgumentException("Time to maturity must be positive, got " + years);
    }
    double stdDev = vol * Math.sqrt(years);
    double d1 = Math.log(forward / strike) / stdDev + 0.5 * stdDev;
    double d2 = d1 - stdDev;
    double df = Math.exp(-rate * years);
    return switch (type.toLowerCase()) {
      case "call" -> df * (forward * normCdf(d1) - strike * normCdf(d2));
      case "put" -> df * (strike * normCdf(-d2) - forward * normCdf(-d1));
      default -> throw new IllegalArgumentException("Unknown option type: " + type);
    };
  }

  // at: 250000.0, 0.045, 30
  @Differentiable
  static double monthlyPayment(double principal, double annualRate, int years) {
    double r = annualRate / 12;
    int n = years * 12;
    if (r == 0) {
      return principal / n;
    }
    return principal * r / (1 - Math.pow(1 + r, -n));
  }

  // at: [-100, 30, 40, 50, 20]
  @Differentiable
  static double irr(double[] cashFlows) {
    double rate = 0.1;
    for (int iter = 0; iter < 100; iter++) {
      double npv = 0;
      double dnpv = 0;
      for (int t = 0; t < cashFlows.length; t++) {
        double df = Math.pow(1 + rate, -t);
        npv += cashFlows[t] * df;
        dnpv -= t * cashFlows[t] * df / (1 + rate);
      }
      double step = npv / dnpv;
      rate -= step;
      if (Math.abs(step) < 1e-14) {
        break;
      }
    }
    return rate;
  }

  // at: 1000.0, 0.05, 10, 4
  @Differentiable
  static double futureValueOfAnnuity(double payment, double rate, int years, int periodsPerYear) {
    double i = rate / periodsPerYear;
    int n = years * periodsPerYear;
    double factor = (Math.pow(1 + i, n) - 1) / i;
    return payment * factor;
  }

  // at: 10000.0, 0.06, 90, 0.5
  @Differentiable
  static double simpleInterest(double principal, double rate, int days, double weeklyFee) {
    double interest = principal * rate * days / DAYS_PER_YEAR;
    String memo = String.format("interest on %.2f for %d days", principal, days);
    if (memo.isEmpty()) {
      throw new IllegalStateException();
    }
    long weeks = Math.round(days / 7.0);
    return interest - weeks * weeklyFee;
  }

  // at: 120000.0, 0.05, 0.02, 12
  @Differentiable
  static double amortizedBalance(double loan, double rate, double extra, int months) {
    double balance = loan;
    double monthly = rate / 12;
    double payment = loan * monthly / (1 - Math.pow(1 + monthly, -360));
    for (int m = 1; m <= months; m++) {
      double interest = balance * monthly;
      double principalPaid = payment - interest + extra * payment;
      if (principalPaid > balance) {
        principalPaid = balance;
      }
      balance -= principalPaid;
      if (balance <= 0) {
        break;
      }
    }
    return balance;
  }

  // at: 0.03, 0.035, 5.0
  @Differentiable
  static double forwardRate(double r1, double r2, double t) {
    StringBuilder log = new StringBuilder();
    log.append("r1=").append(r1).append(", r2=").append(r2);
    double t1 = t;
    double t2 = t + 1;
    double f = (r2 * t2 - r1 * t1) / (t2 - t1);
    if (Double.isNaN(f)) {
      throw new ArithmeticException("forward rate undefined: " + log);
    }
    return f;
  }

  // at: [100, 102, 101, 105, 107, 106]
  @Differentiable
  static double logReturnVolatility(double[] prices) {
    int n = prices.length - 1;
    double[] returns = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      returns[i] = Math.log(prices[i + 1] / prices[i]);
      mean += returns[i];
    }
    mean /= n;
    double var = 0;
    for (double r : returns) {
      var += (r - mean) * (r - mean);
    }
    return Math.sqrt(var / (n - 1) * 252);
  }

  // at: 0.05, 10.5, 0.04
  @Differentiable
  static double bondPrice(double coupon, double maturity, double yield) {
    double price = 0;
    int periods = (int) maturity;
    for (int k = 1; k <= periods; k++) {
      price += coupon * 100 / Math.pow(1 + yield, k);
    }
    price += 100 / Math.pow(1 + yield, maturity);
    return price;
  }

  // at: 103.0, 0.2, 0.05, 1.0, 50
  @Differentiable
  static double binomialCall(double spot, double vol, double rate, double years, int steps) {
    double dt = years / steps;
    double up = Math.exp(vol * Math.sqrt(dt));
    double down = 1 / up;
    double p = (Math.exp(rate * dt) - down) / (up - down);
    double[] values = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      values[i] = Math.max(spot * Math.pow(up, steps - i) * Math.pow(down, i) - 100, 0);
    }
    double disc = Math.exp(-rate * dt);
    for (int step = steps - 1; step >= 0; step--) {
      for (int i = 0; i <= step; i++) {
        values[i] = disc * (p * values[i] + (1 - p) * values[i + 1]);
      }
    }
    return values[0];
  }

  // at: 0.07, 0.02, 25
  @Differentiable
  static double presentValueGrowingAnnuity(double rate, double growth, int periods) {
    if (Math.abs(rate - growth) < 1e-12) {
      return periods / (1 + rate);
    }
    double ratio = (1 + growth) / (1 + rate);
    return (1 - Math.pow(ratio, periods)) / (rate - growth);
  }
}
