package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ObjectsAsWritten}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ObjectsAsWrittenGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ObjectsAsWrittenGrad() {
    }

    /**
     * The value of {@code ObjectsAsWritten.gravity(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param g the argument {@code g} of {@code ObjectsAsWritten.gravity}
     * @return the value and the gradient
     */
    public static Gravity gravity(double g) {
        ObjectsAsWritten.Planet[] all = ObjectsAsWritten.Planet.values();
        double s = 0;
        // grad of: return s;
        double _d_g = 0.0;
        for (int i = 0; i < all.length; i++) {
            double _h0 = all[i].mass;
            double _h1 = all[i].radius;
            double _h2 = all[i].radius;
            s += g * _h0 / (_h1 * _h2);
            // grad of this iteration of: for (int i = 0; i < all.length; i++)
            // grad of: s += g * all[i].mass / (all[i].radius * all[i].radius);
            _d_g += 1.0 / (_h1 * _h2) * _h0;
        }
        double _value = s;
        return new Gravity(_value, _d_g);
    }

    /**
     * The value of {@code ObjectsAsWritten.meanSquare(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ObjectsAsWritten.meanSquare}
     * @return the value and the gradient
     */
    public static MeanSquare meanSquare(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = meanSquare(x, _d_x);
        return new MeanSquare(_value, _d_x);
    }

    /**
     * The value of {@code ObjectsAsWritten.meanSquare(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code ObjectsAsWritten.meanSquare}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code meanSquare}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #meanSquare
     */
    public static double meanSquare(double[] x, double[] _d_x) {
        Shapes.require("x", _d_x, x);
        double start_sum = 0.0;
        int start_n = 0;
        for (int _i0 = 0; _i0 < x.length; _i0++) {
            double v = x[_i0];
            double x2 = v * v;
            start_sum += x2;
            start_n++;
        }
        double mean = start_sum / start_n;
        double _value = mean;
        // grad of: return a.mean();
        double _d_start_sum = 1.0 / start_n;
        // grad of: for (double v : x)
        for (int _i0 = x.length - 1; _i0 >= 0; _i0--) {
            double v = x[_i0];
            // grad of: sum += x;
            double _d_v = 2 * _d_start_sum * v;
            // grad of: double v : x
            _d_x[_i0] += _d_v;
        }
        return _value;
    }

    /**
     * The value of {@code ObjectsAsWritten.spread(double, Scene)} and its gradient with respect to every {@code double} parameter.
     *
     * @param k the argument {@code k} of {@code ObjectsAsWritten.spread}
     * @param s_points the argument {@code s_points} of {@code ObjectsAsWritten.spread}
     * @param s_scale the argument {@code s_scale} of {@code ObjectsAsWritten.spread}
     * @return the value and the gradient
     */
    private static _Spread _spread(double k, List<ObjectsAsWritten.Position> s_points,
            double s_scale) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double _h0 = 0.0;
            double _h1 = 0.0;
            double _h2 = 0.0;
            double t = 0;
            long _n0 = 0;
            for (int _i0 = 0; _i0 < s_points.size(); _i0++) {
                ObjectsAsWritten.Position q = s_points.get(_i0);
                _doubles.push(_h0);
                _h0 = q.x();
                _doubles.push(_h1);
                _h1 = q.x();
                _doubles.push(_h2);
                _h2 = q.y();
                t += k * (_h0 * _h1 + _h2);
                _n0++;
            }
            double _value = t * s_scale;
            // grad of: return t * s.scale();
            double _d_k = 0.0;
            // grad of: for (Position q : s.points())
            for (; _n0 > 0; _n0--) {
                // grad of: t += k * (q.x() * q.x() + q.y());
                _d_k += s_scale * (_h0 * _h1 + _h2);
                _h2 = _doubles.pop();
                _h1 = _doubles.pop();
                _h0 = _doubles.pop();
            }
            return new _Spread(_value, _d_k, t);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code ObjectsAsWritten.spread} and its gradient; the gradient with respect to a record parameter is a tangent record of the same shape.
     *
     * @param k the argument {@code k} of {@code ObjectsAsWritten.spread}
     * @param s the argument {@code s} of {@code ObjectsAsWritten.spread}
     * @return the value and the gradient
     */
    public static Spread spread(double k, ObjectsAsWritten.Scene s) {
        _Spread _grad = _spread(k, s.points(), s.scale());
        return new Spread(_grad.value(), _grad.k(), new SceneTangent(_grad.s_scale()));
    }

    /**
     * The result of {@link ObjectsAsWrittenGrad#gravity}: the value and the gradient.
     *
     * @param value the value of {@code gravity(double)}
     * @param g &part; value / &part; g, the partial derivative with respect to {@code g}
     */
    public record Gravity(double value, double g) {
    }

    /**
     * The result of {@link ObjectsAsWrittenGrad#meanSquare}: the value and the gradient.
     *
     * @param value the value of {@code meanSquare(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record MeanSquare(double value, double[] x) {
    }

    /**
     * The result of {@link ObjectsAsWrittenGrad#_spread}: the value and the gradient.
     *
     * @param value the value of {@code spread(double, Scene)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     * @param s_scale &part; value / &part; s_scale, the partial derivative with respect to {@code s_scale}
     */
    private record _Spread(double value, double k, double s_scale) {
    }

    /**
     * The result of {@link ObjectsAsWrittenGrad#spread}: the value and the gradient.
     *
     * @param value the value of {@code spread}
     * @param k &part; value / &part; k
     * @param s &part; value / &part; s, component by component
     */
    public record Spread(double value, double k, SceneTangent s) {
    }

    /**
     * A tangent or gradient of a {@link ObjectsAsWritten.Scene}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param scale the part along {@code scale()}
     */
    public record SceneTangent(double scale) {
    }
}
