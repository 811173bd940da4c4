package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.IntStack;
import io.github.backprop.LongStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Jumps}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class JumpsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private JumpsGrad() {
    }

    /**
     * The value of {@code Jumps.firstAbove(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Jumps.firstAbove}
     * @param t the argument {@code t} of {@code Jumps.firstAbove}
     * @return the value and the gradient
     */
    public static FirstAbove firstAbove(double[] x, double t) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            int i = 0;
            double[] _d_x = new double[x.length];
            double _value = 0.0;
            boolean _ret0 = false;
            double s = 0;
            long _n0 = 0;
            for (i = 0; !_ret0 && i < x.length; ) {
                _doubles.push(s);
                s += x[i] * t;
                if (s > 3) {
                    _value = s * s;
                    _booleans.push(_ret0);
                    _ret0 = true;
                }
                if (!_ret0) {
                    i++;
                }
                _n0++;
            }
            if (!_ret0) {
                _value = -s;
            }
            double _d_value = 1.0;
            double _d_s = 0.0;
            if (!_ret0) {
                // grad of: return -s;
                _d_s = -1.0;
            }
            double _d_t = 0.0;
            // grad of: for (int i = 0; i < x.length; i++)
            for (; _n0 > 0; _n0--) {
                if (!_ret0) {
                    // grad of: i++
                    i--;
                }
                if (s > 3) {
                    _ret0 = _booleans.pop();
                    // grad of: return s * s;
                    _d_s += 2 * _d_value * s;
                    _d_value = 0.0;
                }
                // grad of: s += x[i] * t;
                s = _doubles.pop();
                _d_x[i] += _d_s * t;
                _d_t += _d_s * x[i];
            }
            return new FirstAbove(_value, _d_x, _d_t);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Jumps.labelled(double[][])} and its gradient with respect to every {@code double} parameter.
     *
     * @param m the argument {@code m} of {@code Jumps.labelled}
     * @return the value and the gradient
     */
    public static Labelled labelled(double[][] m) {
        double[][] _d_m = Adjoint.zerosLike(m);
        double _value = labelled(m, _d_m);
        return new Labelled(_value, _d_m);
    }

    /**
     * The value of {@code Jumps.labelled(double[][])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_m}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param m the argument {@code m} of {@code Jumps.labelled}
     * @param _d_m where the gradient with respect to {@code m} is added
     * @return the value of {@code labelled}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #labelled
     */
    public static double labelled(double[][] m, double[][] _d_m) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("m", _d_m, m);
            IntStack _ints = _tape.ints();
            LongStack _longs = _tape.longs();
            BooleanStack _booleans = _tape.booleans();
            int i = 0;
            boolean _cont0 = false;
            int j = 0;
            double s = 0;
            boolean _brk0 = false;
            long _n0 = 0;
            for (i = 0; !_brk0 && i < m.length; ) {
                _booleans.push(_cont0);
                _cont0 = false;
                long _n1 = 0;
                _ints.push(j);
                j = 0;
                while (!_brk0 && !_cont0 && j < m[i].length) {
                    if (m[i][j] > 5) {
                        _booleans.push(_brk0);
                        _brk0 = true;
                    } else if (m[i][j] < 0) {
                        _booleans.push(_cont0);
                        _cont0 = true;
                    } else {
                        s += m[i][j];
                    }
                    if (!_brk0 && !_cont0) {
                        j++;
                    }
                    _n1++;
                }
                _longs.push(_n1);
                if (!_brk0) {
                    i++;
                }
                _n0++;
            }
            double _value = s;
            // grad of: rows: for (int i = 0; i < m.length; i++)
            for (; _n0 > 0; _n0--) {
                if (!_brk0) {
                    // grad of: i++
                    i--;
                }
                long _n1 = _longs.pop();
                // grad of: for (int j = 0; j < m[i].length; j++)
                for (; _n1 > 0; _n1--) {
                    if (!_brk0 && !_cont0) {
                        // grad of: j++
                        j--;
                    }
                    if (m[i][j] > 5) {
                        _brk0 = _booleans.pop();
                    } else if (m[i][j] < 0) {
                        _cont0 = _booleans.pop();
                    } else {
                        // grad of: s += m[i][j];
                        _d_m[i][j] += 1.0;
                    }
                }
                // grad of: int j = 0
                j = _ints.pop();
                _cont0 = _booleans.pop();
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Jumps.skipNegatives(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Jumps.skipNegatives}
     * @return the value and the gradient
     */
    public static SkipNegatives skipNegatives(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = skipNegatives(x, _d_x);
        return new SkipNegatives(_value, _d_x);
    }

    /**
     * The value of {@code Jumps.skipNegatives(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Jumps.skipNegatives}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code skipNegatives}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #skipNegatives
     */
    public static double skipNegatives(double[] x, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("x", _d_x, x);
            DoubleStack _doubles = _tape.doubles();
            double s = 1;
            for (int i = 0; i < x.length; i++) {
                if (!(x[i] < 0)) {
                    _doubles.push(s);
                    s *= x[i];
                }
            }
            double _value = s;
            // grad of: return s;
            double _d_s = 1.0;
            // grad of: for (int i = 0; i < x.length; i++)
            for (int i = x.length - 1; i >= 0; i--) {
                if (!(x[i] < 0)) {
                    // grad of: s *= x[i];
                    s = _doubles.pop();
                    _d_x[i] += _d_s * s;
                    _d_s *= x[i];
                }
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Jumps.untilNegative(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Jumps.untilNegative}
     * @return the value and the gradient
     */
    public static UntilNegative untilNegative(double[] x) {
        double[] _d_x = new double[x.length];
        double _value = untilNegative(x, _d_x);
        return new UntilNegative(_value, _d_x);
    }

    /**
     * The value of {@code Jumps.untilNegative(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Jumps.untilNegative}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code untilNegative}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #untilNegative
     */
    public static double untilNegative(double[] x, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("x", _d_x, x);
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            int i = 0;
            double _exp0 = 0.0;
            double s = 0;
            boolean _brk0 = false;
            long _n0 = 0;
            for (i = 0; !_brk0 && i < x.length; ) {
                if (x[i] < 0) {
                    _booleans.push(_brk0);
                    _brk0 = true;
                } else {
                    _doubles.push(_exp0);
                    _exp0 = Math.exp(x[i]);
                    s += _exp0;
                }
                if (!_brk0) {
                    i++;
                }
                _n0++;
            }
            double _value = s;
            // grad of: for (int i = 0; i < x.length; i++)
            for (; _n0 > 0; _n0--) {
                if (!_brk0) {
                    // grad of: i++
                    i--;
                }
                if (x[i] < 0) {
                    _brk0 = _booleans.pop();
                } else {
                    // grad of: s += Math.exp(x[i]);
                    _d_x[i] += _exp0;
                    _exp0 = _doubles.pop();
                }
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link JumpsGrad#firstAbove}: the value and the gradient.
     *
     * @param value the value of {@code firstAbove(double[], double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param t &part; value / &part; t, the partial derivative with respect to {@code t}
     */
    public record FirstAbove(double value, double[] x, double t) {
    }

    /**
     * The result of {@link JumpsGrad#labelled}: the value and the gradient.
     *
     * @param value the value of {@code labelled(double[][])}
     * @param m &part; value / &part; m, the partial derivative with respect to {@code m}
     */
    public record Labelled(double value, double[][] m) {
    }

    /**
     * The result of {@link JumpsGrad#skipNegatives}: the value and the gradient.
     *
     * @param value the value of {@code skipNegatives(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record SkipNegatives(double value, double[] x) {
    }

    /**
     * The result of {@link JumpsGrad#untilNegative}: the value and the gradient.
     *
     * @param value the value of {@code untilNegative(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record UntilNegative(double value, double[] x) {
    }
}
