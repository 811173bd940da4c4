package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Optimisations}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class OptimisationsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private OptimisationsGrad() {
    }

    /**
     * The value of {@code Optimisations.activity(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.activity}
     * @param n the argument {@code n} of {@code Optimisations.activity}
     * @return the value and the gradient
     */
    public static Activity activity(double x, int n) {
        int k = n * n;
        double c = Math.sin(n);
        double _value = x * c + k;
        return new Activity(_value, c);
    }

    /**
     * The value of {@code Optimisations.copies(double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Optimisations.copies}
     * @param b the argument {@code b} of {@code Optimisations.copies}
     * @param f the argument {@code f} of {@code Optimisations.copies}
     * @return the value and the gradient
     */
    public static Copies copies(double a, double b, double f) {
        double e = a * b;
        double g = e;
        double _exp0 = Math.exp(a);
        double _value = g * f + _exp0;
        // grad of: return g * f + Math.exp(a);
        double _d_a = _exp0;
        // grad of: double e = a * b;
        _d_a += f * b;
        double _d_b = f * a;
        return new Copies(_value, _d_a, _d_b, g);
    }

    /**
     * The value of {@code Optimisations.deadAdjoint(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param y the argument {@code y} of {@code Optimisations.deadAdjoint}
     * @return the value and the gradient
     */
    public static DeadAdjoint deadAdjoint(double y) {
        double u = Math.floor(y * 16) / 16;
        double _exp0 = Math.exp(-u * u * 0.5);
        double _value = _exp0 * y;
        return new DeadAdjoint(_value, _exp0);
    }

    /**
     * The value of {@code Optimisations.folding(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.folding}
     * @param y the argument {@code y} of {@code Optimisations.folding}
     * @return the value and the gradient
     */
    public static Folding folding(double x, double y) {
        double _value = 3 * x + 2 * x + y * y + (1 - 1) * x;
        // grad of: return 3 * x + 2 * x + y * y + (1 - 1) * x;
        double _d_y = 2 * y;
        return new Folding(_value, 5.0, _d_y);
    }

    /**
     * The value of {@code Optimisations.fusion(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.fusion}
     * @return the value and the gradient
     */
    public static Fusion fusion(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = fusion(x, _d_x);
        return new Fusion(_value, _d_x);
    }

    /**
     * The value of {@code Optimisations.fusion(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Optimisations.fusion}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code fusion}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #fusion
     */
    public static double fusion(double[] x, double[] _d_x) {
        Shapes.require("x", _d_x, x);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i]) * x[i];
            // grad of this iteration of: for (int i = 0; i < x.length; i++)
            // grad of: s += Math.sin(x[i]) * x[i];
            _d_x[i] += x[i] * Math.cos(x[i]) + Math.sin(x[i]);
        }
        double _value = s;
        return _value;
    }

    /**
     * The value of {@code Optimisations.horner(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param s the argument {@code s} of {@code Optimisations.horner}
     * @return the value and the gradient
     */
    public static Horner horner(double s) {
        double _p0 = (0.5 * s + 2.25) * s + 161.0;
        double _p1 = _p0 * s + 1067.5;
        double _p2 = (s + 47.2) * s + 976.1;
        double _p3 = _p1 * s + 18154.0;
        double _value = _p3 / _p2;
        // grad of: return ((((0.5 * s + 2.25) * s + 161.0) * s + 1067.5) * s + 18154.0) / ((s + 47.2) * s + 976.1);
        double _r0 = 1.0 / _p2;
        double _d_p2 = -(_r0 * (_p3 / _p2));
        double _d_p1 = _r0 * s;
        double _d_s = _r0 * _p1;
        _d_s += _d_p2 * s + _d_p2 * (s + 47.2);
        double _d_p0 = _d_p1 * s;
        _d_s += _d_p1 * _p0;
        _d_s += 0.5 * (_d_p0 * s) + _d_p0 * (0.5 * s + 2.25);
        return new Horner(_value, _d_s);
    }

    /**
     * The value of {@code Optimisations.hornerLoop(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.hornerLoop}
     * @return the value and the gradient
     */
    public static HornerLoop hornerLoop(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = hornerLoop(x, _d_x);
        return new HornerLoop(_value, _d_x);
    }

    /**
     * The value of {@code Optimisations.hornerLoop(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Optimisations.hornerLoop}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code hornerLoop}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #hornerLoop
     */
    public static double hornerLoop(double[] x, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("x", _d_x, x);
            DoubleStack _doubles = _tape.doubles();
            double s = 0;
            for (int i = 0; i < Optimisations.DEGREE; i++) {
                double _p0 = (x[i] * 0.5 + 1.5) * x[i] + 2.5;
                double _p1 = _p0 * x[i];
                _doubles.push(s);
                s += _p1 * s;
            }
            double _value = s;
            // grad of: return s;
            double _d_s = 1.0;
            // grad of: for (int i = 0; i < DEGREE; i++)
            for (int i = Optimisations.DEGREE - 1; i >= 0; i--) {
                double _p0 = (x[i] * 0.5 + 1.5) * x[i] + 2.5;
                double _p1 = _p0 * x[i];
                // grad of: s += ((x[i] * 0.5 + 1.5) * x[i] + 2.5) * x[i] * s;
                s = _doubles.pop();
                double _d_p1 = _d_s * s;
                _d_s += _d_s * _p1;
                double _d_p0 = _d_p1 * x[i];
                _d_x[i] += _d_p1 * _p0;
                _d_x[i] += 0.5 * (_d_p0 * x[i]) + _d_p0 * (x[i] * 0.5 + 1.5);
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Optimisations.noZeroing(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.noZeroing}
     * @param y the argument {@code y} of {@code Optimisations.noZeroing}
     * @return the value and the gradient
     */
    public static NoZeroing noZeroing(double x, double y) {
        double z = 0.0;
        if (y > 0) {
            z = x * y;
        } else {
            z = Math.exp(x);
        }
        double _value = z;
        // grad of: return z;
        double _d_x;
        double _d_y = 0.0;
        if (y > 0) {
            // grad of: z = x * y;
            _d_x = y;
            _d_y = x;
        } else {
            // grad of: z = Math.exp(x);
            _d_x = z;
        }
        return new NoZeroing(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Optimisations.recorded(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.recorded}
     * @param y the argument {@code y} of {@code Optimisations.recorded}
     * @return the value and the gradient
     */
    public static Recorded recorded(double x, double y) {
        x += y;
        double z = x * x;
        double _t0 = x;
        x *= y;
        double _value = x + z;
        // grad of: return x + z;
        double _d_x = 1.0;
        // grad of: x = x * y;
        x = _t0;
        double _d_y = _d_x * x;
        _d_x *= y;
        // grad of: double z = x * x;
        _d_x += 2 * x;
        // grad of: x = x + y;
        _d_y += _d_x;
        return new Recorded(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Optimisations.reuse(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Optimisations.reuse}
     * @return the value and the gradient
     */
    public static Reuse reuse(double x) {
        double e = Math.exp(x);
        double r = Math.sqrt(e + 1);
        double _tanh0 = Math.tanh(r);
        double _value = _tanh0 + r * e;
        // grad of: return Math.tanh(r) + r * e;
        double _d_r = e;
        double _d_e = r;
        _d_r += 1.0 - _tanh0 * _tanh0;
        // grad of: double r = Math.sqrt(e + 1);
        _d_e += _d_r * (0.5 / r);
        // grad of: double e = Math.exp(x);
        double _d_x = _d_e * e;
        return new Reuse(_value, _d_x);
    }

    /**
     * The result of {@link OptimisationsGrad#activity}: the value and the gradient.
     *
     * @param value the value of {@code activity(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Activity(double value, double x) {
    }

    /**
     * The result of {@link OptimisationsGrad#copies}: the value and the gradient.
     *
     * @param value the value of {@code copies(double, double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param f &part; value / &part; f, the partial derivative with respect to {@code f}
     */
    public record Copies(double value, double a, double b, double f) {
    }

    /**
     * The result of {@link OptimisationsGrad#deadAdjoint}: the value and the gradient.
     *
     * @param value the value of {@code deadAdjoint(double)}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record DeadAdjoint(double value, double y) {
    }

    /**
     * The result of {@link OptimisationsGrad#folding}: the value and the gradient.
     *
     * @param value the value of {@code folding(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Folding(double value, double x, double y) {
    }

    /**
     * The result of {@link OptimisationsGrad#fusion}: the value and the gradient.
     *
     * @param value the value of {@code fusion(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Fusion(double value, double[] x) {
    }

    /**
     * The result of {@link OptimisationsGrad#horner}: the value and the gradient.
     *
     * @param value the value of {@code horner(double)}
     * @param s &part; value / &part; s, the partial derivative with respect to {@code s}
     */
    public record Horner(double value, double s) {
    }

    /**
     * The result of {@link OptimisationsGrad#hornerLoop}: the value and the gradient.
     *
     * @param value the value of {@code hornerLoop(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record HornerLoop(double value, double[] x) {
    }

    /**
     * The result of {@link OptimisationsGrad#noZeroing}: the value and the gradient.
     *
     * @param value the value of {@code noZeroing(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record NoZeroing(double value, double x, double y) {
    }

    /**
     * The result of {@link OptimisationsGrad#recorded}: the value and the gradient.
     *
     * @param value the value of {@code recorded(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Recorded(double value, double x, double y) {
    }

    /**
     * The result of {@link OptimisationsGrad#reuse}: the value and the gradient.
     *
     * @param value the value of {@code reuse(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Reuse(double value, double x) {
    }
}
