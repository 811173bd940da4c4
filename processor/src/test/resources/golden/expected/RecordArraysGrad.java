package golden;

import io.github.backprop.Shapes;
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
     * The value of {@code RecordArrays.potential(golden.RecordArrays.Body[], double)} and its gradient with respect to {@code bs_pos_x}, {@code bs_pos_y}, {@code bs_pos_z}, {@code bs_mass}.
     *
     * @param bs_pos_x the argument {@code bs_pos_x} of {@code RecordArrays.potential}
     * @param bs_pos_y the argument {@code bs_pos_y} of {@code RecordArrays.potential}
     * @param bs_pos_z the argument {@code bs_pos_z} of {@code RecordArrays.potential}
     * @param bs_mass the argument {@code bs_mass} of {@code RecordArrays.potential}
     * @param g the argument {@code g} of {@code RecordArrays.potential}
     * @return the value and the gradient
     */
    private static _Potential _potential(double[] bs_pos_x, double[] bs_pos_y, double[] bs_pos_z,
            double[] bs_mass, double g) {
        double[] _d_bs_pos_x = new double[bs_pos_x.length];
        double[] _d_bs_pos_y = new double[bs_pos_y.length];
        double[] _d_bs_pos_z = new double[bs_pos_z.length];
        double[] _d_bs_mass = new double[bs_mass.length];
        double _value = _potential(bs_pos_x, bs_pos_y, bs_pos_z, bs_mass, g, _d_bs_pos_x, _d_bs_pos_y, _d_bs_pos_z, _d_bs_mass);
        return new _Potential(_value, _d_bs_pos_x, _d_bs_pos_y, _d_bs_pos_z, _d_bs_mass);
    }

    /**
     * The value of {@code RecordArrays.potential(golden.RecordArrays.Body[], double)}, after adding its gradient with respect to {@code bs_pos_x}, {@code bs_pos_y}, {@code bs_pos_z}, {@code bs_mass} into {@code _d_bs_pos_x}, {@code _d_bs_pos_y}, {@code _d_bs_pos_z}, {@code _d_bs_mass}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param bs_pos_x the argument {@code bs_pos_x} of {@code RecordArrays.potential}
     * @param bs_pos_y the argument {@code bs_pos_y} of {@code RecordArrays.potential}
     * @param bs_pos_z the argument {@code bs_pos_z} of {@code RecordArrays.potential}
     * @param bs_mass the argument {@code bs_mass} of {@code RecordArrays.potential}
     * @param g the argument {@code g} of {@code RecordArrays.potential}
     * @param _d_bs_pos_x where the gradient with respect to {@code bs_pos_x} is added
     * @param _d_bs_pos_y where the gradient with respect to {@code bs_pos_y} is added
     * @param _d_bs_pos_z where the gradient with respect to {@code bs_pos_z} is added
     * @param _d_bs_mass where the gradient with respect to {@code bs_mass} is added
     * @return the value of {@code potential}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #potential
     */
    private static double _potential(double[] bs_pos_x, double[] bs_pos_y, double[] bs_pos_z,
            double[] bs_mass, double g, double[] _d_bs_pos_x, double[] _d_bs_pos_y,
            double[] _d_bs_pos_z, double[] _d_bs_mass) {
        Shapes.require("bs[].pos.x", _d_bs_pos_x, bs_pos_x);
        Shapes.require("bs[].pos.y", _d_bs_pos_y, bs_pos_y);
        Shapes.require("bs[].pos.z", _d_bs_pos_z, bs_pos_z);
        Shapes.require("bs[].mass", _d_bs_mass, bs_mass);
        double e = 0;
        for (int _i0 = 0; _i0 < bs_pos_x.length; _i0++) {
            double b_pos_x = bs_pos_x[_i0];
            double b_pos_y = bs_pos_y[_i0];
            double b_pos_z = bs_pos_z[_i0];
            double b_mass = bs_mass[_i0];
            e += g * b_mass * b_pos_z;
            // grad of this iteration of: for (Body b : bs)
            // grad of: e += g * b.mass() * b.pos().z();
            double _d_b_mass = b_pos_z * g;
            double _d_b_pos_z = g * b_mass;
            _d_bs_mass[_i0] += _d_b_mass;
            _d_bs_pos_z[_i0] += _d_b_pos_z;
        }
        double _value = e;
        return _value;
    }

    /**
     * The value of {@code RecordArrays.potential(golden.RecordArrays.Body[], double)} and its directional derivative along the tangents: the sum over {@code bs_pos_x}, {@code bs_pos_y}, {@code bs_pos_z}, {@code bs_mass} of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param bs_pos_x the argument {@code bs_pos_x} of {@code RecordArrays.potential}
     * @param bs_pos_y the argument {@code bs_pos_y} of {@code RecordArrays.potential}
     * @param bs_pos_z the argument {@code bs_pos_z} of {@code RecordArrays.potential}
     * @param bs_mass the argument {@code bs_mass} of {@code RecordArrays.potential}
     * @param g the argument {@code g} of {@code RecordArrays.potential}
     * @param _t_bs_pos_x the tangent of {@code bs_pos_x}, shaped like it; where the method writes into {@code bs_pos_x}, the same elements of this array get the tangents of the values written
     * @param _t_bs_pos_y the tangent of {@code bs_pos_y}, shaped like it; where the method writes into {@code bs_pos_y}, the same elements of this array get the tangents of the values written
     * @param _t_bs_pos_z the tangent of {@code bs_pos_z}, shaped like it; where the method writes into {@code bs_pos_z}, the same elements of this array get the tangents of the values written
     * @param _t_bs_mass the tangent of {@code bs_mass}, shaped like it; where the method writes into {@code bs_mass}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #potential
     */
    private static PotentialJvp _potentialJvp(double[] bs_pos_x, double[] bs_pos_y,
            double[] bs_pos_z, double[] bs_mass, double g, double[] _t_bs_pos_x,
            double[] _t_bs_pos_y, double[] _t_bs_pos_z, double[] _t_bs_mass) {
        double e = 0;
        double _t_e = 0.0;
        for (int _i0 = 0; _i0 < bs_pos_x.length; _i0++) {
            double b_pos_x = bs_pos_x[_i0];
            double b_pos_y = bs_pos_y[_i0];
            double b_pos_z = bs_pos_z[_i0];
            double _t_b_pos_z = _t_bs_pos_z[_i0];
            double b_mass = bs_mass[_i0];
            double _t_b_mass = _t_bs_mass[_i0];
            e += g * b_mass * b_pos_z;
            _t_e += g * _t_b_mass * b_pos_z + g * b_mass * _t_b_pos_z;
        }
        return new PotentialJvp(e, _t_e);
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
     * The value of {@code RecordArrays.potential} and its gradient; the gradient with respect to a record parameter is a tangent record of the same shape.
     *
     * @param bs the argument {@code bs} of {@code RecordArrays.potential}
     * @param g the argument {@code g} of {@code RecordArrays.potential}
     * @return the value and the gradient
     */
    public static Potential potential(RecordArrays.Body[] bs, double g) {
        _Potential _grad = _potential(java.util.Arrays.stream(bs).mapToDouble(_e -> _e.pos().x()).toArray(), java.util.Arrays.stream(bs).mapToDouble(_e -> _e.pos().y()).toArray(), java.util.Arrays.stream(bs).mapToDouble(_e -> _e.pos().z()).toArray(), java.util.Arrays.stream(bs).mapToDouble(_e -> _e.mass()).toArray(), g);
        return new Potential(_grad.value(), java.util.stream.IntStream.range(0, bs.length).mapToObj(_i -> new BodyTangent(new Vec3Tangent(_grad.bs_pos_x()[_i], _grad.bs_pos_y()[_i], _grad.bs_pos_z()[_i]), _grad.bs_mass()[_i])).toArray(BodyTangent[]::new));
    }

    /**
     * The value of {@code RecordArrays.potential} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of a record parameter is a tangent record of the same shape.
     *
     * @param bs the argument {@code bs} of {@code RecordArrays.potential}
     * @param g the argument {@code g} of {@code RecordArrays.potential}
     * @param _t_bs the tangent of {@code bs}, shaped like it
     * @return the value and the directional derivative
     * @see #potential
     */
    public static PotentialJvp potentialJvp(RecordArrays.Body[] bs, double g, BodyTangent[] _t_bs) {
        return _potentialJvp(java.util.Arrays.stream(bs).mapToDouble(_e -> _e.pos().x()).toArray(), java.util.Arrays.stream(bs).mapToDouble(_e -> _e.pos().y()).toArray(), java.util.Arrays.stream(bs).mapToDouble(_e -> _e.pos().z()).toArray(), java.util.Arrays.stream(bs).mapToDouble(_e -> _e.mass()).toArray(), g, java.util.Arrays.stream(_t_bs).mapToDouble(_e -> _e.pos().x()).toArray(), java.util.Arrays.stream(_t_bs).mapToDouble(_e -> _e.pos().y()).toArray(), java.util.Arrays.stream(_t_bs).mapToDouble(_e -> _e.pos().z()).toArray(), java.util.Arrays.stream(_t_bs).mapToDouble(_e -> _e.mass()).toArray());
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
     * The result of {@link RecordArraysGrad#_potential}: the value and the gradient.
     *
     * @param value the value of {@code potential(golden.RecordArrays.Body[], double)}
     * @param bs_pos_x &part; value / &part; bs_pos_x, the partial derivative with respect to {@code bs_pos_x}
     * @param bs_pos_y &part; value / &part; bs_pos_y, the partial derivative with respect to {@code bs_pos_y}
     * @param bs_pos_z &part; value / &part; bs_pos_z, the partial derivative with respect to {@code bs_pos_z}
     * @param bs_mass &part; value / &part; bs_mass, the partial derivative with respect to {@code bs_mass}
     */
    private record _Potential(double value, double[] bs_pos_x, double[] bs_pos_y, double[] bs_pos_z,
            double[] bs_mass) {
    }

    /**
     * The result of {@link RecordArraysGrad#potentialJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code potential(golden.RecordArrays.Body[], double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record PotentialJvp(double value, double tangent) {
    }

    /**
     * The result of {@link RecordArraysGrad#total}: the value and the gradient.
     *
     * @param value the value of {@code total(double)}
     * @param s &part; value / &part; s, the partial derivative with respect to {@code s}
     */
    public record Total(double value, double s) {
    }

    /**
     * The result of {@link RecordArraysGrad#potential}: the value and the gradient.
     *
     * @param value the value of {@code potential}
     * @param bs &part; value / &part; bs, component by component
     */
    public record Potential(double value, BodyTangent[] bs) {
    }

    /**
     * A tangent or gradient of a {@link RecordArrays.Body}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param pos the part along {@code pos()}
     * @param mass the part along {@code mass()}
     */
    public record BodyTangent(Vec3Tangent pos, double mass) {
    }

    /**
     * A tangent or gradient of a {@link RecordArrays.Vec3}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param x the part along {@code x()}
     * @param y the part along {@code y()}
     * @param z the part along {@code z()}
     */
    public record Vec3Tangent(double x, double y, double z) {
    }
}
