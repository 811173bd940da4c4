package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Helpers}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class HelpersGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private HelpersGrad() {
    }

    /**
     * The value of {@code Helpers.assignments(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Helpers.assignments}
     * @param w the argument {@code w} of {@code Helpers.assignments}
     * @return the value and the gradient
     */
    public static Assignments assignments(double x, double[] w) {
        double[] _d_w = new double[w.length];
        int i = 0;
        int _old0 = i;
        i++;
        double s = w[_old0] * x;
        double t = 0.0;
        t = x * x;
        int _old1 = i;
        i++;
        s += t * w[_old1];
        double _value = s * t;
        // grad of: return s * t;
        double _d_t = s;
        // grad of: s += (t = x * x) * w[i++];
        _d_t += t * w[_old1];
        _d_w[_old1] += t * t;
        // grad of: t = x * x
        double _d_x = 2 * _d_t * x;
        // grad of: double s = w[i++] * x;
        _d_w[_old0] += t * x;
        _d_x += t * w[_old0];
        return new Assignments(_value, _d_x, _d_w);
    }

    /**
     * The value of {@code Helpers.clipped(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Helpers.clipped}
     * @param y the argument {@code y} of {@code Helpers.clipped}
     * @return the value and the gradient
     */
    public static Clipped clipped(double x, double y) {
        double v = x * y;
        double clip = 0.0;
        if (v < -1.0) {
            clip = -1.0;
        } else if (v > 1.0) {
            clip = 1.0;
        } else {
            clip = v;
        }
        double _q0;
        if (y > 0) {
            double square = y * y;
            _q0 = square;
        } else {
            _q0 = 0;
        }
        double _value = clip + _q0;
        // grad of: return clip(x * y, -1, 1) + (y > 0 ? square(y) : 0);
        double _d_y = 0.0;
        if (y > 0) {
            _d_y = 2 * y;
        }
        double _d_v = 0.0;
        if (!(v < -1.0)) {
            if (!(v > 1.0)) {
                _d_v = 1.0;
            }
        }
        double _d_x = _d_v * y;
        _d_y += _d_v * x;
        return new Clipped(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Helpers.loss(double[], double, double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code Helpers.loss}
     * @param b the argument {@code b} of {@code Helpers.loss}
     * @param xs the argument {@code xs} of {@code Helpers.loss}
     * @param ys the argument {@code ys} of {@code Helpers.loss}
     * @return the value and the gradient
     */
    public static Loss loss(double[] w, double b, double[] xs, double[] ys) {
        double[] _d_w = new double[w.length];
        double[] _d_xs = new double[xs.length];
        double[] _d_ys = new double[ys.length];
        double s = 0;
        // grad of: return s / xs.length;
        double _d_s = 1.0 / xs.length;
        double _d_b = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double predict = w[0] * x + w[1] * x * x + b;
            double r = predict - ys[i];
            double square = r * r;
            s += square;
            // grad of this iteration of: for (int i = 0; i < xs.length; i++)
            // grad of: s += square(r);
            double _d_r = 2 * _d_s * r;
            // grad of: double r = predict(w, b, xs[i]) - ys[i];
            _d_ys[i] -= _d_r;
            _d_w[0] += _d_r * x;
            double _r0 = _d_r * x;
            _d_w[1] += _r0 * x;
            double _d_x = _d_r * w[0] + _r0 * w[1] + _d_r * (w[1] * x);
            _d_b += _d_r;
            _d_xs[i] += _d_x;
        }
        double _value = s / xs.length;
        return new Loss(_value, _d_w, _d_b, _d_xs, _d_ys);
    }

    /**
     * The value of {@code Helpers.scaled(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param z the argument {@code z} of {@code Helpers.scaled}
     * @return the value and the gradient
     */
    public static Scaled scaled(double[] z) {
        double[] _d_z = new double[z.length];
        double _value = scaled(z, _d_z);
        return new Scaled(_value, _d_z);
    }

    /**
     * The value of {@code Helpers.scaled(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_z}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param z the argument {@code z} of {@code Helpers.scaled}
     * @param _d_z where the gradient with respect to {@code z} is added
     * @return the value of {@code scaled}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #scaled
     */
    public static double scaled(double[] z, double[] _d_z) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("z", _d_z, z);
            DoubleStack _doubles = _tape.doubles();
            double[] copy = new double[z.length];
            int _n0 = z.length;
            for (int _k0 = 0; _k0 < _n0; _k0++) {
                copy[_k0] = z[_k0];
            }
            for (int i = 0; i < copy.length; i++) {
                _doubles.push(copy[i]);
                copy[i] *= 0.5;
            }
            double _value = copy[0] * copy[z.length - 1];
            double[] _d_copy = new double[copy.length];
            // grad of: return copy[0] * copy[z.length - 1];
            _d_copy[0] += copy[z.length - 1];
            _d_copy[z.length - 1] += copy[0];
            // grad of: for (int i = 0; i < z.length; i++)
            for (int i = copy.length - 1; i >= 0; i--) {
                // grad of: z[i] *= f;
                copy[i] = _doubles.pop();
                _d_copy[i] = 0.5 * _d_copy[i];
            }
            for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
                _d_z[_k0] += _d_copy[_k0];
                _d_copy[_k0] = 0.0;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link HelpersGrad#assignments}: the value and the gradient.
     *
     * @param value the value of {@code assignments(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Assignments(double value, double x, double[] w) {
    }

    /**
     * The result of {@link HelpersGrad#clipped}: the value and the gradient.
     *
     * @param value the value of {@code clipped(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Clipped(double value, double x, double y) {
    }

    /**
     * The result of {@link HelpersGrad#loss}: the value and the gradient.
     *
     * @param value the value of {@code loss(double[], double, double[], double[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param xs &part; value / &part; xs, the partial derivative with respect to {@code xs}
     * @param ys &part; value / &part; ys, the partial derivative with respect to {@code ys}
     */
    public record Loss(double value, double[] w, double b, double[] xs, double[] ys) {
    }

    /**
     * The result of {@link HelpersGrad#scaled}: the value and the gradient.
     *
     * @param value the value of {@code scaled(double[])}
     * @param z &part; value / &part; z, the partial derivative with respect to {@code z}
     */
    public record Scaled(double value, double[] z) {
    }
}
