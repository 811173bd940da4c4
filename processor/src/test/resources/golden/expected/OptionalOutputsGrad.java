package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link OptionalOutputs}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class OptionalOutputsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private OptionalOutputsGrad() {
    }

    /**
     * The value of {@code OptionalOutputs.log(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code OptionalOutputs.log}
     * @return the value and the gradient
     */
    public static Log log(double x) {
        double e = 0.0;
        double lg = 0.0;
        double a = Math.log(x);
        if (x < 1.01 && x > 0.99) {
            e = x - 1;
            lg = e - e * e / 2;
        } else {
            lg = a;
        }
        double _value = lg;
        // grad of: return lg(x, null);
        double _d_x = 0.0;
        double _d_a = 0.0;
        if (x < 1.01 && x > 0.99) {
            double _d_e = 1.0 + -0.5 * e + -0.5 * e;
            // grad of: double e = x - 1;
            _d_x = _d_e;
        } else {
            _d_a = 1.0;
        }
        // grad of: double a = Math.log(x);
        _d_x += _d_a / x;
        return new Log(_value, _d_x);
    }

    /**
     * The value of {@code OptionalOutputs.log1p(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code OptionalOutputs.log1p}
     * @return the value and the gradient
     */
    public static Log1p log1p(double x) {
        boolean _c0 = false;
        double[] hiPrec = new double[2];
        double x2 = 1 + x;
        double lg = 0.0;
        double a = Math.log(x2);
        boolean _c1 = x2 < 1.01 && x2 > 0.99 && hiPrec == null;
        if (_c1) {
            double e = x2 - 1;
            lg = e - e * e / 2;
        } else {
            _c0 = hiPrec != null;
            if (_c0) {
                hiPrec[0] = a * 0.75;
                hiPrec[1] = a * 0.25;
            }
            lg = a;
        }
        double _value = hiPrec[0] + hiPrec[1];
        double[] _d_hiPrec = new double[hiPrec.length];
        // grad of: return hiPrec[0] + hiPrec[1];
        _d_hiPrec[0] += 1.0;
        _d_hiPrec[1] += 1.0;
        double _d_a = 0.0;
        if (!_c1) {
            if (_c0) {
                // grad of: hiPrec[1] = a * 0.25;
                _d_a = 0.25 * _d_hiPrec[1];
                _d_hiPrec[1] = 0.0;
                // grad of: hiPrec[0] = a * 0.75;
                _d_a += 0.75 * _d_hiPrec[0];
                _d_hiPrec[0] = 0.0;
            }
        }
        // grad of: double a = Math.log(x);
        double _d_x2 = _d_a / x2;
        return new Log1p(_value, _d_x2);
    }

    /**
     * The result of {@link OptionalOutputsGrad#log}: the value and the gradient.
     *
     * @param value the value of {@code log(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Log(double value, double x) {
    }

    /**
     * The result of {@link OptionalOutputsGrad#log1p}: the value and the gradient.
     *
     * @param value the value of {@code log1p(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Log1p(double value, double x) {
    }
}
