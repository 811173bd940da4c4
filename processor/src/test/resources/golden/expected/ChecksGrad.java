package golden;

import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Checks}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ChecksGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ChecksGrad() {
    }

    /**
     * The value of {@code Checks.logLoss(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param p the argument {@code p} of {@code Checks.logLoss}
     * @param w the argument {@code w} of {@code Checks.logLoss}
     * @return the value and the gradient
     */
    public static LogLoss logLoss(double p, double[] w) {
        double[] _d_w = new double[w.length];
        Objects.requireNonNull(w, "w");
        Checks.checkPositive(p, "p");
        if (Double.isNaN(p) || p >= 1) {
            throw new IllegalArgumentException("p = " + p + " is not below 1");
        }
        assert w.length > 0 : "empty w";
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (Double.isInfinite(w[i])) {
                throw new ArithmeticException("w[" + i + "] is infinite");
            }
            s += w[i] * Math.log(p);
        }
        Checks.LOG.fine("loss " + s + " at p = " + p);
        double _value = -s;
        // grad of: return -s;
        double _d_p = 0.0;
        // grad of: for (int i = 0; i < w.length; i++)
        for (int i = w.length - 1; i >= 0; i--) {
            // grad of: s += w[i] * Math.log(p);
            _d_w[i] -= Math.log(p);
            _d_p -= w[i] / p;
        }
        return new LogLoss(_value, _d_p, _d_w);
    }

    /**
     * The value of {@code Checks.select(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Checks.select}
     * @param kind the argument {@code kind} of {@code Checks.select}
     * @return the value and the gradient
     */
    public static Select select(double x, int kind) {
        double _value = 0.0;
        if (kind == 0) {
            _value = x * x;
        } else if (kind == 1) {
            _value = Math.exp(x);
        } else {
            throw new IllegalArgumentException("unknown kind " + kind);
        }
        double _d_x = 0.0;
        if (kind == 0) {
            // grad of: return x * x;
            _d_x = 2 * x;
        } else if (kind == 1) {
            // grad of: return Math.exp(x);
            _d_x = _value;
        }
        return new Select(_value, _d_x);
    }

    /**
     * The result of {@link ChecksGrad#logLoss}: the value and the gradient.
     *
     * @param value the value of {@code logLoss(double, double[])}
     * @param p &part; value / &part; p, the partial derivative with respect to {@code p}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record LogLoss(double value, double p, double[] w) {
    }

    /**
     * The result of {@link ChecksGrad#select}: the value and the gradient.
     *
     * @param value the value of {@code select(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Select(double value, double x) {
    }
}
