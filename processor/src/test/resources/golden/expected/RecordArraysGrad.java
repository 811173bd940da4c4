package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link RecordArrays}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class RecordArraysGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private RecordArraysGrad() {
    }

    /**
     * The value of {@code RecordArrays.filled(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code RecordArrays.filled}
     * @param n the argument {@code n} of {@code RecordArrays.filled}
     * @return the value and the gradient
     */
    public static Filled filled(double a, int n) {
        double[] bs_pos_x = new double[n];
        double[] bs_pos_y = new double[n];
        double[] bs_pos_z = new double[n];
        double[] bs_mass = new double[n];
        for (int i = 0; i < bs_pos_x.length; i++) {
            double _double0 = a * i;
            bs_pos_x[i] = _double0;
            bs_pos_y[i] = 1.0;
            bs_pos_z[i] = 0.0;
            bs_mass[i] = a;
        }
        double s = 0;
        double[] _d_bs_pos_x = new double[bs_pos_x.length];
        double[] _d_bs_mass = new double[bs_mass.length];
        for (int i2 = 0; i2 < n; i2++) {
            s += bs_mass[i2] * bs_pos_x[i2];
            // grad of this iteration of: for (int i = 0; i < n; i++)
            // grad of: s += bs[i].mass() * bs[i].pos().x();
            _d_bs_mass[i2] += bs_pos_x[i2];
            _d_bs_pos_x[i2] += bs_mass[i2];
        }
        double _value = s;
        double _d_a = 0.0;
        // grad of: for (int i = 0; i < bs.length; i++)
        for (int i = bs_pos_x.length - 1; i >= 0; i--) {
            // grad of: bs[i] = new Body(new Vec3(a * i, 1, 0), a);
            _d_a += _d_bs_mass[i];
            _d_bs_mass[i] = 0.0;
            double _d_double0 = _d_bs_pos_x[i];
            _d_bs_pos_x[i] = 0.0;
            _d_a += _d_double0 * i;
        }
        return new Filled(_value, _d_a);
    }

    /**
     * The value of {@code RecordArrays.filled(double, int)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param a the argument {@code a} of {@code RecordArrays.filled}
     * @param n the argument {@code n} of {@code RecordArrays.filled}
     * @param _t_a the tangent of {@code a}: the direction's component along it
     * @return the value and the directional derivative
     * @see #filled
     */
    public static FilledJvp filledJvp(double a, int n, double _t_a) {
        double[] bs_pos_x = new double[n];
        double[] _t_bs_pos_x = new double[bs_pos_x.length];
        double[] bs_pos_y = new double[n];
        double[] bs_pos_z = new double[n];
        double[] bs_mass = new double[n];
        double[] _t_bs_mass = new double[bs_mass.length];
        for (int i = 0; i < bs_pos_x.length; i++) {
            double _double0 = a * i;
            double _t_double0 = _t_a * i;
            bs_pos_x[i] = _double0;
            _t_bs_pos_x[i] = _t_double0;
            bs_pos_y[i] = 1.0;
            bs_pos_z[i] = 0.0;
            bs_mass[i] = a;
            _t_bs_mass[i] = _t_a;
        }
        double s = 0;
        double _t_s = 0.0;
        for (int i2 = 0; i2 < n; i2++) {
            s += bs_mass[i2] * bs_pos_x[i2];
            _t_s += _t_bs_mass[i2] * bs_pos_x[i2] + bs_mass[i2] * _t_bs_pos_x[i2];
        }
        return new FilledJvp(s, _t_s);
    }

    /**
     * The value of {@code RecordArrays.total(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param s the argument {@code s} of {@code RecordArrays.total}
     * @return the value and the gradient
     */
    public static Total total(double s) {
        double[] vs_x = {s, 2.0};
        double[] vs_y = {1.0, s};
        double[] vs_z = {2.0, 1.0};
        double t = 0;
        double[] _d_vs_x = new double[vs_x.length];
        double[] _d_vs_y = new double[vs_y.length];
        for (int _i0 = 0; _i0 < vs_x.length; _i0++) {
            double v_x = vs_x[_i0];
            double v_y = vs_y[_i0];
            double v_z = vs_z[_i0];
            double norm = Math.sqrt(v_x * v_x + v_y * v_y + v_z * v_z);
            t += norm;
            // grad of this iteration of: for (Vec3 v : vs)
            // grad of: t += v.norm();
            double _r0 = 0.5 / norm;
            double _d_v_x = 2 * _r0 * v_x;
            double _d_v_y = 2 * _r0 * v_y;
            _d_vs_y[_i0] += _d_v_y;
            // grad of: Vec3 v : vs
            _d_vs_x[_i0] += _d_v_x;
        }
        double _value = t;
        double _d_s = _d_vs_y[1];
        _d_s += _d_vs_x[0];
        return new Total(_value, _d_s);
    }

    /**
     * The result of {@link RecordArraysGrad#filled}: the value and the gradient.
     *
     * @param value the value of {@code filled(double, int)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     */
    public record Filled(double value, double a) {
    }

    /**
     * The result of {@link RecordArraysGrad#filledJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code filled(double, int)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record FilledJvp(double value, double tangent) {
    }

    /**
     * The result of {@link RecordArraysGrad#total}: the value and the gradient.
     *
     * @param value the value of {@code total(double)}
     * @param s &part; value / &part; s, the partial derivative with respect to {@code s}
     */
    public record Total(double value, double s) {
    }
}
