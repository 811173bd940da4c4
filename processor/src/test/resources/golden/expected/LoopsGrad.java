package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.LongStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Loops}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LoopsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LoopsGrad() {
    }

    /**
     * The value of {@code Loops.branchy(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Loops.branchy}
     * @return the value and the gradient
     */
    public static Branchy branchy(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = branchy(x, _d_x);
        return new Branchy(_value, _d_x);
    }

    /**
     * The value of {@code Loops.branchy(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Loops.branchy}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code branchy}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #branchy
     */
    public static double branchy(double[] x, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("x", _d_x, x);
            BooleanStack _booleans = _tape.booleans();
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                boolean _c0 = v > s;
                if (_c0) {
                    s = v * 2;
                } else {
                    s = s * 0.5 + v;
                }
                _booleans.push(_c0);
            }
            double _value = s;
            // grad of: return s;
            double _d_s = 1.0;
            // grad of: for (int i = 0; i < x.length; i++)
            for (int i = x.length - 1; i >= 0; i--) {
                double _d_v;
                if (_booleans.pop()) {
                    // grad of: s = v * 2;
                    _d_v = 2 * _d_s;
                    _d_s = 0.0;
                } else {
                    // grad of: s = s * 0.5 + v;
                    _d_v = _d_s;
                    _d_s = 0.5 * _d_s;
                }
                // grad of: double v = x[i];
                _d_x[i] += _d_v;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Loops.converge(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Loops.converge}
     * @return the value and the gradient
     */
    public static Converge converge(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = converge(x, _d_x);
        return new Converge(_value, _d_x);
    }

    /**
     * The value of {@code Loops.converge(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Loops.converge}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code converge}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #converge
     */
    public static double converge(double[] x, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("x", _d_x, x);
            DoubleStack _doubles = _tape.doubles();
            LongStack _longs = _tape.longs();
            double v = 0.0;
            double s = 0;
            for (int _i0 = 0; _i0 < x.length; _i0++) {
                v = x[_i0];
                long _n0 = 0;
                do {
                    _doubles.push(v);
                    v = Math.sqrt(v);
                    _n0++;
                } while (v > 2);
                _longs.push(_n0);
                s += v;
            }
            double _value = s;
            // grad of: for (double v : x)
            for (int _i0 = x.length - 1; _i0 >= 0; _i0--) {
                // grad of: s += v;
                double _d_v = 1.0;
                long _n0 = _longs.pop();
                // grad of: do ... while (v > 2)
                for (; _n0 > 0; _n0--) {
                    // grad of: v = Math.sqrt(v);
                    v = _doubles.pop();
                    _d_v *= 0.5 / Math.sqrt(v);
                }
                // grad of: double v : x
                _d_x[_i0] += _d_v;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Loops.euler(double, double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param y0 the argument {@code y0} of {@code Loops.euler}
     * @param k the argument {@code k} of {@code Loops.euler}
     * @param steps the argument {@code steps} of {@code Loops.euler}
     * @return the value and the gradient
     */
    public static Euler euler(double y0, double k, int steps) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double y = y0;
            double h = 0.1;
            for (int s = 0; s < steps; s++) {
                _doubles.push(y);
                y += h * (-k * y + Math.sin(y));
            }
            double _value = y;
            // grad of: return y;
            double _d_y = 1.0;
            double _d_k = 0.0;
            // grad of: for (int s = 0; s < steps; s++)
            for (int s = Math.max(0, steps) - 1; s >= 0; s--) {
                // grad of: y = y + h * (-k * y + Math.sin(y));
                y = _doubles.pop();
                double _r0 = _d_y * h;
                _d_k -= _r0 * y;
                _d_y = _d_y - _r0 * k + _r0 * Math.cos(y);
            }
            return new Euler(_value, _d_y, _d_k);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Loops.halve(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Loops.halve}
     * @return the value and the gradient
     */
    public static Halve halve(double x) {
        long _n0 = 0;
        while (x > 1) {
            x /= 2;
            _n0++;
        }
        double _value = x * x;
        // grad of: return x * x;
        double _d_x = 2 * x;
        // grad of: while (x > 1)
        for (; _n0 > 0; _n0--) {
            // grad of: x = x / 2;
            _d_x /= 2;
        }
        return new Halve(_value, _d_x);
    }

    /**
     * The value of {@code Loops.horner(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Loops.horner}
     * @param c the argument {@code c} of {@code Loops.horner}
     * @return the value and the gradient
     */
    public static Horner horner(double x, double[] c) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double[] _d_c = new double[c.length];
            double y = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                _doubles.push(y);
                y = y * x + c[i];
            }
            double _value = y;
            // grad of: return y;
            double _d_y = 1.0;
            double _d_x = 0.0;
            // grad of: for (int i = c.length - 1; i >= 0; i--)
            for (int i = 0; i <= c.length - 1; i++) {
                // grad of: y = y * x + c[i];
                y = _doubles.pop();
                _d_x += _d_y * y;
                _d_c[i] += _d_y;
                _d_y *= x;
            }
            return new Horner(_value, _d_x, _d_c);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Loops.nested(double[][], double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Loops.nested}
     * @param x the argument {@code x} of {@code Loops.nested}
     * @param b the argument {@code b} of {@code Loops.nested}
     * @return the value and the gradient
     */
    public static Nested nested(double[][] a, double[] x, double[] b) {
        double[][] _d_a = Adjoint.zerosLike(a);
        double[] _d_x = new double[x.length];
        double[] _d_b = new double[b.length];
        double _value = nested(a, x, b, _d_a, _d_x, _d_b);
        return new Nested(_value, _d_a, _d_x, _d_b);
    }

    /**
     * The value of {@code Loops.nested(double[][], double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_a}, {@code _d_x}, {@code _d_b}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param a the argument {@code a} of {@code Loops.nested}
     * @param x the argument {@code x} of {@code Loops.nested}
     * @param b the argument {@code b} of {@code Loops.nested}
     * @param _d_a where the gradient with respect to {@code a} is added
     * @param _d_x where the gradient with respect to {@code x} is added
     * @param _d_b where the gradient with respect to {@code b} is added
     * @return the value of {@code nested}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #nested
     */
    public static double nested(double[][] a, double[] x, double[] b, double[][] _d_a,
            double[] _d_x, double[] _d_b) {
        Shapes.require("a", _d_a, a);
        Shapes.apart("a", _d_a, "x", x);
        Shapes.apart("a", _d_a, "b", b);
        Shapes.require("x", _d_x, x);
        Shapes.apart("x", _d_x, "a", a);
        Shapes.apart("x", _d_x, "b", b);
        Shapes.require("b", _d_b, b);
        Shapes.apart("b", _d_b, "a", a);
        Shapes.apart("b", _d_b, "x", x);
        double loss = 0;
        int i = 0;
        // 4 iterations side by side: each sum adds their terms in iteration order
        for (; i < a.length - 3; i += 4) {
            int _i1 = i + 1;
            int _i2 = i + 2;
            int _i3 = i + 3;
            double r = -b[i];
            double _r1 = -b[_i1];
            double _r2 = -b[_i2];
            double _r3 = -b[_i3];
            for (int j = 0; j < x.length; j++) {
                r += a[i][j] * x[j];
                _r1 += a[_i1][j] * x[j];
                _r2 += a[_i2][j] * x[j];
                _r3 += a[_i3][j] * x[j];
            }
            loss += r * r;
            loss += _r1 * _r1;
            loss += _r2 * _r2;
            loss += _r3 * _r3;
            // grad of this iteration of: for (int i = 0; i < a.length; i++)
            // grad of: for (int j = 0; j < x.length; j++)
            for (int j = x.length - 1; j >= 0; j--) {
                // grad of: r += a[i][j] * x[j];
                _d_a[i][j] += r * x[j];
                _d_a[_i1][j] += _r1 * x[j];
                _d_a[_i2][j] += _r2 * x[j];
                _d_a[_i3][j] += _r3 * x[j];
                _d_x[j] += r * a[i][j];
                _d_x[j] += _r1 * a[_i1][j];
                _d_x[j] += _r2 * a[_i2][j];
                _d_x[j] += _r3 * a[_i3][j];
            }
            // grad of: double r = -b[i];
            _d_b[i] -= r;
            _d_b[_i1] -= _r1;
            _d_b[_i2] -= _r2;
            _d_b[_i3] -= _r3;
        }
        // the iterations left over, one at a time
        for (; i < a.length; i++) {
            double r = -b[i];
            for (int j = 0; j < x.length; j++) {
                r += a[i][j] * x[j];
            }
            loss += r * r;
            // grad of this iteration of: for (int i = 0; i < a.length; i++)
            // grad of: for (int j = 0; j < x.length; j++)
            for (int j = x.length - 1; j >= 0; j--) {
                // grad of: r += a[i][j] * x[j];
                _d_a[i][j] += r * x[j];
                _d_x[j] += r * a[i][j];
            }
            // grad of: double r = -b[i];
            _d_b[i] -= r;
        }
        double _value = 0.5 * loss;
        return _value;
    }

    /**
     * The value of {@code Loops.rosenbrock(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Loops.rosenbrock}
     * @return the value and the gradient
     */
    public static Rosenbrock rosenbrock(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = rosenbrock(x, _d_x);
        return new Rosenbrock(_value, _d_x);
    }

    /**
     * The value of {@code Loops.rosenbrock(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Loops.rosenbrock}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code rosenbrock}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #rosenbrock
     */
    public static double rosenbrock(double[] x, double[] _d_x) {
        Shapes.require("x", _d_x, x);
        double f = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            // grad of this iteration of: for (int i = 0; i < x.length - 1; i++)
            // grad of: f += 100 * a * a + b * b;
            double _d_a = 200 * a;
            double _d_b = 2 * b;
            // grad of: double b = 1 - x[i];
            _d_x[i] -= _d_b;
            // grad of: double a = x[i + 1] - x[i] * x[i];
            _d_x[i] -= 2 * _d_a * x[i];
            _d_x[i + 1] += _d_a;
        }
        double _value = f;
        return _value;
    }

    /**
     * The result of {@link LoopsGrad#branchy}: the value and the gradient.
     *
     * @param value the value of {@code branchy(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Branchy(double value, double[] x) {
    }

    /**
     * The result of {@link LoopsGrad#converge}: the value and the gradient.
     *
     * @param value the value of {@code converge(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Converge(double value, double[] x) {
    }

    /**
     * The result of {@link LoopsGrad#euler}: the value and the gradient.
     *
     * @param value the value of {@code euler(double, double, int)}
     * @param y0 &part; value / &part; y0, the partial derivative with respect to {@code y0}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record Euler(double value, double y0, double k) {
    }

    /**
     * The result of {@link LoopsGrad#halve}: the value and the gradient.
     *
     * @param value the value of {@code halve(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Halve(double value, double x) {
    }

    /**
     * The result of {@link LoopsGrad#horner}: the value and the gradient.
     *
     * @param value the value of {@code horner(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param c &part; value / &part; c, the partial derivative with respect to {@code c}
     */
    public record Horner(double value, double x, double[] c) {
    }

    /**
     * The result of {@link LoopsGrad#nested}: the value and the gradient.
     *
     * @param value the value of {@code nested(double[][], double[], double[])}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Nested(double value, double[][] a, double[] x, double[] b) {
    }

    /**
     * The result of {@link LoopsGrad#rosenbrock}: the value and the gradient.
     *
     * @param value the value of {@code rosenbrock(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Rosenbrock(double value, double[] x) {
    }
}
