package golden;

import io.github.backprop.Ranges;
import io.github.backprop.Shapes;
import io.github.backprop.Sorting;
import javax.annotation.processing.Generated;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ArrayMethods}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ArrayMethodsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ArrayMethodsGrad() {
    }

    /**
     * The value of {@code ArrayMethods.median(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ArrayMethods.median}
     * @return the value and the gradient
     */
    public static Median median(double[] x) {
        double[] _d_x = new double[x.length];
        double[] _copy0 = new double[x.length];
        int _n0 = x.length;
        for (int _k0 = 0; _k0 < _n0; _k0++) {
            _copy0[_k0] = x[_k0];
        }
        int[] _order0 = Sorting.order(_copy0, 0, _copy0.length);
        double[] _sorted0 = new double[_order0.length];
        for (int _k1 = 0; _k1 < _order0.length; _k1++) {
            _sorted0[_k1] = _copy0[_order0[_k1]];
        }
        for (int _k2 = 0; _k2 < _order0.length; _k2++) {
            _copy0[_k2] = _sorted0[_k2];
        }
        int n = _copy0.length;
        double _value = n % 2 == 1 ? _copy0[n / 2] : 0.5 * (_copy0[n / 2 - 1] + _copy0[n / 2]);
        double[] _d_copy0 = new double[_copy0.length];
        double[] _d_sorted0 = new double[_sorted0.length];
        // grad of: return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        if (n % 2 == 1) {
            _d_copy0[n / 2] += 1.0;
        } else {
            _d_copy0[n / 2 - 1] += 0.5;
            _d_copy0[n / 2] += 0.5;
        }
        for (int _k2 = _order0.length - 1; _k2 >= 0; _k2--) {
            _d_sorted0[_k2] += _d_copy0[_k2];
            _d_copy0[_k2] = 0.0;
        }
        for (int _k1 = _order0.length - 1; _k1 >= 0; _k1--) {
            _d_copy0[_order0[_k1]] += _d_sorted0[_k1];
            _d_sorted0[_k1] = 0.0;
        }
        for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
            _d_x[_k0] += _d_copy0[_k0];
            _d_copy0[_k0] = 0.0;
        }
        return new Median(_value, _d_x);
    }

    /**
     * The value of {@code ArrayMethods.sortedTogether(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ArrayMethods.sortedTogether}
     * @param y the argument {@code y} of {@code ArrayMethods.sortedTogether}
     * @return the value and the gradient
     */
    public static SortedTogether sortedTogether(double[] x, double[] y) {
        double[] _d_x = new double[x.length];
        double[] _d_y = new double[y.length];
        double _value = sortedTogether(x, y, _d_x, _d_y);
        return new SortedTogether(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code ArrayMethods.sortedTogether(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, {@code _d_y}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code ArrayMethods.sortedTogether}
     * @param y the argument {@code y} of {@code ArrayMethods.sortedTogether}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @param _d_y where the gradient with respect to {@code y} is added
     * @return the value of {@code sortedTogether}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #sortedTogether
     */
    public static double sortedTogether(double[] x, double[] y, double[] _d_x, double[] _d_y) {
        Shapes.require("x", _d_x, x);
        Shapes.apart("x", _d_x, "y", y);
        Shapes.require("y", _d_y, y);
        Shapes.apart("y", _d_y, "x", x);
        double[] _copy0 = new double[x.length];
        int _n0 = x.length;
        for (int _k0 = 0; _k0 < _n0; _k0++) {
            _copy0[_k0] = x[_k0];
        }
        double[] _copy1 = new double[y.length];
        int _n1 = y.length;
        for (int _k1 = 0; _k1 < _n1; _k1++) {
            _copy1[_k1] = y[_k1];
        }
        if (_copy1.length != _copy0.length) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, _copy1.length, _copy0.length);
        }
        int[] _order0 = Sorting.order(_copy0, 0, _copy0.length);
        double[] _sorted0 = new double[_order0.length];
        for (int _k2 = 0; _k2 < _order0.length; _k2++) {
            _sorted0[_k2] = _copy0[_order0[_k2]];
        }
        for (int _k3 = 0; _k3 < _order0.length; _k3++) {
            _copy0[_k3] = _sorted0[_k3];
        }
        double[] _sorted1 = new double[_order0.length];
        for (int _k4 = 0; _k4 < _order0.length; _k4++) {
            _sorted1[_k4] = _copy1[_order0[_k4]];
        }
        for (int _k5 = 0; _k5 < _order0.length; _k5++) {
            _copy1[_k5] = _sorted1[_k5];
        }
        double _value = _copy1[0] * _copy0[_copy0.length - 1];
        double[] _d_copy0 = new double[_copy0.length];
        double[] _d_copy1 = new double[_copy1.length];
        double[] _d_sorted0 = new double[_sorted0.length];
        double[] _d_sorted1 = new double[_sorted1.length];
        // grad of: return ys[0] * xs[xs.length - 1];
        _d_copy1[0] += _copy0[_copy0.length - 1];
        _d_copy0[_copy0.length - 1] += _copy1[0];
        for (int _k5 = _order0.length - 1; _k5 >= 0; _k5--) {
            _d_sorted1[_k5] += _d_copy1[_k5];
            _d_copy1[_k5] = 0.0;
        }
        for (int _k4 = _order0.length - 1; _k4 >= 0; _k4--) {
            _d_copy1[_order0[_k4]] += _d_sorted1[_k4];
            _d_sorted1[_k4] = 0.0;
        }
        for (int _k3 = _order0.length - 1; _k3 >= 0; _k3--) {
            _d_sorted0[_k3] += _d_copy0[_k3];
            _d_copy0[_k3] = 0.0;
        }
        for (int _k2 = _order0.length - 1; _k2 >= 0; _k2--) {
            _d_copy0[_order0[_k2]] += _d_sorted0[_k2];
            _d_sorted0[_k2] = 0.0;
        }
        for (int _k1 = Math.max(0, _n1) - 1; _k1 >= 0; _k1--) {
            _d_y[_k1] += _d_copy1[_k1];
            _d_copy1[_k1] = 0.0;
        }
        for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
            _d_x[_k0] += _d_copy0[_k0];
            _d_copy0[_k0] = 0.0;
        }
        return _value;
    }

    /**
     * The value of {@code ArrayMethods.trimmedMean(double[], int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ArrayMethods.trimmedMean}
     * @param k the argument {@code k} of {@code ArrayMethods.trimmedMean}
     * @return the value and the gradient
     */
    public static TrimmedMean trimmedMean(double[] x, int k) {
        double[] _d_x = new double[x.length];
        double _value = trimmedMean(x, k, _d_x);
        return new TrimmedMean(_value, _d_x);
    }

    /**
     * The value of {@code ArrayMethods.trimmedMean(double[], int)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code ArrayMethods.trimmedMean}
     * @param k the argument {@code k} of {@code ArrayMethods.trimmedMean}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code trimmedMean}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #trimmedMean
     */
    public static double trimmedMean(double[] x, int k, double[] _d_x) {
        Shapes.require("x", _d_x, x);
        int _length0 = x.length;
        int _n0 = Ranges.copied(x.length, _length0);
        double[] _copy0 = new double[_length0];
        for (int _k0 = 0; _k0 < _n0; _k0++) {
            _copy0[_k0] = x[_k0];
        }
        int _to0 = _copy0.length;
        int[] _order0 = Sorting.order(_copy0, 0, _to0);
        double[] _sorted0 = new double[_order0.length];
        for (int _k1 = 0; _k1 < _order0.length; _k1++) {
            _sorted0[_k1] = _copy0[_order0[_k1]];
        }
        for (int _k2 = 0; _k2 < _order0.length; _k2++) {
            _copy0[_k2] = _sorted0[_k2];
        }
        int _to1 = _copy0.length - k;
        int _n1 = Ranges.copied(_copy0.length, k, _to1);
        double[] _copy1 = new double[_to1 - k];
        for (int _k3 = 0; _k3 < _n1; _k3++) {
            _copy1[_k3] = _copy0[k + _k3];
        }
        double[] w = new double[_copy1.length];
        double _fill0 = 1.0 / _copy1.length;
        int _n2 = Ranges.check(w.length, 0, w.length);
        for (int _k4 = 0; _k4 < _n2; _k4++) {
            w[_k4] = _fill0;
        }
        double sum = 0;
        double[] _d_copy0 = new double[_copy0.length];
        double[] _d_sorted0 = new double[_sorted0.length];
        double[] _d_copy1 = new double[_copy1.length];
        for (int i = 0; i < _copy1.length; i++) {
            sum += w[i] * _copy1[i];
            // grad of this iteration of: for (int i = 0; i < mid.length; i++)
            // grad of: sum += w[i] * mid[i];
            _d_copy1[i] += w[i];
        }
        double _value = sum;
        for (int _k3 = Math.max(0, _n1) - 1; _k3 >= 0; _k3--) {
            _d_copy0[k + _k3] += _d_copy1[_k3];
            _d_copy1[_k3] = 0.0;
        }
        for (int _k2 = _order0.length - 1; _k2 >= 0; _k2--) {
            _d_sorted0[_k2] += _d_copy0[_k2];
            _d_copy0[_k2] = 0.0;
        }
        for (int _k1 = _order0.length - 1; _k1 >= 0; _k1--) {
            _d_copy0[_order0[_k1]] += _d_sorted0[_k1];
            _d_sorted0[_k1] = 0.0;
        }
        for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
            _d_x[_k0] += _d_copy0[_k0];
            _d_copy0[_k0] = 0.0;
        }
        return _value;
    }

    /**
     * The result of {@link ArrayMethodsGrad#median}: the value and the gradient.
     *
     * @param value the value of {@code median(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Median(double value, double[] x) {
    }

    /**
     * The result of {@link ArrayMethodsGrad#sortedTogether}: the value and the gradient.
     *
     * @param value the value of {@code sortedTogether(double[], double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record SortedTogether(double value, double[] x, double[] y) {
    }

    /**
     * The result of {@link ArrayMethodsGrad#trimmedMean}: the value and the gradient.
     *
     * @param value the value of {@code trimmedMean(double[], int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record TrimmedMean(double value, double[] x) {
    }
}
