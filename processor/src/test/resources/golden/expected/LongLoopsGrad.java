package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.Checkpoints;
import io.github.backprop.DoubleStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LongLoops}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LongLoopsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LongLoopsGrad() {
    }

    /**
     * The value of {@code LongLoops.diffuse(double[], double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param u0 the argument {@code u0} of {@code LongLoops.diffuse}
     * @param k the argument {@code k} of {@code LongLoops.diffuse}
     * @param steps the argument {@code steps} of {@code LongLoops.diffuse}
     * @return the value and the gradient
     */
    public static Diffuse diffuse(double[] u0, double k, int steps) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[] swap = null;
            double[] _d_u0 = new double[u0.length];
            int n = u0.length;
            double[] _copy0 = new double[u0.length];
            int _n0 = u0.length;
            for (int _k0 = 0; _k0 < _n0; _k0++) {
                _copy0[_k0] = u0[_k0];
            }
            double[] a = _copy0;
            double[] b = new double[n];
            int _lo0 = 0;
            int _f0 = _lo0;
            int _e0 = steps;
            // the loop without a tape, keeping at most 16 copies of its state
            Checkpoints _cp0 = new Checkpoints((long) _e0 - _f0, 16, 64);
            for (int _act0 = _cp0.forward(); _act0 != Checkpoints.DONE; _act0 = _cp0.forward()) {
                if (_act0 == Checkpoints.SAVE) {
                    _cp0.saveReference(b);
                    _cp0.saveReference(a);
                } else {
                    _f0 = _lo0 + _cp0.from();
                    _e0 = _lo0 + _cp0.to();
                    for (int t = _f0; t < _e0; t++) {
                        for (int j = 1; j < n - 1; j++) {
                            b[j] = a[j] + k * (a[j - 1] - 2 * a[j] + a[j + 1]);
                        }
                        double[] swap2 = a;
                        a = b;
                        b = swap2;
                    }
                }
            }
            double _value = a[n / 2];
            double[] _d_copy0 = new double[_copy0.length];
            double[] _d_a = a == _copy0 ? _d_copy0 : new double[a.length];
            double[] _d_b = b == a ? _d_a : b == _copy0 ? _d_copy0 : new double[b.length];
            // grad of: return a[n / 2];
            _d_a[n / 2] += 1.0;
            double _d_k = 0.0;
            // grad of: for (@Checkpointed(snapshots = 16) int t = 0; t < steps; t++)
            for (int _act1 = _cp0.reverse(); _act1 != Checkpoints.DONE; _act1 = _cp0.reverse()) {
                if (_act1 == Checkpoints.RESTORE) {
                    b = (double[]) _cp0.restoreReference();
                    a = (double[]) _cp0.restoreReference();
                } else if (_act1 == Checkpoints.SAVE) {
                    _cp0.saveReference(b);
                    _cp0.saveReference(a);
                } else {
                    _f0 = _lo0 + _cp0.from();
                    _e0 = _lo0 + _cp0.to();
                    if (_act1 == Checkpoints.ADVANCE) {
                        for (int t2 = _f0; t2 < _e0; t2++) {
                            for (int j2 = 1; j2 < n - 1; j2++) {
                                b[j2] = a[j2] + k * (a[j2 - 1] - 2 * a[j2] + a[j2 + 1]);
                            }
                            double[] swap3 = a;
                            a = b;
                            b = swap3;
                        }
                    } else {
                        for (int t3 = _f0; t3 < _e0; t3++) {
                            for (int j3 = 1; j3 < n - 1; j3++) {
                                _doubles.push(b[j3]);
                                b[j3] = a[j3] + k * (a[j3 - 1] - 2 * a[j3] + a[j3 + 1]);
                            }
                            _objects.push(swap);
                            swap = a;
                            _objects.push(a);
                            a = b;
                            _objects.push(b);
                            b = swap;
                        }
                        for (int t3 = _e0; t3 > _f0; ) {
                            t3--;
                            double[] _d_swap = swap == a ? _d_a : swap == _copy0 ? _d_copy0 : swap == b ? _d_b : new double[swap.length];
                            // grad of: b = swap;
                            b = (double[]) _objects.pop();
                            _d_b = b == a ? _d_a : b == _copy0 ? _d_copy0 : b == swap ? _d_swap : new double[b.length];
                            // grad of: a = b;
                            a = (double[]) _objects.pop();
                            _d_a = a == _copy0 ? _d_copy0 : a == swap ? _d_swap : a == b ? _d_b : new double[a.length];
                            // grad of: double[] swap = a;
                            swap = (double[]) _objects.pop();
                            // grad of: for (int j = 1; j < n - 1; j++)
                            for (int j3 = Math.max(1, n - 1) - 1; j3 >= 1; j3--) {
                                // grad of: b[j] = a[j] + k * (a[j - 1] - 2 * a[j] + a[j + 1]);
                                b[j3] = _doubles.pop();
                                double _r0 = _d_b[j3];
                                _d_b[j3] = 0.0;
                                _d_k += _r0 * (a[j3 - 1] - 2 * a[j3] + a[j3 + 1]);
                                double _r1 = _r0 * k;
                                _d_a[j3 - 1] += _r1;
                                _d_a[j3] += _r0 - 2 * _r1;
                                _d_a[j3 + 1] += _r1;
                            }
                        }
                    }
                }
            }
            for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
                _d_u0[_k0] += _d_copy0[_k0];
                _d_copy0[_k0] = 0.0;
            }
            return new Diffuse(_value, _d_u0, _d_k);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code LongLoops.oscillator(double, double, double, double, double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param k the argument {@code k} of {@code LongLoops.oscillator}
     * @param c the argument {@code c} of {@code LongLoops.oscillator}
     * @param x0 the argument {@code x0} of {@code LongLoops.oscillator}
     * @param v0 the argument {@code v0} of {@code LongLoops.oscillator}
     * @param dt the argument {@code dt} of {@code LongLoops.oscillator}
     * @param steps the argument {@code steps} of {@code LongLoops.oscillator}
     * @return the value and the gradient
     */
    public static Oscillator oscillator(double k, double c, double x0, double v0, double dt,
            int steps) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double a = 0.0;
            double x = x0;
            double v = v0;
            int _lo0 = 0;
            int _f0 = _lo0;
            int _e0 = steps;
            // the loop without a tape, keeping at most 64 copies of its state
            Checkpoints _cp0 = new Checkpoints((long) _e0 - _f0, 64, 64);
            for (int _act0 = _cp0.forward(); _act0 != Checkpoints.DONE; _act0 = _cp0.forward()) {
                if (_act0 == Checkpoints.SAVE) {
                    _cp0.save(x);
                    _cp0.save(v);
                } else {
                    _f0 = _lo0 + _cp0.from();
                    _e0 = _lo0 + _cp0.to();
                    for (int i = _f0; i < _e0; i++) {
                        double a2 = -k * x - c * v;
                        x += dt * v;
                        v += dt * a2;
                    }
                }
            }
            double _value = x * x + v * v;
            // grad of: return x * x + v * v;
            double _d_x = 2 * x;
            double _d_v = 2 * v;
            double _d_k = 0.0;
            double _d_c = 0.0;
            double _d_dt = 0.0;
            // grad of: for (@Checkpointed(snapshots = 64) int i = 0; i < steps; i++)
            for (int _act1 = _cp0.reverse(); _act1 != Checkpoints.DONE; _act1 = _cp0.reverse()) {
                if (_act1 == Checkpoints.RESTORE) {
                    x = _cp0.restoreDouble();
                    v = _cp0.restoreDouble();
                } else if (_act1 == Checkpoints.SAVE) {
                    _cp0.save(x);
                    _cp0.save(v);
                } else {
                    _f0 = _lo0 + _cp0.from();
                    _e0 = _lo0 + _cp0.to();
                    if (_act1 == Checkpoints.ADVANCE) {
                        for (int i2 = _f0; i2 < _e0; i2++) {
                            double a3 = -k * x - c * v;
                            x += dt * v;
                            v += dt * a3;
                        }
                    } else {
                        for (int i3 = _f0; i3 < _e0; i3++) {
                            _doubles.push(a);
                            a = -k * x - c * v;
                            _doubles.push(x);
                            x += dt * v;
                            _doubles.push(v);
                            v += dt * a;
                        }
                        for (int i3 = _e0; i3 > _f0; ) {
                            i3--;
                            // grad of: v = v + dt * a;
                            v = _doubles.pop();
                            _d_dt += _d_v * a;
                            double _d_a = _d_v * dt;
                            // grad of: x = x + dt * v;
                            x = _doubles.pop();
                            _d_dt += _d_x * v;
                            _d_v += _d_x * dt;
                            // grad of: double a = -k * x - c * v;
                            _d_k -= _d_a * x;
                            _d_x -= _d_a * k;
                            _d_c -= _d_a * v;
                            _d_v -= _d_a * c;
                            a = _doubles.pop();
                        }
                    }
                }
            }
            return new Oscillator(_value, _d_k, _d_c, _d_x, _d_v, _d_dt);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code LongLoops.smooth(double[], double, int, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param u the argument {@code u} of {@code LongLoops.smooth}
     * @param r the argument {@code r} of {@code LongLoops.smooth}
     * @param from the argument {@code from} of {@code LongLoops.smooth}
     * @param to the argument {@code to} of {@code LongLoops.smooth}
     * @return the value and the gradient
     */
    public static Smooth smooth(double[] u, double r, int from, int to) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double[] _d_u = new double[u.length];
            int scale = 2;
            int _lo0 = from;
            int _f0 = _lo0;
            int _e0 = to;
            // the loop without a tape, keeping at most 8 copies of its state
            Checkpoints _cp0 = new Checkpoints((long) _e0 - _f0 + 1, 8, 64);
            for (int _act0 = _cp0.forward(); _act0 != Checkpoints.DONE; _act0 = _cp0.forward()) {
                if (_act0 == Checkpoints.SAVE) {
                    _cp0.save(u);
                } else {
                    _f0 = _lo0 + _cp0.from();
                    _e0 = _lo0 + _cp0.to() - 1;
                    for (int t = _f0; t <= _e0; t++) {
                        for (int j = 1; j < u.length; j++) {
                            u[j] = Math.tanh(u[j] + r * scale * u[j - 1]);
                        }
                    }
                }
            }
            int _t0 = scale;
            scale = 3;
            double _value = u[u.length - 1] * scale;
            double[] _u0 = Adjoint.copyOf(u);
            // grad of: return u[u.length - 1] * scale;
            _d_u[u.length - 1] += scale;
            // grad of: scale = 3;
            scale = _t0;
            double _d_r = 0.0;
            // grad of: for (@Checkpointed(snapshots = 8) int t = from; t <= to; t++)
            for (int _act1 = _cp0.reverse(); _act1 != Checkpoints.DONE; _act1 = _cp0.reverse()) {
                if (_act1 == Checkpoints.RESTORE) {
                    _cp0.restore(u);
                } else if (_act1 == Checkpoints.SAVE) {
                    _cp0.save(u);
                } else {
                    _f0 = _lo0 + _cp0.from();
                    _e0 = _lo0 + _cp0.to() - 1;
                    if (_act1 == Checkpoints.ADVANCE) {
                        for (int t2 = _f0; t2 <= _e0; t2++) {
                            for (int j2 = 1; j2 < u.length; j2++) {
                                u[j2] = Math.tanh(u[j2] + r * scale * u[j2 - 1]);
                            }
                        }
                    } else {
                        for (int t3 = _f0; t3 <= _e0; t3++) {
                            for (int j3 = 1; j3 < u.length; j3++) {
                                _doubles.push(u[j3]);
                                u[j3] = Math.tanh(u[j3] + r * scale * u[j3 - 1]);
                            }
                        }
                        for (int t3 = _e0 + 1; t3 > _f0; ) {
                            t3--;
                            // grad of: for (int j = 1; j < u.length; j++)
                            for (int j3 = u.length - 1; j3 >= 1; j3--) {
                                // grad of: u[j] = Math.tanh(u[j] + r * scale * u[j - 1]);
                                u[j3] = _doubles.pop();
                                double _r0 = _d_u[j3];
                                _d_u[j3] = 0.0;
                                double _r1 = _r0 * (1.0 - Math.tanh(u[j3] + r * scale * u[j3 - 1]) * Math.tanh(u[j3] + r * scale * u[j3 - 1]));
                                _d_u[j3] += _r1;
                                _d_r += _r1 * u[j3 - 1] * scale;
                                _d_u[j3 - 1] += _r1 * (r * scale);
                            }
                        }
                    }
                }
            }
            Adjoint.copyInto(_u0, u);
            return new Smooth(_value, _d_u, _d_r);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link LongLoopsGrad#diffuse}: the value and the gradient.
     *
     * @param value the value of {@code diffuse(double[], double, int)}
     * @param u0 &part; value / &part; u0, the partial derivative with respect to {@code u0}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record Diffuse(double value, double[] u0, double k) {
    }

    /**
     * The result of {@link LongLoopsGrad#oscillator}: the value and the gradient.
     *
     * @param value the value of {@code oscillator(double, double, double, double, double, int)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     * @param c &part; value / &part; c, the partial derivative with respect to {@code c}
     * @param x0 &part; value / &part; x0, the partial derivative with respect to {@code x0}
     * @param v0 &part; value / &part; v0, the partial derivative with respect to {@code v0}
     * @param dt &part; value / &part; dt, the partial derivative with respect to {@code dt}
     */
    public record Oscillator(double value, double k, double c, double x0, double v0, double dt) {
    }

    /**
     * The result of {@link LongLoopsGrad#smooth}: the value and the gradient.
     *
     * @param value the value of {@code smooth(double[], double, int, int)}
     * @param u &part; value / &part; u, the partial derivative with respect to {@code u}
     * @param r &part; value / &part; r, the partial derivative with respect to {@code r}
     */
    public record Smooth(double value, double[] u, double r) {
    }
}
