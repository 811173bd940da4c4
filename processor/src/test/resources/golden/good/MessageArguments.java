package golden;

import io.github.backprop.Differentiable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A logger given an Object[] of differentiable values, as Strata's SABR formula logs a clipped strike. */
class MessageArguments {
  private static final Logger log = LoggerFactory.getLogger(MessageArguments.class);

  @Differentiable
  static double clipped(double forward, double strike) {
    double cutoff = forward * 0.25;
    double k = strike;
    if (k < cutoff) {
      log.info("Given strike of {} is less than cutoff at {}, therefore the strike is taken as {}",
          new Object[] {k, cutoff, cutoff});
      k = cutoff;
    }
    return Math.log(forward / k) * k;
  }
}
