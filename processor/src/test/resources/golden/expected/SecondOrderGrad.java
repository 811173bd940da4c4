package golden;

import io.github.backprop.Shapes;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link SecondOrder}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class SecondOrderGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private SecondOrderGrad() {
    }

    /**
     * The value of {@code SecondOrder.f(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code SecondOrder.f}
     * @param y the argument {@code y} of {@code SecondOrder.f}
     * @return the value and the gradient
     */
    public static F f(double x, double y) {
        double _p0 = x * x;
        double _value = Math.sin(x * y) + _p0 * y;
        // grad of: return Math.sin(x * y) + x * x * y;
        double _r0 = Math.cos(x * y);
        double _d_x = _r0 * y;
        double _d_y = _r0 * x + _p0;
        _d_x += 2 * y * x;
        return new F(_value, _d_x, _d_y);
    }

    /**
     * The tangent of {@code SecondOrder.f(double, double)} along {@code _t_x}, {@code _t_y}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code f} and of its callers.
     *
     * @param x the argument {@code x} of {@code SecondOrder.f}
     * @param y the argument {@code y} of {@code SecondOrder.f}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @param _t_y the tangent of {@code y}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _FTangent _fTangent(double x, double y, double _t_x, double _t_y) {
        double _cos0 = Math.cos(x * y);
        double _p0 = _t_x * y + x * _t_y;
        double _p1 = 2 * _t_x * x;
        double _p2 = x * x;
        double _value = _cos0 * _p0 + (_p1 * y + _p2 * _t_y);
        double _d_y = _p1;
        double _d_t_y = _p2;
        double _d_x = 2 * _t_y * x;
        double _d_t_x = 2 * (y * x);
        _d_x += y * (2 * _t_x);
        _d_t_x += _cos0 * y;
        _d_y += _cos0 * _t_x;
        _d_x += _cos0 * _t_y;
        _d_t_y += _cos0 * x;
        double _r0 = -(_p0 * Math.sin(x * y));
        _d_x += _r0 * y;
        _d_y += _r0 * x;
        return new _FTangent(_value, _d_x, _d_y, _d_t_x, _d_t_y);
    }

    /**
     * The value of {@code SecondOrder.f}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param y the argument {@code y}
     * @param _v_x the direction's part for {@code x}
     * @param _v_y the direction's part for {@code y}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static FHvp fHvp(double x, double y, double _v_x, double _v_y) {
        _FTangent _g = _fTangent(x, y, _v_x, _v_y);
        int _n = 2;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x();
        _hvp[0] = _g.x();
        _gradient[1] = _g._t_y();
        _hvp[1] = _g.y();
        return new FHvp(SecondOrder.f(x, y), _gradient, _hvp);
    }

    /**
     * The value of {@code SecondOrder.f}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @param y the argument {@code y}
     * @return the value, the gradient and the Hessian
     */
    public static FHessian fHessian(double x, double y) {
        int _n = 2;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x = _j == 0 ? 1 : 0;
            double _v_y = _j == 1 ? 1 : 0;
            FHvp _r = fHvp(x, y, _v_x, _v_y);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new FHessian(SecondOrder.f(x, y), _gradient, _hessian);
    }

    /**
     * The value of {@code SecondOrder.rosen(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code SecondOrder.rosen}
     * @return the value and the gradient
     */
    public static Rosen rosen(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = rosen(x, _d_x);
        return new Rosen(_value, _d_x);
    }

    /**
     * The value of {@code SecondOrder.rosen(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code SecondOrder.rosen}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code rosen}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #rosen
     */
    public static double rosen(double[] x, double[] _d_x) {
        Shapes.require("x", _d_x, x);
        int i = 0;
        double s = 0;
        long _n0 = 0;
        for (i = 0; i + 1 < x.length; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
            _n0++;
        }
        double _value = s;
        // grad of: for (int i = 0; i + 1 < x.length; i++)
        for (; _n0 > 0; _n0--) {
            // grad of: i++
            i--;
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            // grad of: s += a * a + 100 * b * b;
            double _d_a = 2 * a;
            double _d_b = 200 * b;
            // grad of: double b = x[i + 1] - x[i] * x[i];
            _d_x[i + 1] += _d_b;
            _d_x[i] -= 2 * _d_b * x[i];
            // grad of: double a = 1 - x[i];
            _d_x[i] -= _d_a;
        }
        return _value;
    }

    /**
     * The tangent of {@code SecondOrder.rosen(double[])} along {@code _t_x}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code rosen} and of its callers.
     *
     * @param x the argument {@code x} of {@code SecondOrder.rosen}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _RosenTangent _rosenTangent(double[] x, double[] _t_x) {
        int i = 0;
        double[] _d_x = new double[x.length];
        double[] _d_t_x = new double[_t_x.length];
        double s = 0;
        double _t_s = 0.0;
        long _n0 = 0;
        for (i = 0; i + 1 < x.length; i++) {
            double a = 1 - x[i];
            double _t_a = -_t_x[i];
            double b = x[i + 1] - x[i] * x[i];
            double _t_b = _t_x[i + 1] - 2 * _t_x[i] * x[i];
            s += a * a + 100 * b * b;
            _t_s += 2 * _t_a * a + 200 * _t_b * b;
            _n0++;
        }
        double _value = _t_s;
        for (; _n0 > 0; _n0--) {
            // grad of: i++
            i--;
            double a = 1 - x[i];
            double _t_a = -_t_x[i];
            double b = x[i + 1] - x[i] * x[i];
            double _t_b = _t_x[i + 1] - 2 * _t_x[i] * x[i];
            double _d_t_a = 2 * a;
            double _d_a = 2 * _t_a;
            double _d_t_b = 200 * b;
            double _d_b = 200 * _t_b;
            _d_t_x[i + 1] += _d_t_b;
            _d_t_x[i] -= 2 * (_d_t_b * x[i]);
            _d_x[i] -= _d_t_b * (2 * _t_x[i]);
            _d_x[i] -= 2 * _d_b * x[i];
            _d_x[i + 1] += _d_b;
            _d_t_x[i] -= _d_t_a;
            _d_x[i] -= _d_a;
        }
        return new _RosenTangent(_value, _d_x, _d_t_x);
    }

    /**
     * The value of {@code SecondOrder.rosen}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param _v_x the direction's part for {@code x}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static RosenHvp rosenHvp(double[] x, double[] _v_x) {
        _RosenTangent _g = _rosenTangent(x, _v_x);
        int _n = x.length;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        int _k = 0;
        for (int _i = 0; _i < x.length; _i++, _k++) {
            _gradient[_k] = _g._t_x()[_i];
            _hvp[_k] = _g.x()[_i];
        }
        return new RosenHvp(SecondOrder.rosen(x), _gradient, _hvp);
    }

    /**
     * The value of {@code SecondOrder.rosen}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @return the value, the gradient and the Hessian
     */
    public static RosenHessian rosenHessian(double[] x) {
        int _n = x.length;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            int _k = _j;
            double[] _v_x = new double[x.length];
            if (_k >= 0 && _k < x.length) {
                _v_x[_k] = 1;
            }
            _k -= x.length;
            RosenHvp _r = rosenHvp(x, _v_x);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new RosenHessian(SecondOrder.rosen(x), _gradient, _hessian);
    }

    /**
     * The result of {@link SecondOrderGrad#f}: the value and the gradient.
     *
     * @param value the value of {@code f(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record F(double value, double x, double y) {
    }

    /**
     * The result of {@link SecondOrderGrad#_fTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code f(double, double)} along {@code _t_x}, {@code _t_y}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     * @param _t_y &part; value / &part; _t_y, the partial derivative with respect to {@code _t_y}
     */
    private record _FTangent(double value, double x, double y, double _t_x, double _t_y) {
    }

    /**
     * The result of {@link SecondOrderGrad#fHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record FHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link SecondOrderGrad#fHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record FHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link SecondOrderGrad#rosen}: the value and the gradient.
     *
     * @param value the value of {@code rosen(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Rosen(double value, double[] x) {
    }

    /**
     * The result of {@link SecondOrderGrad#_rosenTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code rosen(double[])} along {@code _t_x}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     */
    private record _RosenTangent(double value, double[] x, double[] _t_x) {
    }

    /**
     * The result of {@link SecondOrderGrad#rosenHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record RosenHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link SecondOrderGrad#rosenHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record RosenHessian(double value, double[] gradient, double[][] hessian) {
    }
}
