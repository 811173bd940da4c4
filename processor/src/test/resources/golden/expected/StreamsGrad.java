package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Streams}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class StreamsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private StreamsGrad() {
    }

    /**
     * The value of {@code Streams.dot(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code Streams.dot}
     * @param x the argument {@code x} of {@code Streams.dot}
     * @return the value and the gradient
     */
    public static Dot dot(double[] w, double[] x) {
        double[] _d_w = new double[w.length];
        double[] _d_x = new double[x.length];
        double _value = dot(w, x, _d_w, _d_x);
        return new Dot(_value, _d_w, _d_x);
    }

    /**
     * The value of {@code Streams.dot(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code Streams.dot}
     * @param x the argument {@code x} of {@code Streams.dot}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code dot}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #dot
     */
    public static double dot(double[] w, double[] x, double[] _d_w, double[] _d_x) {
        Shapes.require("w", _d_w, w);
        Shapes.apart("w", _d_w, "x", x);
        Shapes.require("x", _d_x, x);
        Shapes.apart("x", _d_x, "w", w);
        int _to0 = w.length;
        double _sum0 = 0.0;
        double _compensation0 = 0.0;
        double _simpleSum0 = 0.0;
        for (int _k0 = 0; _k0 < _to0; _k0++) {
            int _e0 = _k0;
            int i = _e0;
            double _e1 = w[i] * x[i];
            double _tmp0 = _e1 - _compensation0;
            double _velvel0 = _sum0 + _tmp0;
            _compensation0 = _velvel0 - _sum0 - _tmp0;
            _sum0 = _velvel0;
            _simpleSum0 += _e1;
        }
        boolean _c0 = Double.isNaN(_sum0 - _compensation0) && Double.isInfinite(_simpleSum0);
        double _sum1 = _c0 ? _simpleSum0 : _sum0 - _compensation0;
        double _value = _sum1;
        // grad of: return IntStream.range(0, w.length).mapToDouble(i -> w[i] * x[i]).sum();
        double _d_simpleSum0 = 0.0;
        double _d_sum0 = 0.0;
        double _d_compensation0 = 0.0;
        if (_c0) {
            _d_simpleSum0 = 1.0;
        } else {
            _d_sum0 = 1.0;
            _d_compensation0 = -1.0;
        }
        for (int _k0 = Math.max(0, _to0) - 1; _k0 >= 0; _k0--) {
            int _e0 = _k0;
            int i = _e0;
            double _d_e1 = _d_simpleSum0;
            double _d_velvel0 = _d_sum0;
            _d_velvel0 += _d_compensation0;
            _d_sum0 = -_d_compensation0;
            double _d_tmp0 = -_d_compensation0;
            _d_sum0 += _d_velvel0;
            _d_tmp0 += _d_velvel0;
            _d_e1 += _d_tmp0;
            _d_compensation0 = -_d_tmp0;
            _d_w[i] += _d_e1 * x[i];
            _d_x[i] += _d_e1 * w[i];
        }
        return _value;
    }

    /**
     * The value of {@code Streams.largestSquare(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Streams.largestSquare}
     * @return the value and the gradient
     */
    public static LargestSquare largestSquare(double[] x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            double v = 0.0;
            double _e0 = 0.0;
            double[] _d_x = new double[x.length];
            boolean _found0 = false;
            double _max0 = 0.0;
            for (int _k0 = 0; _k0 < x.length; _k0++) {
                double _e1 = x[_k0];
                double v2 = _e1;
                if (v2 > 0) {
                    _doubles.push(v);
                    v = _e1;
                    _doubles.push(_e0);
                    _e0 = v * v;
                    boolean _c0 = _found0;
                    if (_c0) {
                        _doubles.push(_max0);
                        _max0 = Math.max(_max0, _e0);
                    } else {
                        _found0 = true;
                        _max0 = _e0;
                    }
                    _booleans.push(_c0);
                }
            }
            double _max1 = _found0 ? _max0 : 0;
            double _value = _max1;
            // grad of: return Arrays.stream(x).filter(v -> v > 0).map(v -> v * v).max().orElse(0);
            double _d_max0 = 0.0;
            if (_found0) {
                _d_max0 = 1.0;
            }
            for (int _k0 = x.length - 1; _k0 >= 0; _k0--) {
                double _e1 = x[_k0];
                double v2 = _e1;
                double _d_e1 = 0.0;
                if (v2 > 0) {
                    double _d_e0;
                    if (_booleans.pop()) {
                        _max0 = _doubles.pop();
                        _d_e0 = _e0 > _max0 ? _d_max0 : _e0 == _max0 ? 0.5 * _d_max0 : 0.0;
                        _d_max0 = _max0 > _e0 ? _d_max0 : _max0 == _e0 ? 0.5 * _d_max0 : 0.0;
                    } else {
                        _d_e0 = _d_max0;
                        _d_max0 = 0.0;
                    }
                    double _d_v = 2 * _d_e0 * v;
                    _e0 = _doubles.pop();
                    // grad of: v
                    _d_e1 = _d_v;
                    v = _doubles.pop();
                }
                _d_x[_k0] += _d_e1;
            }
            return new LargestSquare(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Streams.sumOfExps(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Streams.sumOfExps}
     * @return the value and the gradient
     */
    public static SumOfExps sumOfExps(double[] x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double _e0 = 0.0;
            double[] _d_x = new double[x.length];
            double _acc0 = 0;
            for (int _k0 = 0; _k0 < x.length; _k0++) {
                double _e1 = x[_k0];
                _doubles.push(_e0);
                _e0 = Math.exp(_e1);
                _acc0 += _e0;
            }
            double _reduce0 = _acc0;
            double _value = _reduce0;
            for (int _k0 = x.length - 1; _k0 >= 0; _k0--) {
                double _d_e1 = _e0;
                _e0 = _doubles.pop();
                _d_x[_k0] += _d_e1;
            }
            return new SumOfExps(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link StreamsGrad#dot}: the value and the gradient.
     *
     * @param value the value of {@code dot(double[], double[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Dot(double value, double[] w, double[] x) {
    }

    /**
     * The result of {@link StreamsGrad#largestSquare}: the value and the gradient.
     *
     * @param value the value of {@code largestSquare(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record LargestSquare(double value, double[] x) {
    }

    /**
     * The result of {@link StreamsGrad#sumOfExps}: the value and the gradient.
     *
     * @param value the value of {@code sumOfExps(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record SumOfExps(double value, double[] x) {
    }
}
