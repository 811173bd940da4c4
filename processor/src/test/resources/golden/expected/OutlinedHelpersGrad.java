package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link OutlinedHelpers}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class OutlinedHelpersGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private OutlinedHelpersGrad() {
    }

    /**
     * The value of {@code OutlinedHelpers.waves(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code OutlinedHelpers.waves}
     * @param b the argument {@code b} of {@code OutlinedHelpers.waves}
     * @return the value and the gradient
     */
    public static Waves waves(double a, double b) {
        double sum = 0;
        _Wave _g0 = OutlinedHelpersGrad._wave(a, b);
        _Wave _g1 = OutlinedHelpersGrad._wave(b, a);
        _Wave _g2 = OutlinedHelpersGrad._wave(a * b, 0.5);
        _Wave _g3 = OutlinedHelpersGrad._wave(a - b, b);
        sum += _g0.value() * _g1.value() + _g2.value() * _g3.value();
        _Wave _g4 = OutlinedHelpersGrad._wave(b, 0.25);
        _Wave _g5 = OutlinedHelpersGrad._wave(a, 0.75);
        _Wave _g6 = OutlinedHelpersGrad._wave(a + b, a);
        _Wave _g7 = OutlinedHelpersGrad._wave(b - a, 0.125);
        sum += _g4.value() * _g5.value() + _g6.value() * _g7.value();
        _Wave _g8 = OutlinedHelpersGrad._wave(a, 1.5);
        _Wave _g9 = OutlinedHelpersGrad._wave(b, 1.25);
        _Wave _g10 = OutlinedHelpersGrad._wave(0.5 * a, b);
        _Wave _g11 = OutlinedHelpersGrad._wave(0.5 * b, a);
        sum += _g8.value() * _g9.value() + _g10.value() * _g11.value();
        _Wave _g12 = OutlinedHelpersGrad._wave(a, 0.3);
        _Wave _g13 = OutlinedHelpersGrad._wave(b, 0.7);
        _Wave _g14 = OutlinedHelpersGrad._wave(0.25 * a, b);
        _Wave _g15 = OutlinedHelpersGrad._wave(0.25 * b, a);
        sum += _g12.value() * _g13.value() + _g14.value() * _g15.value();
        double _value = sum;
        // grad of: sum += wave(a, 0.3) * wave(b, 0.7) + wave(0.25 * a, b) * wave(0.25 * b, a);
        double _d_b = 0.25 * (_g14.value() * _g15.x());
        double _d_a = _g14.value() * _g15.k();
        _d_a += 0.25 * (_g15.value() * _g14.x());
        _d_b += _g15.value() * _g14.k();
        _d_b += _g12.value() * _g13.x();
        _d_a += _g13.value() * _g12.x();
        // grad of: sum += wave(a, 1.5) * wave(b, 1.25) + wave(0.5 * a, b) * wave(0.5 * b, a);
        _d_b += 0.5 * (_g10.value() * _g11.x());
        _d_a += _g10.value() * _g11.k();
        _d_a += 0.5 * (_g11.value() * _g10.x());
        _d_b += _g11.value() * _g10.k();
        _d_b += _g8.value() * _g9.x();
        _d_a += _g9.value() * _g8.x();
        // grad of: sum += wave(b, 0.25) * wave(a, 0.75) + wave(a + b, a) * wave(b - a, 0.125);
        double _r0 = _g6.value() * _g7.x();
        _d_b += _r0;
        _d_a -= _r0;
        double _r1 = _g7.value() * _g6.x();
        _d_b += _r1;
        _d_a += _r1 + _g7.value() * _g6.k();
        _d_a += _g4.value() * _g5.x();
        _d_b += _g5.value() * _g4.x();
        // grad of: sum += wave(a, b) * wave(b, a) + wave(a * b, 0.5) * wave(a - b, b);
        double _r2 = _g2.value() * _g3.x();
        _d_a += _r2;
        _d_b += -_r2 + _g2.value() * _g3.k();
        double _r3 = _g3.value() * _g2.x();
        _d_a += _r3 * b;
        _d_b += _r3 * a;
        _d_b += _g0.value() * _g1.x();
        _d_a += _g0.value() * _g1.k();
        _d_a += _g1.value() * _g0.x();
        _d_b += _g1.value() * _g0.k();
        return new Waves(_value, _d_a, _d_b);
    }

    /**
     * The tangent of {@code OutlinedHelpers.waves(double, double)} along {@code _t_a}, {@code _t_b}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code waves} and of its callers.
     *
     * @param a the argument {@code a} of {@code OutlinedHelpers.waves}
     * @param b the argument {@code b} of {@code OutlinedHelpers.waves}
     * @param _t_a the tangent of {@code a}, the direction's component along it
     * @param _t_b the tangent of {@code b}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _WavesTangent _wavesTangent(double a, double b, double _t_a, double _t_b) {
        double sum = 0;
        double _t_sum = 0.0;
        _Wave _g0 = OutlinedHelpersGrad._wave(a, b);
        __WaveTangent _g1 = OutlinedHelpersGrad.__waveTangent(a, b, _t_a, _t_b);
        double _t_g0 = _g1.value();
        _Wave _g2 = OutlinedHelpersGrad._wave(b, a);
        __WaveTangent _g3 = OutlinedHelpersGrad.__waveTangent(b, a, _t_b, _t_a);
        double _t_g2 = _g3.value();
        _Wave _g4 = OutlinedHelpersGrad._wave(a * b, 0.5);
        __WaveTangent _g5 = OutlinedHelpersGrad.__waveTangent(a * b, 0.5, _t_a * b + a * _t_b, 0.0);
        double _t_g4 = _g5.value();
        _Wave _g6 = OutlinedHelpersGrad._wave(a - b, b);
        __WaveTangent _g7 = OutlinedHelpersGrad.__waveTangent(a - b, b, _t_a - _t_b, _t_b);
        double _t_g6 = _g7.value();
        sum += _g0.value() * _g2.value() + _g4.value() * _g6.value();
        _t_sum += _t_g0 * _g2.value() + _g0.value() * _t_g2 + (_t_g4 * _g6.value() + _g4.value() * _t_g6);
        _Wave _g8 = OutlinedHelpersGrad._wave(b, 0.25);
        __WaveTangent _g9 = OutlinedHelpersGrad.__waveTangent(b, 0.25, _t_b, 0.0);
        double _t_g8 = _g9.value();
        _Wave _g10 = OutlinedHelpersGrad._wave(a, 0.75);
        __WaveTangent _g11 = OutlinedHelpersGrad.__waveTangent(a, 0.75, _t_a, 0.0);
        double _t_g10 = _g11.value();
        _Wave _g12 = OutlinedHelpersGrad._wave(a + b, a);
        __WaveTangent _g13 = OutlinedHelpersGrad.__waveTangent(a + b, a, _t_a + _t_b, _t_a);
        double _t_g12 = _g13.value();
        _Wave _g14 = OutlinedHelpersGrad._wave(b - a, 0.125);
        __WaveTangent _g15 = OutlinedHelpersGrad.__waveTangent(b - a, 0.125, _t_b - _t_a, 0.0);
        double _t_g14 = _g15.value();
        sum += _g8.value() * _g10.value() + _g12.value() * _g14.value();
        _t_sum += _t_g8 * _g10.value() + _g8.value() * _t_g10 + (_t_g12 * _g14.value() + _g12.value() * _t_g14);
        _Wave _g16 = OutlinedHelpersGrad._wave(a, 1.5);
        __WaveTangent _g17 = OutlinedHelpersGrad.__waveTangent(a, 1.5, _t_a, 0.0);
        double _t_g16 = _g17.value();
        _Wave _g18 = OutlinedHelpersGrad._wave(b, 1.25);
        __WaveTangent _g19 = OutlinedHelpersGrad.__waveTangent(b, 1.25, _t_b, 0.0);
        double _t_g18 = _g19.value();
        _Wave _g20 = OutlinedHelpersGrad._wave(0.5 * a, b);
        __WaveTangent _g21 = OutlinedHelpersGrad.__waveTangent(0.5 * a, b, 0.5 * _t_a, _t_b);
        double _t_g20 = _g21.value();
        _Wave _g22 = OutlinedHelpersGrad._wave(0.5 * b, a);
        __WaveTangent _g23 = OutlinedHelpersGrad.__waveTangent(0.5 * b, a, 0.5 * _t_b, _t_a);
        double _t_g22 = _g23.value();
        sum += _g16.value() * _g18.value() + _g20.value() * _g22.value();
        _t_sum += _t_g16 * _g18.value() + _g16.value() * _t_g18 + (_t_g20 * _g22.value() + _g20.value() * _t_g22);
        _Wave _g24 = OutlinedHelpersGrad._wave(a, 0.3);
        __WaveTangent _g25 = OutlinedHelpersGrad.__waveTangent(a, 0.3, _t_a, 0.0);
        double _t_g24 = _g25.value();
        _Wave _g26 = OutlinedHelpersGrad._wave(b, 0.7);
        __WaveTangent _g27 = OutlinedHelpersGrad.__waveTangent(b, 0.7, _t_b, 0.0);
        double _t_g26 = _g27.value();
        _Wave _g28 = OutlinedHelpersGrad._wave(0.25 * a, b);
        __WaveTangent _g29 = OutlinedHelpersGrad.__waveTangent(0.25 * a, b, 0.25 * _t_a, _t_b);
        double _t_g28 = _g29.value();
        _Wave _g30 = OutlinedHelpersGrad._wave(0.25 * b, a);
        __WaveTangent _g31 = OutlinedHelpersGrad.__waveTangent(0.25 * b, a, 0.25 * _t_b, _t_a);
        double _t_g30 = _g31.value();
        sum += _g24.value() * _g26.value() + _g28.value() * _g30.value();
        _t_sum += _t_g24 * _g26.value() + _g24.value() * _t_g26 + (_t_g28 * _g30.value() + _g28.value() * _t_g30);
        double _value = _t_sum;
        double _d_b = 0.25 * (_g28.value() * _g31.x());
        double _d_a = _g28.value() * _g31.k();
        double _d_t_b = 0.25 * (_g28.value() * _g31._t_x());
        double _d_t_a = _g28.value() * _g31._t_k();
        _d_b += 0.25 * (_t_g28 * _g30.x());
        _d_a += _t_g28 * _g30.k();
        _d_a += 0.25 * (_g30.value() * _g29.x());
        _d_b += _g30.value() * _g29.k();
        _d_t_a += 0.25 * (_g30.value() * _g29._t_x());
        _d_t_b += _g30.value() * _g29._t_k();
        _d_a += 0.25 * (_t_g30 * _g28.x());
        _d_b += _t_g30 * _g28.k();
        _d_b += _g24.value() * _g27.x();
        _d_t_b += _g24.value() * _g27._t_x();
        _d_b += _t_g24 * _g26.x();
        _d_a += _g26.value() * _g25.x();
        _d_t_a += _g26.value() * _g25._t_x();
        _d_a += _t_g26 * _g24.x();
        _d_b += 0.5 * (_g20.value() * _g23.x());
        _d_a += _g20.value() * _g23.k();
        _d_t_b += 0.5 * (_g20.value() * _g23._t_x());
        _d_t_a += _g20.value() * _g23._t_k();
        _d_b += 0.5 * (_t_g20 * _g22.x());
        _d_a += _t_g20 * _g22.k();
        _d_a += 0.5 * (_g22.value() * _g21.x());
        _d_b += _g22.value() * _g21.k();
        _d_t_a += 0.5 * (_g22.value() * _g21._t_x());
        _d_t_b += _g22.value() * _g21._t_k();
        _d_a += 0.5 * (_t_g22 * _g20.x());
        _d_b += _t_g22 * _g20.k();
        _d_b += _g16.value() * _g19.x();
        _d_t_b += _g16.value() * _g19._t_x();
        _d_b += _t_g16 * _g18.x();
        _d_a += _g18.value() * _g17.x();
        _d_t_a += _g18.value() * _g17._t_x();
        _d_a += _t_g18 * _g16.x();
        double _r0 = _g12.value() * _g15.x();
        _d_b += _r0;
        _d_a -= _r0;
        double _r1 = _g12.value() * _g15._t_x();
        _d_t_b += _r1;
        _d_t_a -= _r1;
        double _r2 = _t_g12 * _g14.x();
        _d_b += _r2;
        _d_a -= _r2;
        double _r3 = _g14.value() * _g13.x();
        _d_b += _r3;
        _d_a += _r3 + _g14.value() * _g13.k();
        double _r4 = _g14.value() * _g13._t_x();
        _d_t_b += _r4;
        _d_t_a += _r4 + _g14.value() * _g13._t_k();
        double _r5 = _t_g14 * _g12.x();
        _d_b += _r5;
        _d_a += _r5 + _t_g14 * _g12.k();
        _d_a += _g8.value() * _g11.x();
        _d_t_a += _g8.value() * _g11._t_x();
        _d_a += _t_g8 * _g10.x();
        _d_b += _g10.value() * _g9.x();
        _d_t_b += _g10.value() * _g9._t_x();
        _d_b += _t_g10 * _g8.x();
        double _r6 = _g4.value() * _g7.x();
        _d_a += _r6;
        _d_b += -_r6 + _g4.value() * _g7.k();
        double _r7 = _g4.value() * _g7._t_x();
        _d_t_a += _r7;
        _d_t_b += -_r7 + _g4.value() * _g7._t_k();
        double _r8 = _t_g4 * _g6.x();
        _d_a += _r8;
        _d_b += -_r8 + _t_g4 * _g6.k();
        double _r9 = _g6.value() * _g5.x();
        double _r10 = _g6.value() * _g5._t_x();
        _d_t_a += _r10 * b;
        _d_b += _r9 * a + _r10 * _t_a;
        _d_a += _r9 * b + _r10 * _t_b;
        _d_t_b += _r10 * a;
        double _r11 = _t_g6 * _g4.x();
        _d_a += _r11 * b;
        _d_b += _r11 * a;
        _d_b += _g0.value() * _g3.x();
        _d_a += _g0.value() * _g3.k();
        _d_t_b += _g0.value() * _g3._t_x();
        _d_t_a += _g0.value() * _g3._t_k();
        _d_b += _t_g0 * _g2.x();
        _d_a += _t_g0 * _g2.k();
        _d_a += _g2.value() * _g1.x();
        _d_b += _g2.value() * _g1.k();
        _d_t_a += _g2.value() * _g1._t_x();
        _d_t_b += _g2.value() * _g1._t_k();
        _d_a += _t_g2 * _g0.x();
        _d_b += _t_g2 * _g0.k();
        return new _WavesTangent(_value, _d_a, _d_b, _d_t_a, _d_t_b);
    }

    /**
     * The value of {@code OutlinedHelpers.waves}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param a the argument {@code a}
     * @param b the argument {@code b}
     * @param _v_a the direction's part for {@code a}
     * @param _v_b the direction's part for {@code b}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static WavesHvp wavesHvp(double a, double b, double _v_a, double _v_b) {
        _WavesTangent _g = _wavesTangent(a, b, _v_a, _v_b);
        int _n = 2;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_a();
        _hvp[0] = _g.a();
        _gradient[1] = _g._t_b();
        _hvp[1] = _g.b();
        return new WavesHvp(OutlinedHelpers.waves(a, b), _gradient, _hvp);
    }

    /**
     * The value of {@code OutlinedHelpers.waves}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param a the argument {@code a}
     * @param b the argument {@code b}
     * @return the value, the gradient and the Hessian
     */
    public static WavesHessian wavesHessian(double a, double b) {
        int _n = 2;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_a = _j == 0 ? 1 : 0;
            double _v_b = _j == 1 ? 1 : 0;
            WavesHvp _r = wavesHvp(a, b, _v_a, _v_b);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new WavesHessian(OutlinedHelpers.waves(a, b), _gradient, _hessian);
    }

    /**
     * The value of {@code OutlinedHelpers.waves(double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param a the argument {@code a} of {@code OutlinedHelpers.waves}
     * @param b the argument {@code b} of {@code OutlinedHelpers.waves}
     * @param _t_a the tangent of {@code a}: the direction's component along it
     * @param _t_b the tangent of {@code b}: the direction's component along it
     * @return the value and the directional derivative
     * @see #waves
     */
    public static WavesJvp wavesJvp(double a, double b, double _t_a, double _t_b) {
        double sum = 0;
        double _t_sum = 0.0;
        _Wave _g0 = OutlinedHelpersGrad._wave(a, b);
        double _t_g0 = _g0.x() * _t_a + _g0.k() * _t_b;
        _Wave _g1 = OutlinedHelpersGrad._wave(b, a);
        double _t_g1 = _g1.x() * _t_b + _g1.k() * _t_a;
        _Wave _g2 = OutlinedHelpersGrad._wave(a * b, 0.5);
        double _t_g2 = _g2.x() * (_t_a * b + a * _t_b);
        _Wave _g3 = OutlinedHelpersGrad._wave(a - b, b);
        double _t_g3 = _g3.x() * (_t_a - _t_b) + _g3.k() * _t_b;
        sum += _g0.value() * _g1.value() + _g2.value() * _g3.value();
        _t_sum += _t_g0 * _g1.value() + _g0.value() * _t_g1 + (_t_g2 * _g3.value() + _g2.value() * _t_g3);
        _Wave _g4 = OutlinedHelpersGrad._wave(b, 0.25);
        double _t_g4 = _g4.x() * _t_b;
        _Wave _g5 = OutlinedHelpersGrad._wave(a, 0.75);
        double _t_g5 = _g5.x() * _t_a;
        _Wave _g6 = OutlinedHelpersGrad._wave(a + b, a);
        double _t_g6 = _g6.x() * (_t_a + _t_b) + _g6.k() * _t_a;
        _Wave _g7 = OutlinedHelpersGrad._wave(b - a, 0.125);
        double _t_g7 = _g7.x() * (_t_b - _t_a);
        sum += _g4.value() * _g5.value() + _g6.value() * _g7.value();
        _t_sum += _t_g4 * _g5.value() + _g4.value() * _t_g5 + (_t_g6 * _g7.value() + _g6.value() * _t_g7);
        _Wave _g8 = OutlinedHelpersGrad._wave(a, 1.5);
        double _t_g8 = _g8.x() * _t_a;
        _Wave _g9 = OutlinedHelpersGrad._wave(b, 1.25);
        double _t_g9 = _g9.x() * _t_b;
        _Wave _g10 = OutlinedHelpersGrad._wave(0.5 * a, b);
        double _t_g10 = _g10.x() * (0.5 * _t_a) + _g10.k() * _t_b;
        _Wave _g11 = OutlinedHelpersGrad._wave(0.5 * b, a);
        double _t_g11 = _g11.x() * (0.5 * _t_b) + _g11.k() * _t_a;
        sum += _g8.value() * _g9.value() + _g10.value() * _g11.value();
        _t_sum += _t_g8 * _g9.value() + _g8.value() * _t_g9 + (_t_g10 * _g11.value() + _g10.value() * _t_g11);
        _Wave _g12 = OutlinedHelpersGrad._wave(a, 0.3);
        double _t_g12 = _g12.x() * _t_a;
        _Wave _g13 = OutlinedHelpersGrad._wave(b, 0.7);
        double _t_g13 = _g13.x() * _t_b;
        _Wave _g14 = OutlinedHelpersGrad._wave(0.25 * a, b);
        double _t_g14 = _g14.x() * (0.25 * _t_a) + _g14.k() * _t_b;
        _Wave _g15 = OutlinedHelpersGrad._wave(0.25 * b, a);
        double _t_g15 = _g15.x() * (0.25 * _t_b) + _g15.k() * _t_a;
        sum += _g12.value() * _g13.value() + _g14.value() * _g15.value();
        _t_sum += _t_g12 * _g13.value() + _g12.value() * _t_g13 + (_t_g14 * _g15.value() + _g14.value() * _t_g15);
        return new WavesJvp(sum, _t_sum);
    }

    /**
     * The value of {@code OutlinedHelpers.wave(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code OutlinedHelpers.wave}
     * @param k the argument {@code k} of {@code OutlinedHelpers.wave}
     * @return the value and the gradient
     */
    private static _Wave _wave(double x, double k) {
        double s = x;
        double _t0 = s;
        s += Math.sin(k * s) * 0.01;
        double _t1 = s;
        s += Math.sin(k * s) * 0.02;
        double _t2 = s;
        s += Math.sin(k * s) * 0.03;
        double _t3 = s;
        s += Math.sin(k * s) * 0.04;
        double _t4 = s;
        s += Math.sin(k * s) * 0.05;
        double _t5 = s;
        s += Math.sin(k * s) * 0.06;
        double _t6 = s;
        s += Math.sin(k * s) * 0.07;
        double _t7 = s;
        s += Math.sin(k * s) * 0.08;
        double _t8 = s;
        s += Math.sin(k * s) * 0.09;
        double _t9 = s;
        s += Math.sin(k * s) * 0.1;
        double _t10 = s;
        s += Math.sin(k * s) * 0.11;
        double _t11 = s;
        s += Math.sin(k * s) * 0.12;
        double _t12 = s;
        s += Math.sin(k * s) * 0.13;
        double _t13 = s;
        s += Math.sin(k * s) * 0.14;
        double _t14 = s;
        s += Math.sin(k * s) * 0.15;
        double _t15 = s;
        s += Math.sin(k * s) * 0.16;
        double _value = s;
        // grad of: return s;
        double _d_s = 1.0;
        // grad of: s += Math.sin(k * s) * 0.16;
        s = _t15;
        double _r0 = 0.16 * _d_s * Math.cos(k * s);
        double _d_k = _r0 * s;
        _d_s += _r0 * k;
        // grad of: s += Math.sin(k * s) * 0.15;
        s = _t14;
        double _r1 = 0.15 * _d_s * Math.cos(k * s);
        _d_k += _r1 * s;
        _d_s += _r1 * k;
        // grad of: s += Math.sin(k * s) * 0.14;
        s = _t13;
        double _r2 = 0.14 * _d_s * Math.cos(k * s);
        _d_k += _r2 * s;
        _d_s += _r2 * k;
        // grad of: s += Math.sin(k * s) * 0.13;
        s = _t12;
        double _r3 = 0.13 * _d_s * Math.cos(k * s);
        _d_k += _r3 * s;
        _d_s += _r3 * k;
        // grad of: s += Math.sin(k * s) * 0.12;
        s = _t11;
        double _r4 = 0.12 * _d_s * Math.cos(k * s);
        _d_k += _r4 * s;
        _d_s += _r4 * k;
        // grad of: s += Math.sin(k * s) * 0.11;
        s = _t10;
        double _r5 = 0.11 * _d_s * Math.cos(k * s);
        _d_k += _r5 * s;
        _d_s += _r5 * k;
        // grad of: s += Math.sin(k * s) * 0.1;
        s = _t9;
        double _r6 = 0.1 * _d_s * Math.cos(k * s);
        _d_k += _r6 * s;
        _d_s += _r6 * k;
        // grad of: s += Math.sin(k * s) * 0.09;
        s = _t8;
        double _r7 = 0.09 * _d_s * Math.cos(k * s);
        _d_k += _r7 * s;
        _d_s += _r7 * k;
        // grad of: s += Math.sin(k * s) * 0.08;
        s = _t7;
        double _r8 = 0.08 * _d_s * Math.cos(k * s);
        _d_k += _r8 * s;
        _d_s += _r8 * k;
        // grad of: s += Math.sin(k * s) * 0.07;
        s = _t6;
        double _r9 = 0.07 * _d_s * Math.cos(k * s);
        _d_k += _r9 * s;
        _d_s += _r9 * k;
        // grad of: s += Math.sin(k * s) * 0.06;
        s = _t5;
        double _r10 = 0.06 * _d_s * Math.cos(k * s);
        _d_k += _r10 * s;
        _d_s += _r10 * k;
        // grad of: s += Math.sin(k * s) * 0.05;
        s = _t4;
        double _r11 = 0.05 * _d_s * Math.cos(k * s);
        _d_k += _r11 * s;
        _d_s += _r11 * k;
        // grad of: s += Math.sin(k * s) * 0.04;
        s = _t3;
        double _r12 = 0.04 * _d_s * Math.cos(k * s);
        _d_k += _r12 * s;
        _d_s += _r12 * k;
        // grad of: s += Math.sin(k * s) * 0.03;
        s = _t2;
        double _r13 = 0.03 * _d_s * Math.cos(k * s);
        _d_k += _r13 * s;
        _d_s += _r13 * k;
        // grad of: s += Math.sin(k * s) * 0.02;
        s = _t1;
        double _r14 = 0.02 * _d_s * Math.cos(k * s);
        _d_k += _r14 * s;
        _d_s += _r14 * k;
        // grad of: s += Math.sin(k * s) * 0.01;
        s = _t0;
        double _r15 = 0.01 * _d_s * Math.cos(k * s);
        _d_k += _r15 * s;
        _d_s += _r15 * k;
        return new _Wave(_value, _d_s, _d_k);
    }

    /**
     * The tangent of {@code OutlinedHelpers.wave(double, double)} along {@code _t_x}, {@code _t_k}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code wave} and of its callers.
     *
     * @param x the argument {@code x} of {@code OutlinedHelpers.wave}
     * @param k the argument {@code k} of {@code OutlinedHelpers.wave}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @param _t_k the tangent of {@code k}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static __WaveTangent __waveTangent(double x, double k, double _t_x, double _t_k) {
        double s = x;
        double _t_s = _t_x;
        double _cos0 = Math.cos(k * s);
        double _p0 = _t_k * s + k * _t_s;
        double _t0 = _t_s;
        _t_s += 0.01 * (_cos0 * _p0);
        double _t1 = s;
        s += Math.sin(k * s) * 0.01;
        double _cos1 = Math.cos(k * s);
        double _p1 = _t_k * s + k * _t_s;
        double _t2 = _t_s;
        _t_s += 0.02 * (_cos1 * _p1);
        double _t3 = s;
        s += Math.sin(k * s) * 0.02;
        double _cos2 = Math.cos(k * s);
        double _p2 = _t_k * s + k * _t_s;
        double _t4 = _t_s;
        _t_s += 0.03 * (_cos2 * _p2);
        double _t5 = s;
        s += Math.sin(k * s) * 0.03;
        double _cos3 = Math.cos(k * s);
        double _p3 = _t_k * s + k * _t_s;
        double _t6 = _t_s;
        _t_s += 0.04 * (_cos3 * _p3);
        double _t7 = s;
        s += Math.sin(k * s) * 0.04;
        double _cos4 = Math.cos(k * s);
        double _p4 = _t_k * s + k * _t_s;
        double _t8 = _t_s;
        _t_s += 0.05 * (_cos4 * _p4);
        double _t9 = s;
        s += Math.sin(k * s) * 0.05;
        double _cos5 = Math.cos(k * s);
        double _p5 = _t_k * s + k * _t_s;
        double _t10 = _t_s;
        _t_s += 0.06 * (_cos5 * _p5);
        double _t11 = s;
        s += Math.sin(k * s) * 0.06;
        double _cos6 = Math.cos(k * s);
        double _p6 = _t_k * s + k * _t_s;
        double _t12 = _t_s;
        _t_s += 0.07 * (_cos6 * _p6);
        double _t13 = s;
        s += Math.sin(k * s) * 0.07;
        double _cos7 = Math.cos(k * s);
        double _p7 = _t_k * s + k * _t_s;
        double _t14 = _t_s;
        _t_s += 0.08 * (_cos7 * _p7);
        double _t15 = s;
        s += Math.sin(k * s) * 0.08;
        double _cos8 = Math.cos(k * s);
        double _p8 = _t_k * s + k * _t_s;
        double _t16 = _t_s;
        _t_s += 0.09 * (_cos8 * _p8);
        double _t17 = s;
        s += Math.sin(k * s) * 0.09;
        double _cos9 = Math.cos(k * s);
        double _p9 = _t_k * s + k * _t_s;
        double _t18 = _t_s;
        _t_s += 0.1 * (_cos9 * _p9);
        double _t19 = s;
        s += Math.sin(k * s) * 0.1;
        double _cos10 = Math.cos(k * s);
        double _p10 = _t_k * s + k * _t_s;
        double _t20 = _t_s;
        _t_s += 0.11 * (_cos10 * _p10);
        double _t21 = s;
        s += Math.sin(k * s) * 0.11;
        double _cos11 = Math.cos(k * s);
        double _p11 = _t_k * s + k * _t_s;
        double _t22 = _t_s;
        _t_s += 0.12 * (_cos11 * _p11);
        double _t23 = s;
        s += Math.sin(k * s) * 0.12;
        double _cos12 = Math.cos(k * s);
        double _p12 = _t_k * s + k * _t_s;
        double _t24 = _t_s;
        _t_s += 0.13 * (_cos12 * _p12);
        double _t25 = s;
        s += Math.sin(k * s) * 0.13;
        double _cos13 = Math.cos(k * s);
        double _p13 = _t_k * s + k * _t_s;
        double _t26 = _t_s;
        _t_s += 0.14 * (_cos13 * _p13);
        double _t27 = s;
        s += Math.sin(k * s) * 0.14;
        double _cos14 = Math.cos(k * s);
        double _p14 = _t_k * s + k * _t_s;
        double _t28 = _t_s;
        _t_s += 0.15 * (_cos14 * _p14);
        double _t29 = s;
        s += Math.sin(k * s) * 0.15;
        double _cos15 = Math.cos(k * s);
        double _p15 = _t_k * s + k * _t_s;
        double _t30 = _t_s;
        _t_s += 0.16 * (_cos15 * _p15);
        double _t31 = s;
        s += Math.sin(k * s) * 0.16;
        double _value = _t_s;
        double _d_t_s = 1.0;
        s = _t31;
        _t_s = _t30;
        double _r0 = 0.16 * _d_t_s;
        double _d_cos15 = _r0 * _p15;
        double _d_p15 = _r0 * _cos15;
        double _d_t_k = _d_p15 * s;
        double _d_s = _d_p15 * _t_k;
        double _d_k = _d_p15 * _t_s;
        _d_t_s += _d_p15 * k;
        double _r1 = -(_d_cos15 * Math.sin(k * s));
        _d_k += _r1 * s;
        _d_s += _r1 * k;
        s = _t29;
        double _r2 = 0.15 * _d_s * Math.cos(k * s);
        _d_k += _r2 * s;
        _d_s += _r2 * k;
        _t_s = _t28;
        double _r3 = 0.15 * _d_t_s;
        double _d_cos14 = _r3 * _p14;
        double _d_p14 = _r3 * _cos14;
        _d_t_k += _d_p14 * s;
        _d_s += _d_p14 * _t_k;
        _d_k += _d_p14 * _t_s;
        _d_t_s += _d_p14 * k;
        double _r4 = -(_d_cos14 * Math.sin(k * s));
        _d_k += _r4 * s;
        _d_s += _r4 * k;
        s = _t27;
        double _r5 = 0.14 * _d_s * Math.cos(k * s);
        _d_k += _r5 * s;
        _d_s += _r5 * k;
        _t_s = _t26;
        double _r6 = 0.14 * _d_t_s;
        double _d_cos13 = _r6 * _p13;
        double _d_p13 = _r6 * _cos13;
        _d_t_k += _d_p13 * s;
        _d_s += _d_p13 * _t_k;
        _d_k += _d_p13 * _t_s;
        _d_t_s += _d_p13 * k;
        double _r7 = -(_d_cos13 * Math.sin(k * s));
        _d_k += _r7 * s;
        _d_s += _r7 * k;
        s = _t25;
        double _r8 = 0.13 * _d_s * Math.cos(k * s);
        _d_k += _r8 * s;
        _d_s += _r8 * k;
        _t_s = _t24;
        double _r9 = 0.13 * _d_t_s;
        double _d_cos12 = _r9 * _p12;
        double _d_p12 = _r9 * _cos12;
        _d_t_k += _d_p12 * s;
        _d_s += _d_p12 * _t_k;
        _d_k += _d_p12 * _t_s;
        _d_t_s += _d_p12 * k;
        double _r10 = -(_d_cos12 * Math.sin(k * s));
        _d_k += _r10 * s;
        _d_s += _r10 * k;
        s = _t23;
        double _r11 = 0.12 * _d_s * Math.cos(k * s);
        _d_k += _r11 * s;
        _d_s += _r11 * k;
        _t_s = _t22;
        double _r12 = 0.12 * _d_t_s;
        double _d_cos11 = _r12 * _p11;
        double _d_p11 = _r12 * _cos11;
        _d_t_k += _d_p11 * s;
        _d_s += _d_p11 * _t_k;
        _d_k += _d_p11 * _t_s;
        _d_t_s += _d_p11 * k;
        double _r13 = -(_d_cos11 * Math.sin(k * s));
        _d_k += _r13 * s;
        _d_s += _r13 * k;
        s = _t21;
        double _r14 = 0.11 * _d_s * Math.cos(k * s);
        _d_k += _r14 * s;
        _d_s += _r14 * k;
        _t_s = _t20;
        double _r15 = 0.11 * _d_t_s;
        double _d_cos10 = _r15 * _p10;
        double _d_p10 = _r15 * _cos10;
        _d_t_k += _d_p10 * s;
        _d_s += _d_p10 * _t_k;
        _d_k += _d_p10 * _t_s;
        _d_t_s += _d_p10 * k;
        double _r16 = -(_d_cos10 * Math.sin(k * s));
        _d_k += _r16 * s;
        _d_s += _r16 * k;
        s = _t19;
        double _r17 = 0.1 * _d_s * Math.cos(k * s);
        _d_k += _r17 * s;
        _d_s += _r17 * k;
        _t_s = _t18;
        double _r18 = 0.1 * _d_t_s;
        double _d_cos9 = _r18 * _p9;
        double _d_p9 = _r18 * _cos9;
        _d_t_k += _d_p9 * s;
        _d_s += _d_p9 * _t_k;
        _d_k += _d_p9 * _t_s;
        _d_t_s += _d_p9 * k;
        double _r19 = -(_d_cos9 * Math.sin(k * s));
        _d_k += _r19 * s;
        _d_s += _r19 * k;
        s = _t17;
        double _r20 = 0.09 * _d_s * Math.cos(k * s);
        _d_k += _r20 * s;
        _d_s += _r20 * k;
        _t_s = _t16;
        double _r21 = 0.09 * _d_t_s;
        double _d_cos8 = _r21 * _p8;
        double _d_p8 = _r21 * _cos8;
        _d_t_k += _d_p8 * s;
        _d_s += _d_p8 * _t_k;
        _d_k += _d_p8 * _t_s;
        _d_t_s += _d_p8 * k;
        double _r22 = -(_d_cos8 * Math.sin(k * s));
        _d_k += _r22 * s;
        _d_s += _r22 * k;
        s = _t15;
        double _r23 = 0.08 * _d_s * Math.cos(k * s);
        _d_k += _r23 * s;
        _d_s += _r23 * k;
        _t_s = _t14;
        double _r24 = 0.08 * _d_t_s;
        double _d_cos7 = _r24 * _p7;
        double _d_p7 = _r24 * _cos7;
        _d_t_k += _d_p7 * s;
        _d_s += _d_p7 * _t_k;
        _d_k += _d_p7 * _t_s;
        _d_t_s += _d_p7 * k;
        double _r25 = -(_d_cos7 * Math.sin(k * s));
        _d_k += _r25 * s;
        _d_s += _r25 * k;
        s = _t13;
        double _r26 = 0.07 * _d_s * Math.cos(k * s);
        _d_k += _r26 * s;
        _d_s += _r26 * k;
        _t_s = _t12;
        double _r27 = 0.07 * _d_t_s;
        double _d_cos6 = _r27 * _p6;
        double _d_p6 = _r27 * _cos6;
        _d_t_k += _d_p6 * s;
        _d_s += _d_p6 * _t_k;
        _d_k += _d_p6 * _t_s;
        _d_t_s += _d_p6 * k;
        double _r28 = -(_d_cos6 * Math.sin(k * s));
        _d_k += _r28 * s;
        _d_s += _r28 * k;
        s = _t11;
        double _r29 = 0.06 * _d_s * Math.cos(k * s);
        _d_k += _r29 * s;
        _d_s += _r29 * k;
        _t_s = _t10;
        double _r30 = 0.06 * _d_t_s;
        double _d_cos5 = _r30 * _p5;
        double _d_p5 = _r30 * _cos5;
        _d_t_k += _d_p5 * s;
        _d_s += _d_p5 * _t_k;
        _d_k += _d_p5 * _t_s;
        _d_t_s += _d_p5 * k;
        double _r31 = -(_d_cos5 * Math.sin(k * s));
        _d_k += _r31 * s;
        _d_s += _r31 * k;
        s = _t9;
        double _r32 = 0.05 * _d_s * Math.cos(k * s);
        _d_k += _r32 * s;
        _d_s += _r32 * k;
        _t_s = _t8;
        double _r33 = 0.05 * _d_t_s;
        double _d_cos4 = _r33 * _p4;
        double _d_p4 = _r33 * _cos4;
        _d_t_k += _d_p4 * s;
        _d_s += _d_p4 * _t_k;
        _d_k += _d_p4 * _t_s;
        _d_t_s += _d_p4 * k;
        double _r34 = -(_d_cos4 * Math.sin(k * s));
        _d_k += _r34 * s;
        _d_s += _r34 * k;
        s = _t7;
        double _r35 = 0.04 * _d_s * Math.cos(k * s);
        _d_k += _r35 * s;
        _d_s += _r35 * k;
        _t_s = _t6;
        double _r36 = 0.04 * _d_t_s;
        double _d_cos3 = _r36 * _p3;
        double _d_p3 = _r36 * _cos3;
        _d_t_k += _d_p3 * s;
        _d_s += _d_p3 * _t_k;
        _d_k += _d_p3 * _t_s;
        _d_t_s += _d_p3 * k;
        double _r37 = -(_d_cos3 * Math.sin(k * s));
        _d_k += _r37 * s;
        _d_s += _r37 * k;
        s = _t5;
        double _r38 = 0.03 * _d_s * Math.cos(k * s);
        _d_k += _r38 * s;
        _d_s += _r38 * k;
        _t_s = _t4;
        double _r39 = 0.03 * _d_t_s;
        double _d_cos2 = _r39 * _p2;
        double _d_p2 = _r39 * _cos2;
        _d_t_k += _d_p2 * s;
        _d_s += _d_p2 * _t_k;
        _d_k += _d_p2 * _t_s;
        _d_t_s += _d_p2 * k;
        double _r40 = -(_d_cos2 * Math.sin(k * s));
        _d_k += _r40 * s;
        _d_s += _r40 * k;
        s = _t3;
        double _r41 = 0.02 * _d_s * Math.cos(k * s);
        _d_k += _r41 * s;
        _d_s += _r41 * k;
        _t_s = _t2;
        double _r42 = 0.02 * _d_t_s;
        double _d_cos1 = _r42 * _p1;
        double _d_p1 = _r42 * _cos1;
        _d_t_k += _d_p1 * s;
        _d_s += _d_p1 * _t_k;
        _d_k += _d_p1 * _t_s;
        _d_t_s += _d_p1 * k;
        double _r43 = -(_d_cos1 * Math.sin(k * s));
        _d_k += _r43 * s;
        _d_s += _r43 * k;
        s = _t1;
        double _r44 = 0.01 * _d_s * Math.cos(k * s);
        _d_k += _r44 * s;
        _d_s += _r44 * k;
        _t_s = _t0;
        double _r45 = 0.01 * _d_t_s;
        double _d_cos0 = _r45 * _p0;
        double _d_p0 = _r45 * _cos0;
        _d_t_k += _d_p0 * s;
        _d_s += _d_p0 * _t_k;
        _d_k += _d_p0 * _t_s;
        _d_t_s += _d_p0 * k;
        double _r46 = -(_d_cos0 * Math.sin(k * s));
        _d_k += _r46 * s;
        _d_s += _r46 * k;
        return new __WaveTangent(_value, _d_s, _d_k, _d_t_s, _d_t_k);
    }

    /**
     * The result of {@link OutlinedHelpersGrad#waves}: the value and the gradient.
     *
     * @param value the value of {@code waves(double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Waves(double value, double a, double b) {
    }

    /**
     * The result of {@link OutlinedHelpersGrad#_wavesTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code waves(double, double)} along {@code _t_a}, {@code _t_b}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param _t_a &part; value / &part; _t_a, the partial derivative with respect to {@code _t_a}
     * @param _t_b &part; value / &part; _t_b, the partial derivative with respect to {@code _t_b}
     */
    private record _WavesTangent(double value, double a, double b, double _t_a, double _t_b) {
    }

    /**
     * The result of {@link OutlinedHelpersGrad#wavesHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record WavesHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link OutlinedHelpersGrad#wavesHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record WavesHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link OutlinedHelpersGrad#wavesJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code waves(double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record WavesJvp(double value, double tangent) {
    }

    /**
     * The result of {@link OutlinedHelpersGrad#_wave}: the value and the gradient.
     *
     * @param value the value of {@code wave(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    private record _Wave(double value, double x, double k) {
    }

    /**
     * The result of {@link OutlinedHelpersGrad#__waveTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code wave(double, double)} along {@code _t_x}, {@code _t_k}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     * @param _t_k &part; value / &part; _t_k, the partial derivative with respect to {@code _t_k}
     */
    private record __WaveTangent(double value, double x, double k, double _t_x, double _t_k) {
    }
}
