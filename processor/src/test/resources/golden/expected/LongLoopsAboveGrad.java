package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.Checkpoints;
import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LongLoopsAbove}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LongLoopsAboveGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LongLoopsAboveGrad() {
    }

    /**
     * The value of {@code LongLoopsAbove.decay(double, double, long)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x0 the argument {@code x0} of {@code LongLoopsAbove.decay}
     * @param r the argument {@code r} of {@code LongLoopsAbove.decay}
     * @param steps the argument {@code steps} of {@code LongLoopsAbove.decay}
     * @return the value and the gradient
     */
    public static Decay decay(double x0, double r, long steps) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            long i = 0L;
            double x = x0;
            boolean _brk0 = false;
            long _n0 = 0;
            for (int i2 = 0; !_brk0 && i2 < 100; ) {
                boolean _c0 = x > 1000000.0;
                if (_c0) {
                    _brk0 = true;
                } else {
                    x = x * 1.01 + 0.001;
                }
                _booleans.push(_c0);
                if (!_brk0) {
                    i2++;
                }
                _n0++;
            }
            long _lo0 = 1;
            long _f0 = _lo0;
            long _e0 = steps;
            // beyond 10000000000 iterations, without a tape, keeping at most 16 copies of its state; else taped in full
            Checkpoints _cp0 = Checkpoints.beyond(_e0 - _f0 + 1, 10000000000L, 16, 256);
            long _n1 = 0;
            if (_cp0 != null) {
                for (int _act0 = _cp0.forward(); _act0 != Checkpoints.DONE; _act0 = _cp0.forward()) {
                    if (_act0 == Checkpoints.SAVE) {
                        _cp0.save(x);
                    } else {
                        _f0 = _lo0 + _cp0.fromLong();
                        _e0 = _lo0 + _cp0.toLong() - 1;
                        for (long i3 = _f0; i3 <= _e0; i3++) {
                            x = Math.sin(r * x + i3 * 0.001) + 0.5 * x;
                        }
                    }
                }
            } else {
                for (i = _f0; i <= _e0; i++) {
                    _doubles.push(x);
                    x = Math.sin(r * x + i * 0.001) + 0.5 * x;
                    _n1++;
                }
            }
            double _value = x * x;
            // grad of: return x * x;
            double _d_x = 2 * x;
            double _d_r = 0.0;
            // grad of: for (long i = 1; i <= steps; i++)
            if (_cp0 != null) {
                for (int _act1 = _cp0.reverse(); _act1 != Checkpoints.DONE; _act1 = _cp0.reverse()) {
                    if (_act1 == Checkpoints.RESTORE) {
                        x = _cp0.restoreDouble();
                    } else if (_act1 == Checkpoints.SAVE) {
                        _cp0.save(x);
                    } else {
                        _f0 = _lo0 + _cp0.fromLong();
                        _e0 = _lo0 + _cp0.toLong() - 1;
                        if (_act1 == Checkpoints.ADVANCE) {
                            for (long i4 = _f0; i4 <= _e0; i4++) {
                                x = Math.sin(r * x + i4 * 0.001) + 0.5 * x;
                            }
                        } else {
                            _n1 = 0;
                            for (i = _f0; i <= _e0; i++) {
                                _doubles.push(x);
                                x = Math.sin(r * x + i * 0.001) + 0.5 * x;
                                _n1++;
                            }
                            for (; _n1 > 0; _n1--) {
                                // grad of: i++
                                i--;
                                // grad of: x = Math.sin(r * x + i * 1e-3) + 0.5 * x;
                                x = _doubles.pop();
                                double _r0 = _d_x * Math.cos(r * x + i * 0.001);
                                _d_r += _r0 * x;
                                _d_x = _r0 * r + 0.5 * _d_x;
                            }
                        }
                    }
                }
            } else {
                for (; _n1 > 0; _n1--) {
                    // grad of: i++
                    i--;
                    // grad of: x = Math.sin(r * x + i * 1e-3) + 0.5 * x;
                    x = _doubles.pop();
                    double _r0 = _d_x * Math.cos(r * x + i * 0.001);
                    _d_r += _r0 * x;
                    _d_x = _r0 * r + 0.5 * _d_x;
                }
            }
            // grad of: for (int i = 0; i < 100; i++)
            for (; _n0 > 0; _n0--) {
                if (!_booleans.pop()) {
                    // grad of: x = x * 1.01 + 0.001;
                    _d_x = 1.01 * _d_x;
                }
            }
            return new Decay(_value, _d_x, _d_r);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code LongLoopsAbove.oscillator(double, double, double, double, double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param k the argument {@code k} of {@code LongLoopsAbove.oscillator}
     * @param c the argument {@code c} of {@code LongLoopsAbove.oscillator}
     * @param x0 the argument {@code x0} of {@code LongLoopsAbove.oscillator}
     * @param v0 the argument {@code v0} of {@code LongLoopsAbove.oscillator}
     * @param dt the argument {@code dt} of {@code LongLoopsAbove.oscillator}
     * @param steps the argument {@code steps} of {@code LongLoopsAbove.oscillator}
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
            // beyond 100000 iterations, without a tape, keeping at most 64 copies of its state; else taped in full
            Checkpoints _cp0 = Checkpoints.beyond((long) _e0 - _f0, 100000, 64, 64);
            if (_cp0 != null) {
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
            } else {
                for (int i2 = _f0; i2 < _e0; i2++) {
                    _doubles.push(a);
                    a = -k * x - c * v;
                    _doubles.push(x);
                    x += dt * v;
                    _doubles.push(v);
                    v += dt * a;
                }
            }
            double _value = x * x + v * v;
            // grad of: return x * x + v * v;
            double _d_x = 2 * x;
            double _d_v = 2 * v;
            double _d_k = 0.0;
            double _d_c = 0.0;
            double _d_dt = 0.0;
            // grad of: for (int i = 0; i < steps; i++)
            if (_cp0 != null) {
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
                            for (int i3 = _f0; i3 < _e0; i3++) {
                                double a3 = -k * x - c * v;
                                x += dt * v;
                                v += dt * a3;
                            }
                        } else {
                            for (int i2 = _f0; i2 < _e0; i2++) {
                                _doubles.push(a);
                                a = -k * x - c * v;
                                _doubles.push(x);
                                x += dt * v;
                                _doubles.push(v);
                                v += dt * a;
                            }
                            for (int i2 = _e0; i2 > _f0; ) {
                                i2--;
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
            } else {
                for (int i2 = _e0; i2 > _f0; ) {
                    i2--;
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
            return new Oscillator(_value, _d_k, _d_c, _d_x, _d_v, _d_dt);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link LongLoopsAboveGrad#decay}: the value and the gradient.
     *
     * @param value the value of {@code decay(double, double, long)}
     * @param x0 &part; value / &part; x0, the partial derivative with respect to {@code x0}
     * @param r &part; value / &part; r, the partial derivative with respect to {@code r}
     */
    public record Decay(double value, double x0, double r) {
    }

    /**
     * The result of {@link LongLoopsAboveGrad#oscillator}: the value and the gradient.
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
}
