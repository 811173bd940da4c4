package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import java.util.Random;
import javax.annotation.processing.Generated;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ObjectValues}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ObjectValuesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ObjectValuesGrad() {
    }

    /**
     * The value of {@code ObjectValues.monteCarlo(double, double, int, long)} and its gradient with respect to every {@code double} parameter.
     *
     * @param s the argument {@code s} of {@code ObjectValues.monteCarlo}
     * @param sigma the argument {@code sigma} of {@code ObjectValues.monteCarlo}
     * @param n the argument {@code n} of {@code ObjectValues.monteCarlo}
     * @param seed the argument {@code seed} of {@code ObjectValues.monteCarlo}
     * @return the value and the gradient
     */
    public static MonteCarlo monteCarlo(double s, double sigma, int n, long seed) {
        Random rng = new Random(seed);
        double sum = 0;
        // grad of: return sum / n;
        double _d_sum = 1.0 / n;
        double _d_sigma = 0.0;
        double _d_s = 0.0;
        for (int i = 0; i < n; i++) {
            double _h0 = rng.nextGaussian();
            double _exp0 = Math.exp(sigma * _h0 - 0.5 * sigma * sigma);
            double st = s * _exp0;
            sum += Math.max(st - 100, 0);
            // grad of this iteration of: for (int i = 0; i < n; i++)
            // grad of: sum += Math.max(st - 100, 0);
            double _d_st = st - 100 > 0 ? _d_sum : st - 100 == 0 ? 0.5 * _d_sum : 0.0;
            // grad of: double st = s * Math.exp(sigma * rng.nextGaussian() - 0.5 * sigma * sigma);
            _d_s += _d_st * _exp0;
            double _d_exp0 = _d_st * s;
            double _r0 = _d_exp0 * _exp0;
            _d_sigma += _r0 * _h0 - 0.5 * (_r0 * sigma) - _r0 * (0.5 * sigma);
        }
        double _value = sum / n;
        return new MonteCarlo(_value, _d_s, _d_sigma);
    }

    /**
     * The value of {@code ObjectValues.probit(double[], double[], int[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code ObjectValues.probit}
     * @param x the argument {@code x} of {@code ObjectValues.probit}
     * @param y the argument {@code y} of {@code ObjectValues.probit}
     * @return the value and the gradient
     */
    public static Probit probit(double[] w, double[] x, int[] y) {
        double[] _d_w = new double[w.length];
        double[] _d_x = new double[x.length];
        double _value = probit(w, x, y, _d_w, _d_x);
        return new Probit(_value, _d_w, _d_x);
    }

    /**
     * The value of {@code ObjectValues.probit(double[], double[], int[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code ObjectValues.probit}
     * @param x the argument {@code x} of {@code ObjectValues.probit}
     * @param y the argument {@code y} of {@code ObjectValues.probit}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code probit}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #probit
     */
    public static double probit(double[] w, double[] x, int[] y, double[] _d_w, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w", _d_w, w);
            Shapes.apart("w", _d_w, "x", x);
            Shapes.require("x", _d_x, x);
            Shapes.apart("x", _d_x, "w", w);
            DoubleStack _doubles = _tape.doubles();
            double p = 0.0;
            NormalDistribution normal = new NormalDistribution(0, 1);
            double ll = 0;
            for (int i = 0; i < y.length; i++) {
                _doubles.push(p);
                p = normal.cumulativeProbability(w[0] + w[1] * x[i]);
                ll += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
            }
            double _value = -ll;
            // grad of: return -ll;
            double _d_ll = -1.0;
            // grad of: for (int i = 0; i < y.length; i++)
            for (int i = y.length - 1; i >= 0; i--) {
                // grad of: ll += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
                double _r0 = _d_ll;
                _d_ll = _r0;
                double _d_p;
                if (y[i] == 1) {
                    _d_p = _r0 / p;
                } else {
                    _d_p = -(_r0 / (1 - p));
                }
                // grad of: double p = normal.cumulativeProbability(w[0] + w[1] * x[i]);
                double _r1 = _d_p * normal.density(w[0] + w[1] * x[i]);
                _d_w[0] += _r1;
                _d_w[1] += _r1 * x[i];
                _d_x[i] += _r1 * w[1];
                p = _doubles.pop();
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code ObjectValues.toMetres(double, Unit)} and its gradient with respect to every {@code double} parameter.
     *
     * @param d the argument {@code d} of {@code ObjectValues.toMetres}
     * @param unit the argument {@code unit} of {@code ObjectValues.toMetres}
     * @return the value and the gradient
     */
    public static ToMetres toMetres(double d, ObjectValues.Unit unit) {
        double _h0 = 0.0;
        StringBuilder note = new StringBuilder("in ").append(unit);
        double _q0;
        boolean _c0 = note.length() > 100;
        if (_c0) {
            _q0 = 0;
        } else {
            _h0 = unit.factor;
            _q0 = d * _h0;
        }
        double _value = _q0;
        // grad of: return note.length() > 100 ? 0 : d * unit.factor;
        double _d_d = 0.0;
        if (!_c0) {
            _d_d = _h0;
        }
        return new ToMetres(_value, _d_d);
    }

    /**
     * The result of {@link ObjectValuesGrad#monteCarlo}: the value and the gradient.
     *
     * @param value the value of {@code monteCarlo(double, double, int, long)}
     * @param s &part; value / &part; s, the partial derivative with respect to {@code s}
     * @param sigma &part; value / &part; sigma, the partial derivative with respect to {@code sigma}
     */
    public record MonteCarlo(double value, double s, double sigma) {
    }

    /**
     * The result of {@link ObjectValuesGrad#probit}: the value and the gradient.
     *
     * @param value the value of {@code probit(double[], double[], int[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Probit(double value, double[] w, double[] x) {
    }

    /**
     * The result of {@link ObjectValuesGrad#toMetres}: the value and the gradient.
     *
     * @param value the value of {@code toMetres(double, Unit)}
     * @param d &part; value / &part; d, the partial derivative with respect to {@code d}
     */
    public record ToMetres(double value, double d) {
    }
}
