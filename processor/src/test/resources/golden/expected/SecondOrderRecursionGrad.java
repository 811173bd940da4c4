package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link SecondOrderRecursion}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class SecondOrderRecursionGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private SecondOrderRecursionGrad() {
    }

    /**
     * The value of {@code SecondOrderRecursion.cube(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.cube}
     * @param y the argument {@code y} of {@code SecondOrderRecursion.cube}
     * @return the value and the gradient
     */
    public static Cube cube(double x, double y) {
        double _t0 = 0.0;
        double _t1 = 0.0;
        double _q0;
        if (3 == 0) {
            _q0 = 1;
        } else {
            _Power _g0 = SecondOrderRecursionGrad._power(x, 3 - 1);
            _t0 = _g0.value();
            _t1 = _g0.x();
            _q0 = x * _g0.value();
        }
        double power = _q0;
        double _value = power * y;
        // grad of: return power(x, 3) * y;
        double _d_x = 0.0;
        if (!(3 == 0)) {
            _d_x = y * _t0;
            double _d_g0 = y * x;
            _d_x += _d_g0 * _t1;
        }
        return new Cube(_value, _d_x, power);
    }

    /**
     * The tangent of {@code SecondOrderRecursion.cube(double, double)} along {@code _t_x}, {@code _t_y}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code cube} and of its callers.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.cube}
     * @param y the argument {@code y} of {@code SecondOrderRecursion.cube}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @param _t_y the tangent of {@code y}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _CubeTangent _cubeTangent(double x, double y, double _t_x, double _t_y) {
        double _t0 = 0.0;
        double _t1 = 0.0;
        double _t2 = 0.0;
        double _t3 = 0.0;
        double _t_g0 = 0.0;
        double _q0;
        double _t_q0 = 0.0;
        if (3 == 0) {
            _q0 = 1;
            _t_q0 = 0.0;
        } else {
            _Power _g0 = SecondOrderRecursionGrad._power(x, 3 - 1);
            _t0 = _g0.value();
            _t1 = _g0.x();
            __PowerTangent _g1 = SecondOrderRecursionGrad.__powerTangent(x, 3 - 1, _t_x);
            _t2 = _g1.x();
            _t3 = _g1._t_x();
            _t_g0 = _g1.value();
            _q0 = x * _g0.value();
            _t_q0 = _t_x * _g0.value() + x * _t_g0;
        }
        double power = _q0;
        double _t_power = _t_q0;
        double _value = _t_power * y + power * _t_y;
        double _d_t_x = 0.0;
        double _d_x = 0.0;
        if (!(3 == 0)) {
            _d_t_x = y * _t0;
            double _d_g0 = y * _t_x;
            _d_x = y * _t_g0;
            double _d_t_g0 = y * x;
            _d_x += _t_y * _t0;
            _d_g0 += _t_y * x;
            _d_x += _d_t_g0 * _t2;
            _d_t_x += _d_t_g0 * _t3;
            _d_x += _d_g0 * _t1;
        }
        return new _CubeTangent(_value, _d_x, _t_power, _d_t_x, power);
    }

    /**
     * The value of {@code SecondOrderRecursion.cube}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param y the argument {@code y}
     * @param _v_x the direction's part for {@code x}
     * @param _v_y the direction's part for {@code y}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static CubeHvp cubeHvp(double x, double y, double _v_x, double _v_y) {
        _CubeTangent _g = _cubeTangent(x, y, _v_x, _v_y);
        int _n = 2;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x();
        _hvp[0] = _g.x();
        _gradient[1] = _g._t_y();
        _hvp[1] = _g.y();
        return new CubeHvp(SecondOrderRecursion.cube(x, y), _gradient, _hvp);
    }

    /**
     * The value of {@code SecondOrderRecursion.cube}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @param y the argument {@code y}
     * @return the value, the gradient and the Hessian
     */
    public static CubeHessian cubeHessian(double x, double y) {
        int _n = 2;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x = _j == 0 ? 1 : 0;
            double _v_y = _j == 1 ? 1 : 0;
            CubeHvp _r = cubeHvp(x, y, _v_x, _v_y);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new CubeHessian(SecondOrderRecursion.cube(x, y), _gradient, _hessian);
    }

    /**
     * The value of {@code SecondOrderRecursion.digammaLike(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.digammaLike}
     * @return the value and the gradient
     */
    public static DigammaLike digammaLike(double x) {
        double _value;
        DigammaLike _g0 = null;
        if (x >= 6) {
            _value = Math.log(x) - 0.5 / x;
        } else {
            _g0 = SecondOrderRecursionGrad.digammaLike(x + 1);
            _value = _g0.value() - 1 / x;
        }
        double _d_x;
        if (x >= 6) {
            // grad of: return Math.log(x) - 0.5 / x;
            _d_x = 1.0 / x - -1.0 / x * (0.5 / x);
        } else {
            // grad of: return digammaLike(x + 1) - 1 / x;
            _d_x = -(-1.0 / x / x);
            _d_x += _g0.x();
        }
        return new DigammaLike(_value, _d_x);
    }

    /**
     * The tangent of {@code SecondOrderRecursion.digammaLike(double)} along {@code _t_x}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code digammaLike} and of its callers.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.digammaLike}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _DigammaLikeTangent _digammaLikeTangent(double x, double _t_x) {
        double _p0 = 0.0;
        double _value;
        double _t0 = 0.0;
        double _t1 = 0.0;
        double _p1 = 0.0;
        if (x >= 6) {
            _p0 = 0.5 / x * _t_x;
            _value = 1.0 / x * _t_x + _p0 / x;
        } else {
            DigammaLike _g0 = SecondOrderRecursionGrad.digammaLike(x + 1);
            _DigammaLikeTangent _g1 = SecondOrderRecursionGrad._digammaLikeTangent(x + 1, _t_x);
            _t0 = _g1.x();
            _t1 = _g1._t_x();
            double _t_g0 = _g1.value();
            _p1 = 1 / x * _t_x;
            _value = _t_g0 + _p1 / x;
        }
        double _d_t_x;
        double _d_x;
        if (x >= 6) {
            _d_t_x = 1.0 / x;
            double _r0 = 1.0 / x;
            _d_x = -(_t_x / x / x) - _r0 * (_p0 / x);
            _d_x -= _r0 * _t_x / x * (0.5 / x);
            _d_t_x += _r0 * (0.5 / x);
        } else {
            double _r1 = 1.0 / x;
            _d_x = -(_r1 * (_p1 / x));
            _d_x -= _r1 * _t_x / x / x;
            _d_t_x = _r1 / x;
            _d_x += _t0;
            _d_t_x += _t1;
        }
        return new _DigammaLikeTangent(_value, _d_x, _d_t_x);
    }

    /**
     * The value of {@code SecondOrderRecursion.digammaLike}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param _v_x the direction's part for {@code x}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static DigammaLikeHvp digammaLikeHvp(double x, double _v_x) {
        _DigammaLikeTangent _g = _digammaLikeTangent(x, _v_x);
        int _n = 1;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x();
        _hvp[0] = _g.x();
        return new DigammaLikeHvp(SecondOrderRecursion.digammaLike(x), _gradient, _hvp);
    }

    /**
     * The value of {@code SecondOrderRecursion.digammaLike}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @return the value, the gradient and the Hessian
     */
    public static DigammaLikeHessian digammaLikeHessian(double x) {
        int _n = 1;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x = _j == 0 ? 1 : 0;
            DigammaLikeHvp _r = digammaLikeHvp(x, _v_x);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new DigammaLikeHessian(SecondOrderRecursion.digammaLike(x), _gradient, _hessian);
    }

    /**
     * The value of {@code SecondOrderRecursion.triangle(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.triangle}
     * @param rows the argument {@code rows} of {@code SecondOrderRecursion.triangle}
     * @return the value and the gradient
     */
    public static Triangle triangle(double x, int rows) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[][] p = new double[rows][];
            double s = 0;
            for (int i = 0; i < rows; i++) {
                _objects.push(p[i]);
                p[i] = new double[i + 1];
                for (int j = 0; j <= i; j++) {
                    _doubles.push(p[i][j]);
                    p[i][j] = x * (i + j);
                    s += p[i][j] * p[i][j];
                }
            }
            double _value = s;
            double[][] _d_p = Adjoint.zerosLike(p);
            // grad of: return s;
            double _d_x = 0.0;
            // grad of: for (int i = 0; i < rows; i++)
            for (int i = Math.max(0, rows) - 1; i >= 0; i--) {
                // grad of: for (int j = 0; j <= i; j++)
                for (int j = i; j >= 0; j--) {
                    // grad of: s += p[i][j] * p[i][j];
                    _d_p[i][j] += 2 * p[i][j];
                    // grad of: p[i][j] = x * (i + j);
                    _d_x += _d_p[i][j] * (i + j);
                    _d_p[i][j] = 0.0;
                    p[i][j] = _doubles.pop();
                }
                // grad of: p[i] = new double[i + 1];
                p[i] = (double[]) _objects.pop();
                _d_p[i] = p[i] == null ? null : new double[p[i].length];
            }
            return new Triangle(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The tangent of {@code SecondOrderRecursion.triangle(double, int)} along {@code _t_x}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code triangle} and of its callers.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.triangle}
     * @param rows the argument {@code rows} of {@code SecondOrderRecursion.triangle}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _TriangleTangent _triangleTangent(double x, int rows, double _t_x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[][] p = new double[rows][];
            double[][] _t_p = new double[rows][];
            double s = 0;
            double _t_s = 0.0;
            for (int i = 0; i < rows; i++) {
                _objects.push(p[i]);
                p[i] = new double[i + 1];
                _objects.push(_t_p[i]);
                _t_p[i] = new double[p[i].length];
                for (int j = 0; j <= i; j++) {
                    _doubles.push(p[i][j]);
                    p[i][j] = x * (i + j);
                    _doubles.push(_t_p[i][j]);
                    _t_p[i][j] = _t_x * (i + j);
                    s += p[i][j] * p[i][j];
                    _t_s += 2 * _t_p[i][j] * p[i][j];
                }
            }
            double _value = _t_s;
            double[][] _d_p = Adjoint.zerosLike(p);
            double[][] _d_t_p = Adjoint.zerosLike(_t_p);
            double _d_x = 0.0;
            double _d_t_x = 0.0;
            for (int i = Math.max(0, rows) - 1; i >= 0; i--) {
                for (int j = i; j >= 0; j--) {
                    _d_t_p[i][j] += 2 * p[i][j];
                    _d_p[i][j] += 2 * _t_p[i][j];
                    _d_t_x += _d_t_p[i][j] * (i + j);
                    _d_t_p[i][j] = 0.0;
                    _t_p[i][j] = _doubles.pop();
                    _d_x += _d_p[i][j] * (i + j);
                    _d_p[i][j] = 0.0;
                    p[i][j] = _doubles.pop();
                }
                _t_p[i] = (double[]) _objects.pop();
                _d_t_p[i] = _t_p[i] == null ? null : new double[_t_p[i].length];
                p[i] = (double[]) _objects.pop();
                _d_p[i] = p[i] == null ? null : new double[p[i].length];
            }
            return new _TriangleTangent(_value, _d_x, _d_t_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code SecondOrderRecursion.triangle}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param rows the argument {@code rows}
     * @param _v_x the direction's part for {@code x}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static TriangleHvp triangleHvp(double x, int rows, double _v_x) {
        _TriangleTangent _g = _triangleTangent(x, rows, _v_x);
        int _n = 1;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x();
        _hvp[0] = _g.x();
        return new TriangleHvp(SecondOrderRecursion.triangle(x, rows), _gradient, _hvp);
    }

    /**
     * The value of {@code SecondOrderRecursion.triangle}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @param rows the argument {@code rows}
     * @return the value, the gradient and the Hessian
     */
    public static TriangleHessian triangleHessian(double x, int rows) {
        int _n = 1;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x = _j == 0 ? 1 : 0;
            TriangleHvp _r = triangleHvp(x, rows, _v_x);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new TriangleHessian(SecondOrderRecursion.triangle(x, rows), _gradient, _hessian);
    }

    /**
     * The value of {@code SecondOrderRecursion.power(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.power}
     * @param n the argument {@code n} of {@code SecondOrderRecursion.power}
     * @return the value and the gradient
     */
    private static _Power _power(double x, int n) {
        _Power _g0 = null;
        double _q0;
        if (n == 0) {
            _q0 = 1;
        } else {
            _g0 = SecondOrderRecursionGrad._power(x, n - 1);
            _q0 = x * _g0.value();
        }
        double _value = _q0;
        // grad of: return n == 0 ? 1 : x * power(x, n - 1);
        double _d_x = 0.0;
        if (!(n == 0)) {
            _d_x = _g0.value();
            _d_x += x * _g0.x();
        }
        return new _Power(_value, _d_x);
    }

    /**
     * The tangent of {@code SecondOrderRecursion.power(double, int)} along {@code _t_x}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code power} and of its callers.
     *
     * @param x the argument {@code x} of {@code SecondOrderRecursion.power}
     * @param n the argument {@code n} of {@code SecondOrderRecursion.power}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static __PowerTangent __powerTangent(double x, int n, double _t_x) {
        _Power _g0 = null;
        double _t0 = 0.0;
        double _t1 = 0.0;
        double _t_g0 = 0.0;
        double _q0;
        double _t_q0 = 0.0;
        if (n == 0) {
            _q0 = 1;
            _t_q0 = 0.0;
        } else {
            _g0 = SecondOrderRecursionGrad._power(x, n - 1);
            __PowerTangent _g1 = SecondOrderRecursionGrad.__powerTangent(x, n - 1, _t_x);
            _t0 = _g1.x();
            _t1 = _g1._t_x();
            _t_g0 = _g1.value();
            _q0 = x * _g0.value();
            _t_q0 = _t_x * _g0.value() + x * _t_g0;
        }
        double _value = _t_q0;
        double _d_t_x = 0.0;
        double _d_x = 0.0;
        if (!(n == 0)) {
            _d_t_x = _g0.value();
            _d_x = _t_g0;
            _d_x += x * _t0;
            _d_t_x += x * _t1;
            _d_x += _t_x * _g0.x();
        }
        return new __PowerTangent(_value, _d_x, _d_t_x);
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#cube}: the value and the gradient.
     *
     * @param value the value of {@code cube(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Cube(double value, double x, double y) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#_cubeTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code cube(double, double)} along {@code _t_x}, {@code _t_y}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     * @param _t_y &part; value / &part; _t_y, the partial derivative with respect to {@code _t_y}
     */
    private record _CubeTangent(double value, double x, double y, double _t_x, double _t_y) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#cubeHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record CubeHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#cubeHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record CubeHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#digammaLike}: the value and the gradient.
     *
     * @param value the value of {@code digammaLike(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record DigammaLike(double value, double x) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#_digammaLikeTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code digammaLike(double)} along {@code _t_x}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     */
    private record _DigammaLikeTangent(double value, double x, double _t_x) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#digammaLikeHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record DigammaLikeHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#digammaLikeHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record DigammaLikeHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#triangle}: the value and the gradient.
     *
     * @param value the value of {@code triangle(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Triangle(double value, double x) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#_triangleTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code triangle(double, int)} along {@code _t_x}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     */
    private record _TriangleTangent(double value, double x, double _t_x) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#triangleHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record TriangleHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#triangleHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record TriangleHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#_power}: the value and the gradient.
     *
     * @param value the value of {@code power(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    private record _Power(double value, double x) {
    }

    /**
     * The result of {@link SecondOrderRecursionGrad#__powerTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code power(double, int)} along {@code _t_x}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     */
    private record __PowerTangent(double value, double x, double _t_x) {
    }
}
