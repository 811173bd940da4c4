package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Floats}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class FloatsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private FloatsGrad() {
    }

    /**
     * The value of {@code Floats.callsFloat(float, double)} and its gradient with respect to every {@code double} and {@code float} parameter.
     *
     * @param a the argument {@code a} of {@code Floats.callsFloat}
     * @param x the argument {@code x} of {@code Floats.callsFloat}
     * @return the value and the gradient
     */
    public static CallsFloat callsFloat(float a, double x) {
        Product _g0 = FloatsGrad.product(a, a);
        double _value = _g0.value() * x;
        // grad of: return product(a, a) * x;
        float _d_g0 = (float) x;
        double _d_x = (double) _g0.value();
        float _d_a = _d_g0 * _g0.a() + _d_g0 * _g0.b();
        return new CallsFloat(_value, _d_a, _d_x);
    }

    /**
     * The value of {@code Floats.dot(float[], float[])} and its gradient with respect to every {@code float} parameter.
     *
     * @param w the argument {@code w} of {@code Floats.dot}
     * @param v the argument {@code v} of {@code Floats.dot}
     * @return the value and the gradient
     */
    public static Dot dot(float[] w, float[] v) {
        float[] _d_w = new float[w.length];
        float[] _d_v = new float[v.length];
        float _value = dot(w, v, _d_w, _d_v);
        return new Dot(_value, _d_w, _d_v);
    }

    /**
     * The value of {@code Floats.dot(float[], float[])}, after adding its gradient with respect to every {@code float} parameter into {@code _d_w}, {@code _d_v}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code Floats.dot}
     * @param v the argument {@code v} of {@code Floats.dot}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_v where the gradient with respect to {@code v} is added
     * @return the value of {@code dot}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #dot
     */
    public static float dot(float[] w, float[] v, float[] _d_w, float[] _d_v) {
        Shapes.require("w", _d_w, w);
        Shapes.apart("w", _d_w, "v", v);
        Shapes.require("v", _d_v, v);
        Shapes.apart("v", _d_v, "w", w);
        float s = 0;
        for (int i = 0; i < w.length; i++) {
            s = s * 0.9f + w[i] * v[i];
        }
        float _value = s;
        // grad of: return s;
        float _d_s = 1.0f;
        // grad of: for (int i = 0; i < w.length; i++)
        for (int i = w.length - 1; i >= 0; i--) {
            // grad of: s = s * 0.9f + w[i] * v[i];
            _d_w[i] += _d_s * v[i];
            _d_v[i] += _d_s * w[i];
            _d_s = 0.9f * _d_s;
        }
        return _value;
    }

    /**
     * The value of {@code Floats.halfSquare(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Floats.halfSquare}
     * @return the value and the gradient
     */
    public static HalfSquare halfSquare(double x) {
        double _value = x * x * 0.5f + 0.001f * x;
        // grad of: return x * x * 0.5f + 1e-3F * x;
        double _d_x = x + (double) 0.001f;
        return new HalfSquare(_value, _d_x);
    }

    /**
     * The value of {@code Floats.mixed(float, double)} and its gradient with respect to every {@code double} and {@code float} parameter.
     *
     * @param a the argument {@code a} of {@code Floats.mixed}
     * @param x the argument {@code x} of {@code Floats.mixed}
     * @return the value and the gradient
     */
    public static Mixed mixed(float a, double x) {
        double y = a * x;
        float z = (float) (y + 0.001f);
        double _sin0 = Math.sin(z);
        double _value = _sin0 * y + (double) a;
        // grad of: return Math.sin(z) * y + (double) a;
        double _d_y = _sin0;
        float _d_a = 1.0f;
        float _d_z = (float) (y * Math.cos(z));
        // grad of: float z = (float) (y + 1e-3F);
        _d_y += (double) _d_z;
        // grad of: double y = a * x;
        _d_a = (float) (_d_a + _d_y * x);
        double _d_x = _d_y * (double) a;
        return new Mixed(_value, _d_a, _d_x);
    }

    /**
     * The value of {@code Floats.norm(float, float)} and its gradient with respect to every {@code float} parameter.
     *
     * @param a the argument {@code a} of {@code Floats.norm}
     * @param b the argument {@code b} of {@code Floats.norm}
     * @return the value and the gradient
     */
    public static Norm norm(float a, float b) {
        double _sqrt0 = Math.sqrt(a * a + b * b);
        float _value = (float) _sqrt0 + Math.abs(a - b);
        // grad of: return (float) Math.sqrt(a * a + b * b) + Math.abs(a - b);
        float _r0 = Math.signum(a - b);
        float _d_a = _r0;
        float _d_b = -_r0;
        double _r1 = 0.5 / _sqrt0;
        _d_a = (float) (_d_a + 2 * _r1 * a);
        _d_b = (float) (_d_b + 2 * _r1 * b);
        return new Norm(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code Floats.power(float, int)} and its gradient with respect to every {@code float} parameter.
     *
     * @param x the argument {@code x} of {@code Floats.power}
     * @param n the argument {@code n} of {@code Floats.power}
     * @return the value and the gradient
     */
    public static Power power(float x, int n) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            float p = 1;
            for (int i = 0; i < n; i++) {
                _doubles.push(p);
                p = p * x + 0.25f;
            }
            float _value = p;
            // grad of: return p;
            float _d_p = 1.0f;
            float _d_x = 0.0f;
            // grad of: for (int i = 0; i < n; i++)
            for (int i = Math.max(0, n) - 1; i >= 0; i--) {
                // grad of: p = p * x + 0.25f;
                p = (float) _doubles.pop();
                _d_x += _d_p * p;
                _d_p *= x;
            }
            return new Power(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Floats.product(float, float)} and its gradient with respect to every {@code float} parameter.
     *
     * @param a the argument {@code a} of {@code Floats.product}
     * @param b the argument {@code b} of {@code Floats.product}
     * @return the value and the gradient
     */
    public static Product product(float a, float b) {
        float c = a * b + 1.5f * a;
        float _value = c * c;
        // grad of: return c * c;
        float _d_c = 2 * c;
        // grad of: float c = a * b + 1.5f * a;
        float _d_b = _d_c * a;
        float _d_a = _d_c * b + 1.5f * _d_c;
        return new Product(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code Floats.trace(float[][])} and its gradient with respect to every {@code float} parameter.
     *
     * @param m the argument {@code m} of {@code Floats.trace}
     * @return the value and the gradient
     */
    public static Trace trace(float[][] m) {
        float[][] _d_m = Adjoint.zerosLike(m);
        float _value = trace(m, _d_m);
        return new Trace(_value, _d_m);
    }

    /**
     * The value of {@code Floats.trace(float[][])}, after adding its gradient with respect to every {@code float} parameter into {@code _d_m}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param m the argument {@code m} of {@code Floats.trace}
     * @param _d_m where the gradient with respect to {@code m} is added
     * @return the value of {@code trace}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #trace
     */
    public static float trace(float[][] m, float[][] _d_m) {
        Shapes.require("m", _d_m, m);
        float t = 0;
        // grad of: return t;
        float _d_t = 1.0f;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i] * m[i][i];
            // grad of this iteration of: for (int i = 0; i < m.length; i++)
            // grad of: t += m[i][i] * m[i][i];
            _d_m[i][i] += 2 * _d_t * m[i][i];
        }
        float _value = t;
        return _value;
    }

    /**
     * The result of {@link FloatsGrad#callsFloat}: the value and the gradient.
     *
     * @param value the value of {@code callsFloat(float, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record CallsFloat(double value, float a, double x) {
    }

    /**
     * The result of {@link FloatsGrad#dot}: the value and the gradient.
     *
     * @param value the value of {@code dot(float[], float[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     */
    public record Dot(float value, float[] w, float[] v) {
    }

    /**
     * The result of {@link FloatsGrad#halfSquare}: the value and the gradient.
     *
     * @param value the value of {@code halfSquare(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record HalfSquare(double value, double x) {
    }

    /**
     * The result of {@link FloatsGrad#mixed}: the value and the gradient.
     *
     * @param value the value of {@code mixed(float, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Mixed(double value, float a, double x) {
    }

    /**
     * The result of {@link FloatsGrad#norm}: the value and the gradient.
     *
     * @param value the value of {@code norm(float, float)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Norm(float value, float a, float b) {
    }

    /**
     * The result of {@link FloatsGrad#power}: the value and the gradient.
     *
     * @param value the value of {@code power(float, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Power(float value, float x) {
    }

    /**
     * The result of {@link FloatsGrad#product}: the value and the gradient.
     *
     * @param value the value of {@code product(float, float)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Product(float value, float a, float b) {
    }

    /**
     * The result of {@link FloatsGrad#trace}: the value and the gradient.
     *
     * @param value the value of {@code trace(float[][])}
     * @param m &part; value / &part; m, the partial derivative with respect to {@code m}
     */
    public record Trace(float value, float[][] m) {
    }
}
