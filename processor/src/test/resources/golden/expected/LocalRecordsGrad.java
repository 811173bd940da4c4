package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LocalRecords}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LocalRecordsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LocalRecordsGrad() {
    }

    /**
     * The value of {@code LocalRecords.dist(double, double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x1 the argument {@code x1} of {@code LocalRecords.dist}
     * @param y1 the argument {@code y1} of {@code LocalRecords.dist}
     * @param x2 the argument {@code x2} of {@code LocalRecords.dist}
     * @param y2 the argument {@code y2} of {@code LocalRecords.dist}
     * @return the value and the gradient
     */
    public static Dist dist(double x1, double y1, double x2, double y2) {
        double a_x = x1;
        double a_y = y1;
        double b_x = x2;
        double b_y = y2;
        double minus_x = 0.0;
        double minus_y = 0.0;
        double _double0 = a_x - b_x;
        double _double1 = a_y - b_y;
        minus_x = _double0;
        minus_y = _double1;
        double norm = Math.sqrt(minus_x * minus_x + minus_y * minus_y);
        double _value = norm;
        // grad of: return a.minus(b).norm();
        double _r0 = 0.5 / norm;
        double _d_minus_x = 2 * _r0 * minus_x;
        double _d_minus_y = 2 * _r0 * minus_y;
        double _d_b_y = -_d_minus_y;
        double _d_b_x = -_d_minus_x;
        return new Dist(_value, _d_minus_x, _d_minus_y, _d_b_x, _d_b_y);
    }

    /**
     * The tangent of {@code LocalRecords.dist(double, double, double, double)} along {@code _t_x1}, {@code _t_y1}, {@code _t_x2}, {@code _t_y2}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code dist} and of its callers.
     *
     * @param x1 the argument {@code x1} of {@code LocalRecords.dist}
     * @param y1 the argument {@code y1} of {@code LocalRecords.dist}
     * @param x2 the argument {@code x2} of {@code LocalRecords.dist}
     * @param y2 the argument {@code y2} of {@code LocalRecords.dist}
     * @param _t_x1 the tangent of {@code x1}, the direction's component along it
     * @param _t_y1 the tangent of {@code y1}, the direction's component along it
     * @param _t_x2 the tangent of {@code x2}, the direction's component along it
     * @param _t_y2 the tangent of {@code y2}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _DistTangent _distTangent(double x1, double y1, double x2, double y2,
            double _t_x1, double _t_y1, double _t_x2, double _t_y2) {
        double a_x = x1;
        double _t_a_x = _t_x1;
        double a_y = y1;
        double _t_a_y = _t_y1;
        double b_x = x2;
        double _t_b_x = _t_x2;
        double b_y = y2;
        double _t_b_y = _t_y2;
        double minus_x = 0.0;
        double _t_minus_x = 0.0;
        double minus_y = 0.0;
        double _t_minus_y = 0.0;
        double _double0 = a_x - b_x;
        double _t_double0 = _t_a_x - _t_b_x;
        double _double1 = a_y - b_y;
        double _t_double1 = _t_a_y - _t_b_y;
        minus_x = _double0;
        _t_minus_x = _t_double0;
        minus_y = _double1;
        _t_minus_y = _t_double1;
        double norm = Math.sqrt(minus_x * minus_x + minus_y * minus_y);
        double _p0 = 2 * _t_minus_x * minus_x + 2 * _t_minus_y * minus_y;
        double _t_norm = 0.5 / norm * _p0;
        double _value = _t_norm;
        double _d_norm = -(_p0 / norm * (0.5 / norm));
        double _d_p0 = 0.5 / norm;
        double _d_t_minus_x = 2 * (_d_p0 * minus_x);
        double _d_minus_x = _d_p0 * (2 * _t_minus_x);
        double _d_t_minus_y = 2 * (_d_p0 * minus_y);
        double _d_minus_y = _d_p0 * (2 * _t_minus_y);
        double _r0 = _d_norm * (0.5 / norm);
        _d_minus_x += 2 * _r0 * minus_x;
        _d_minus_y += 2 * _r0 * minus_y;
        double _d_t_b_y = -_d_t_minus_y;
        double _d_b_y = -_d_minus_y;
        double _d_t_b_x = -_d_t_minus_x;
        double _d_b_x = -_d_minus_x;
        return new _DistTangent(_value, _d_minus_x, _d_minus_y, _d_b_x, _d_b_y, _d_t_minus_x, _d_t_minus_y, _d_t_b_x, _d_t_b_y);
    }

    /**
     * The value of {@code LocalRecords.dist}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x1 the argument {@code x1}
     * @param y1 the argument {@code y1}
     * @param x2 the argument {@code x2}
     * @param y2 the argument {@code y2}
     * @param _v_x1 the direction's part for {@code x1}
     * @param _v_y1 the direction's part for {@code y1}
     * @param _v_x2 the direction's part for {@code x2}
     * @param _v_y2 the direction's part for {@code y2}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static DistHvp distHvp(double x1, double y1, double x2, double y2, double _v_x1,
            double _v_y1, double _v_x2, double _v_y2) {
        _DistTangent _g = _distTangent(x1, y1, x2, y2, _v_x1, _v_y1, _v_x2, _v_y2);
        int _n = 4;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x1();
        _hvp[0] = _g.x1();
        _gradient[1] = _g._t_y1();
        _hvp[1] = _g.y1();
        _gradient[2] = _g._t_x2();
        _hvp[2] = _g.x2();
        _gradient[3] = _g._t_y2();
        _hvp[3] = _g.y2();
        return new DistHvp(LocalRecords.dist(x1, y1, x2, y2), _gradient, _hvp);
    }

    /**
     * The value of {@code LocalRecords.dist}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x1 the argument {@code x1}
     * @param y1 the argument {@code y1}
     * @param x2 the argument {@code x2}
     * @param y2 the argument {@code y2}
     * @return the value, the gradient and the Hessian
     */
    public static DistHessian distHessian(double x1, double y1, double x2, double y2) {
        int _n = 4;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x1 = _j == 0 ? 1 : 0;
            double _v_y1 = _j == 1 ? 1 : 0;
            double _v_x2 = _j == 2 ? 1 : 0;
            double _v_y2 = _j == 3 ? 1 : 0;
            DistHvp _r = distHvp(x1, y1, x2, y2, _v_x1, _v_y1, _v_x2, _v_y2);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new DistHessian(LocalRecords.dist(x1, y1, x2, y2), _gradient, _hessian);
    }

    /**
     * The value of {@code LocalRecords.dist(double, double, double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x1 the argument {@code x1} of {@code LocalRecords.dist}
     * @param y1 the argument {@code y1} of {@code LocalRecords.dist}
     * @param x2 the argument {@code x2} of {@code LocalRecords.dist}
     * @param y2 the argument {@code y2} of {@code LocalRecords.dist}
     * @param _t_x1 the tangent of {@code x1}: the direction's component along it
     * @param _t_y1 the tangent of {@code y1}: the direction's component along it
     * @param _t_x2 the tangent of {@code x2}: the direction's component along it
     * @param _t_y2 the tangent of {@code y2}: the direction's component along it
     * @return the value and the directional derivative
     * @see #dist
     */
    public static DistJvp distJvp(double x1, double y1, double x2, double y2, double _t_x1,
            double _t_y1, double _t_x2, double _t_y2) {
        double a_x = x1;
        double _t_a_x = _t_x1;
        double a_y = y1;
        double _t_a_y = _t_y1;
        double b_x = x2;
        double _t_b_x = _t_x2;
        double b_y = y2;
        double _t_b_y = _t_y2;
        double minus_x = 0.0;
        double _t_minus_x = 0.0;
        double minus_y = 0.0;
        double _t_minus_y = 0.0;
        double _double0 = a_x - b_x;
        double _t_double0 = _t_a_x - _t_b_x;
        double _double1 = a_y - b_y;
        double _t_double1 = _t_a_y - _t_b_y;
        minus_x = _double0;
        _t_minus_x = _t_double0;
        minus_y = _double1;
        _t_minus_y = _t_double1;
        double norm = Math.sqrt(minus_x * minus_x + minus_y * minus_y);
        double _t_norm = 0.5 / norm * (2 * _t_minus_x * minus_x + 2 * _t_minus_y * minus_y);
        return new DistJvp(norm, _t_norm);
    }

    /**
     * The result of {@link LocalRecordsGrad#dist}: the value and the gradient.
     *
     * @param value the value of {@code dist(double, double, double, double)}
     * @param x1 &part; value / &part; x1, the partial derivative with respect to {@code x1}
     * @param y1 &part; value / &part; y1, the partial derivative with respect to {@code y1}
     * @param x2 &part; value / &part; x2, the partial derivative with respect to {@code x2}
     * @param y2 &part; value / &part; y2, the partial derivative with respect to {@code y2}
     */
    public record Dist(double value, double x1, double y1, double x2, double y2) {
    }

    /**
     * The result of {@link LocalRecordsGrad#_distTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code dist(double, double, double, double)} along {@code _t_x1}, {@code _t_y1}, {@code _t_x2}, {@code _t_y2}
     * @param x1 &part; value / &part; x1, the partial derivative with respect to {@code x1}
     * @param y1 &part; value / &part; y1, the partial derivative with respect to {@code y1}
     * @param x2 &part; value / &part; x2, the partial derivative with respect to {@code x2}
     * @param y2 &part; value / &part; y2, the partial derivative with respect to {@code y2}
     * @param _t_x1 &part; value / &part; _t_x1, the partial derivative with respect to {@code _t_x1}
     * @param _t_y1 &part; value / &part; _t_y1, the partial derivative with respect to {@code _t_y1}
     * @param _t_x2 &part; value / &part; _t_x2, the partial derivative with respect to {@code _t_x2}
     * @param _t_y2 &part; value / &part; _t_y2, the partial derivative with respect to {@code _t_y2}
     */
    private record _DistTangent(double value, double x1, double y1, double x2, double y2,
            double _t_x1, double _t_y1, double _t_x2, double _t_y2) {
    }

    /**
     * The result of {@link LocalRecordsGrad#distHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record DistHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link LocalRecordsGrad#distHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record DistHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link LocalRecordsGrad#distJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code dist(double, double, double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record DistJvp(double value, double tangent) {
    }
}
