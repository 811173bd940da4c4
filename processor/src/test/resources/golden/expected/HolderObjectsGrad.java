package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link HolderObjects}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class HolderObjectsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private HolderObjectsGrad() {
    }

    /**
     * The value of {@code HolderObjects.largest(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param xs the argument {@code xs} of {@code HolderObjects.largest}
     * @param limit the argument {@code limit} of {@code HolderObjects.largest}
     * @return the value and the gradient
     */
    public static Largest largest(double[] xs, double limit) {
        double[] _d_xs = new double[xs.length];
        double best = 0.0;
        boolean _bestNull0 = true;
        for (int _i0 = 0; _i0 < xs.length; _i0++) {
            double x = xs[_i0];
            if (x > limit) {
                best = x;
                _bestNull0 = false;
            }
        }
        if (xs.length > 8) {
            throw new IllegalArgumentException("too many values; largest above " + limit + ": " + (_bestNull0 ? null : best));
        }
        double _value = _bestNull0 ? limit : best * limit;
        // grad of: return best == null ? limit : best * limit;
        double _d_limit;
        double _d_best = 0.0;
        if (_bestNull0) {
            _d_limit = 1.0;
        } else {
            _d_best = limit;
            _d_limit = best;
        }
        // grad of: for (double x : xs)
        for (int _i0 = xs.length - 1; _i0 >= 0; _i0--) {
            double x = xs[_i0];
            double _d_x = 0.0;
            if (x > limit) {
                _d_x = _d_best;
                _d_best = 0.0;
            }
            // grad of: double x : xs
            _d_xs[_i0] += _d_x;
        }
        return new Largest(_value, _d_xs, _d_limit);
    }

    /**
     * The value of {@code HolderObjects.meanSquare(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param xs the argument {@code xs} of {@code HolderObjects.meanSquare}
     * @return the value and the gradient
     */
    public static MeanSquare meanSquare(double[] xs) {
        double[] _d_xs = new double[xs.length];
        double _value = meanSquare(xs, _d_xs);
        return new MeanSquare(_value, _d_xs);
    }

    /**
     * The value of {@code HolderObjects.meanSquare(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_xs}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param xs the argument {@code xs} of {@code HolderObjects.meanSquare}
     * @param _d_xs where the gradient with respect to {@code xs} is added
     * @return the value of {@code meanSquare}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #meanSquare
     */
    public static double meanSquare(double[] xs, double[] _d_xs) {
        Shapes.require("xs", _d_xs, xs);
        double acc_sum = 0.0;
        int acc_count = 0;
        for (int _i0 = 0; _i0 < xs.length; _i0++) {
            double x = xs[_i0];
            double x2 = x * x;
            acc_sum += x2;
            acc_count++;
        }
        double mean = acc_count == 0 ? 0 : acc_sum / acc_count;
        double _value = mean;
        // grad of: return acc.mean();
        double _d_acc_sum = 0.0;
        if (!(acc_count == 0)) {
            _d_acc_sum = 1.0 / acc_count;
        }
        // grad of: for (double x : xs)
        for (int _i0 = xs.length - 1; _i0 >= 0; _i0--) {
            double x = xs[_i0];
            // grad of: sum += x;
            double _d_x = 2 * _d_acc_sum * x;
            // grad of: double x : xs
            _d_xs[_i0] += _d_x;
        }
        return _value;
    }

    /**
     * The value of {@code HolderObjects.range(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param xs the argument {@code xs} of {@code HolderObjects.range}
     * @return the value and the gradient
     */
    public static Range range(double[] xs) {
        double[] _d_xs = new double[xs.length];
        double _value = range(xs, _d_xs);
        return new Range(_value, _d_xs);
    }

    /**
     * The value of {@code HolderObjects.range(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_xs}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param xs the argument {@code xs} of {@code HolderObjects.range}
     * @param _d_xs where the gradient with respect to {@code xs} is added
     * @return the value of {@code range}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #range
     */
    public static double range(double[] xs, double[] _d_xs) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("xs", _d_xs, xs);
            BooleanStack _booleans = _tape.booleans();
            double mm_min = Double.POSITIVE_INFINITY;
            double mm_max = Double.NEGATIVE_INFINITY;
            for (int _i0 = 0; _i0 < xs.length; _i0++) {
                double x = xs[_i0];
                boolean _c0 = x < mm_min;
                if (_c0) {
                    mm_min = x;
                }
                _booleans.push(_c0);
                boolean _c1 = x > mm_max;
                if (_c1) {
                    mm_max = x;
                }
                _booleans.push(_c1);
            }
            double _value = mm_max - mm_min;
            // grad of: return mm.max - mm.min;
            double _d_mm_max = 1.0;
            double _d_mm_min = -1.0;
            // grad of: for (double x : xs)
            for (int _i0 = xs.length - 1; _i0 >= 0; _i0--) {
                double _d_x = 0.0;
                if (_booleans.pop()) {
                    // grad of: mm.max = x;
                    _d_x = _d_mm_max;
                    _d_mm_max = 0.0;
                }
                if (_booleans.pop()) {
                    // grad of: mm.min = x;
                    _d_x += _d_mm_min;
                    _d_mm_min = 0.0;
                }
                // grad of: double x : xs
                _d_xs[_i0] += _d_x;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link HolderObjectsGrad#largest}: the value and the gradient.
     *
     * @param value the value of {@code largest(double[], double)}
     * @param xs &part; value / &part; xs, the partial derivative with respect to {@code xs}
     * @param limit &part; value / &part; limit, the partial derivative with respect to {@code limit}
     */
    public record Largest(double value, double[] xs, double limit) {
    }

    /**
     * The result of {@link HolderObjectsGrad#meanSquare}: the value and the gradient.
     *
     * @param value the value of {@code meanSquare(double[])}
     * @param xs &part; value / &part; xs, the partial derivative with respect to {@code xs}
     */
    public record MeanSquare(double value, double[] xs) {
    }

    /**
     * The result of {@link HolderObjectsGrad#range}: the value and the gradient.
     *
     * @param value the value of {@code range(double[])}
     * @param xs &part; value / &part; xs, the partial derivative with respect to {@code xs}
     */
    public record Range(double value, double[] xs) {
    }
}
