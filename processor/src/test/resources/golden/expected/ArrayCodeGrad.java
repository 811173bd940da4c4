package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ArrayCode}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ArrayCodeGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ArrayCodeGrad() {
    }

    /**
     * The value of {@code ArrayCode.dot(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code ArrayCode.dot}
     * @param b the argument {@code b} of {@code ArrayCode.dot}
     * @return the value and the gradient
     */
    public static Dot dot(double[] a, double[] b) {
        double[] _d_a = new double[a.length];
        double[] _d_b = new double[b.length];
        double _value = dot(a, b, _d_a, _d_b);
        return new Dot(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code ArrayCode.dot(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_a}, {@code _d_b}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param a the argument {@code a} of {@code ArrayCode.dot}
     * @param b the argument {@code b} of {@code ArrayCode.dot}
     * @param _d_a where the gradient with respect to {@code a} is added
     * @param _d_b where the gradient with respect to {@code b} is added
     * @return the value of {@code dot}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #dot
     */
    public static double dot(double[] a, double[] b, double[] _d_a, double[] _d_b) {
        Shapes.require("a", _d_a, a);
        Shapes.apart("a", _d_a, "b", b);
        Shapes.require("b", _d_b, b);
        Shapes.apart("b", _d_b, "a", a);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
            // grad of this iteration of: for (int i = 0; i < a.length; i++)
            // grad of: s += a[i] * b[i];
            _d_a[i] += b[i];
            _d_b[i] += a[i];
        }
        double _value = s;
        return _value;
    }

    /**
     * The value of {@code ArrayCode.fit(double[], double[], double[])} and its gradient with respect to {@code w}.
     *
     * @param w the argument {@code w} of {@code ArrayCode.fit}
     * @param x the argument {@code x} of {@code ArrayCode.fit}
     * @param y the argument {@code y} of {@code ArrayCode.fit}
     * @return the value and the gradient
     */
    public static Fit fit(double[] w, double[] x, double[] y) {
        double[] _d_w = new double[w.length];
        double _value = fit(w, x, y, _d_w);
        return new Fit(_value, _d_w);
    }

    /**
     * The value of {@code ArrayCode.fit(double[], double[], double[])}, after adding its gradient with respect to {@code w} into {@code _d_w}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code ArrayCode.fit}
     * @param x the argument {@code x} of {@code ArrayCode.fit}
     * @param y the argument {@code y} of {@code ArrayCode.fit}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @return the value of {@code fit}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #fit
     */
    public static double fit(double[] w, double[] x, double[] y, double[] _d_w) {
        Shapes.require("w", _d_w, w);
        Shapes.apart("w", _d_w, "x", x);
        Shapes.apart("w", _d_w, "y", y);
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double _exp0 = Math.exp(-w[1] * x[i]);
            double e = w[0] * _exp0 + w[2] - y[i];
            loss += e * e;
            // grad of this iteration of: for (int i = 0; i < x.length; i++)
            // grad of: loss += e * e;
            double _d_e = 2 * e;
            // grad of: double e = w[0] * Math.exp(-w[1] * x[i]) + w[2] - y[i];
            _d_w[0] += _d_e * _exp0;
            double _d_exp0 = _d_e * w[0];
            _d_w[2] += _d_e;
            _d_w[1] -= _d_exp0 * _exp0 * x[i];
        }
        double _value = loss;
        return _value;
    }

    /**
     * The value of {@code ArrayCode.gather(double[], int[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code ArrayCode.gather}
     * @param idx the argument {@code idx} of {@code ArrayCode.gather}
     * @return the value and the gradient
     */
    public static Gather gather(double[] w, int[] idx) {
        double[] _d_w = new double[w.length];
        double _value = gather(w, idx, _d_w);
        return new Gather(_value, _d_w);
    }

    /**
     * The value of {@code ArrayCode.gather(double[], int[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code ArrayCode.gather}
     * @param idx the argument {@code idx} of {@code ArrayCode.gather}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @return the value of {@code gather}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #gather
     */
    public static double gather(double[] w, int[] idx, double[] _d_w) {
        Shapes.require("w", _d_w, w);
        double s = 0;
        for (int k = 0; k < idx.length; k++) {
            s += w[idx[k]] * w[idx[k]];
            // grad of this iteration of: for (int k = 0; k < idx.length; k++)
            // grad of: s += w[idx[k]] * w[idx[k]];
            _d_w[idx[k]] += 2 * w[idx[k]];
        }
        double _value = s;
        return _value;
    }

    /**
     * The value of {@code ArrayCode.layer(double[], double[][], int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code ArrayCode.layer}
     * @param x the argument {@code x} of {@code ArrayCode.layer}
     * @param hidden the argument {@code hidden} of {@code ArrayCode.layer}
     * @return the value and the gradient
     */
    public static Layer layer(double[] w, double[][] x, int hidden) {
        double[] _d_w = new double[w.length];
        double[][] _d_x = Adjoint.zerosLike(x);
        double _value = layer(w, x, hidden, _d_w, _d_x);
        return new Layer(_value, _d_w, _d_x);
    }

    /**
     * The value of {@code ArrayCode.layer(double[], double[][], int)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code ArrayCode.layer}
     * @param x the argument {@code x} of {@code ArrayCode.layer}
     * @param hidden the argument {@code hidden} of {@code ArrayCode.layer}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code layer}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #layer
     */
    public static double layer(double[] w, double[][] x, int hidden, double[] _d_w,
            double[][] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w", _d_w, w);
            Shapes.apart("w", _d_w, "x", x);
            Shapes.require("x", _d_x, x);
            Shapes.apart("x", _d_x, "w", w);
            DoubleStack _doubles = _tape.doubles();
            double _tanh0 = 0.0;
            double out = 0;
            for (int s = 0; s < x.length; s++) {
                for (int j = 0; j < hidden; j++) {
                    _doubles.push(_tanh0);
                    _tanh0 = Math.tanh(w[j] * x[s][0] + w[j] * x[s][1]);
                    out += w[hidden + j] * _tanh0;
                }
                // grad of this iteration of: for (int s = 0; s < x.length; s++)
                // grad of: for (int j = 0; j < hidden; j++)
                for (int j = Math.max(0, hidden) - 1; j >= 0; j--) {
                    // grad of: out += w[hidden + j] * Math.tanh(w[j] * row[0] + w[j] * row[1]);
                    _d_w[hidden + j] += _tanh0;
                    double _d_tanh0 = w[hidden + j];
                    double _r0 = _d_tanh0 * (1.0 - _tanh0 * _tanh0);
                    _d_x[s][0] += _r0 * w[j];
                    _d_w[j] += _r0 * x[s][0] + _r0 * x[s][1];
                    _d_x[s][1] += _r0 * w[j];
                    _tanh0 = _doubles.pop();
                }
            }
            double _value = out;
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code ArrayCode.locals(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ArrayCode.locals}
     * @param y the argument {@code y} of {@code ArrayCode.locals}
     * @return the value and the gradient
     */
    public static Locals locals(double x, double y) {
        double[] v = {x, y, x * y};
        double[] w = new double[3];
        for (int i = 0; i < 3; i++) {
            w[i] = Math.tanh(v[i]);
        }
        Dot _g0 = ArrayCodeGrad.dot(v, w);
        double _value = _g0.value();
        double[] _d_v = new double[v.length];
        double[] _d_w = new double[w.length];
        // grad of: return dot(v, w);
        Adjoint.addTo(_d_v, 1.0, _g0.a());
        Adjoint.addTo(_d_w, 1.0, _g0.b());
        // grad of: for (int i = 0; i < 3; i++)
        for (int i = 2; i >= 0; i--) {
            // grad of: w[i] = Math.tanh(v[i]);
            _d_v[i] += _d_w[i] * (1.0 - w[i] * w[i]);
            _d_w[i] = 0.0;
        }
        // grad of: double[] v = {x, y, x * y};
        double _d_x = _d_v[0] + _d_v[2] * y;
        double _d_y = _d_v[1] + _d_v[2] * x;
        return new Locals(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code ArrayCode.power(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ArrayCode.power}
     * @param n the argument {@code n} of {@code ArrayCode.power}
     * @return the value and the gradient
     */
    public static Power power(double x, int n) {
        double _value;
        Power _g0 = null;
        if (n == 0) {
            _value = 1;
        } else {
            _g0 = ArrayCodeGrad.power(x, n - 1);
            _value = x * _g0.value();
        }
        double _d_x = 0.0;
        if (!(n == 0)) {
            // grad of: return x * power(x, n - 1);
            _d_x = _g0.value();
            _d_x += x * _g0.x();
        }
        return new Power(_value, _d_x);
    }

    /**
     * The value of {@code ArrayCode.scaleInPlace(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code ArrayCode.scaleInPlace}
     * @param k the argument {@code k} of {@code ArrayCode.scaleInPlace}
     * @return the value and the gradient
     */
    public static ScaleInPlace scaleInPlace(double[] w, double k) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double[] _d_w = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                _doubles.push(w[i]);
                w[i] *= k;
            }
            Dot _g0 = ArrayCodeGrad.dot(w, w);
            double _value = _g0.value();
            double[] _w0 = Adjoint.copyOf(w);
            // grad of: return dot(w, w);
            Adjoint.addTo(_d_w, 1.0, _g0.a());
            Adjoint.addTo(_d_w, 1.0, _g0.b());
            double _d_k = 0.0;
            // grad of: for (int i = 0; i < w.length; i++)
            for (int i = w.length - 1; i >= 0; i--) {
                // grad of: w[i] = w[i] * k;
                w[i] = _doubles.pop();
                _d_k += _d_w[i] * w[i];
                _d_w[i] *= k;
            }
            Adjoint.copyInto(_w0, w);
            return new ScaleInPlace(_value, _d_w, _d_k);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link ArrayCodeGrad#dot}: the value and the gradient.
     *
     * @param value the value of {@code dot(double[], double[])}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Dot(double value, double[] a, double[] b) {
    }

    /**
     * The result of {@link ArrayCodeGrad#fit}: the value and the gradient.
     *
     * @param value the value of {@code fit(double[], double[], double[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Fit(double value, double[] w) {
    }

    /**
     * The result of {@link ArrayCodeGrad#gather}: the value and the gradient.
     *
     * @param value the value of {@code gather(double[], int[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Gather(double value, double[] w) {
    }

    /**
     * The result of {@link ArrayCodeGrad#layer}: the value and the gradient.
     *
     * @param value the value of {@code layer(double[], double[][], int)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Layer(double value, double[] w, double[][] x) {
    }

    /**
     * The result of {@link ArrayCodeGrad#locals}: the value and the gradient.
     *
     * @param value the value of {@code locals(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Locals(double value, double x, double y) {
    }

    /**
     * The result of {@link ArrayCodeGrad#power}: the value and the gradient.
     *
     * @param value the value of {@code power(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Power(double value, double x) {
    }

    /**
     * The result of {@link ArrayCodeGrad#scaleInPlace}: the value and the gradient.
     *
     * @param value the value of {@code scaleInPlace(double[], double)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record ScaleInPlace(double value, double[] w, double k) {
    }
}
