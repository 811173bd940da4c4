package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Mixtures}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class MixturesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private MixturesGrad() {
    }

    /**
     * The value of {@code Mixtures.logLikelihood(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param self_parts_mu the argument {@code self_parts_mu} of {@code Mixtures.logLikelihood}
     * @param self_parts_sigma the argument {@code self_parts_sigma} of {@code Mixtures.logLikelihood}
     * @param self_parts_weight the argument {@code self_parts_weight} of {@code Mixtures.logLikelihood}
     * @param self_floor the argument {@code self_floor} of {@code Mixtures.logLikelihood}
     * @param x the argument {@code x} of {@code Mixtures.logLikelihood}
     * @return the value and the gradient
     */
    private static _LogLikelihood _logLikelihood(double[] self_parts_mu, double[] self_parts_sigma,
            double[] self_parts_weight, double self_floor, double x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double _exp0 = 0.0;
            double[] _d_self_parts_mu = new double[self_parts_mu.length];
            double[] _d_self_parts_sigma = new double[self_parts_sigma.length];
            double[] _d_self_parts_weight = new double[self_parts_weight.length];
            double p = self_floor;
            for (int _i0 = 0; _i0 < self_parts_mu.length; _i0++) {
                double g_mu = self_parts_mu[_i0];
                double g_sigma = self_parts_sigma[_i0];
                double g_weight = self_parts_weight[_i0];
                double z = (x - g_mu) / g_sigma;
                _doubles.push(_exp0);
                _exp0 = Math.exp(-0.5 * z * z);
                double density = g_weight * _exp0 / g_sigma;
                p += density;
            }
            double _value = Math.log(p);
            // grad of: return Math.log(p);
            double _d_p = 1.0 / p;
            double _d_x = 0.0;
            // grad of: for (Part g : parts)
            for (int _i0 = self_parts_mu.length - 1; _i0 >= 0; _i0--) {
                double g_mu = self_parts_mu[_i0];
                double g_sigma = self_parts_sigma[_i0];
                double g_weight = self_parts_weight[_i0];
                double z = (x - g_mu) / g_sigma;
                // grad of: p += g.density(x);
                double _r0 = _d_p / g_sigma;
                double _d_g_weight = _r0 * _exp0;
                double _d_exp0 = _r0 * g_weight;
                double _d_g_sigma = -(_r0 * (g_weight * _exp0 / g_sigma));
                double _r1 = _d_exp0 * _exp0;
                double _d_z = -(_r1 * z);
                _exp0 = _doubles.pop();
                // grad of: double z = (x - mu) / sigma;
                double _r2 = _d_z / g_sigma;
                _d_x += _r2;
                double _d_g_mu = -_r2;
                _d_g_sigma -= _r2 * ((x - g_mu) / g_sigma);
                _d_self_parts_weight[_i0] += _d_g_weight;
                _d_self_parts_sigma[_i0] += _d_g_sigma;
                // grad of: Part g : parts
                _d_self_parts_mu[_i0] += _d_g_mu;
            }
            return new _LogLikelihood(_value, _d_self_parts_mu, _d_self_parts_sigma, _d_self_parts_weight, _d_p, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Mixtures.logLikelihood(double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param self_parts_mu the argument {@code self_parts_mu} of {@code Mixtures.logLikelihood}
     * @param self_parts_sigma the argument {@code self_parts_sigma} of {@code Mixtures.logLikelihood}
     * @param self_parts_weight the argument {@code self_parts_weight} of {@code Mixtures.logLikelihood}
     * @param self_floor the argument {@code self_floor} of {@code Mixtures.logLikelihood}
     * @param x the argument {@code x} of {@code Mixtures.logLikelihood}
     * @param _t_self_parts_mu the tangent of {@code self_parts_mu}, shaped like it; where the method writes into {@code self_parts_mu}, the same elements of this array get the tangents of the values written
     * @param _t_self_parts_sigma the tangent of {@code self_parts_sigma}, shaped like it; where the method writes into {@code self_parts_sigma}, the same elements of this array get the tangents of the values written
     * @param _t_self_parts_weight the tangent of {@code self_parts_weight}, shaped like it; where the method writes into {@code self_parts_weight}, the same elements of this array get the tangents of the values written
     * @param _t_self_floor the tangent of {@code self_floor}: the direction's component along it
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @return the value and the directional derivative
     * @see #logLikelihood
     */
    private static LogLikelihoodJvp _logLikelihoodJvp(double[] self_parts_mu,
            double[] self_parts_sigma, double[] self_parts_weight, double self_floor, double x,
            double[] _t_self_parts_mu, double[] _t_self_parts_sigma, double[] _t_self_parts_weight,
            double _t_self_floor, double _t_x) {
        double p = self_floor;
        double _t_p = _t_self_floor;
        for (int _i0 = 0; _i0 < self_parts_mu.length; _i0++) {
            double g_mu = self_parts_mu[_i0];
            double _t_g_mu = _t_self_parts_mu[_i0];
            double g_sigma = self_parts_sigma[_i0];
            double _t_g_sigma = _t_self_parts_sigma[_i0];
            double g_weight = self_parts_weight[_i0];
            double _t_g_weight = _t_self_parts_weight[_i0];
            double z = (x - g_mu) / g_sigma;
            double _t_z = (_t_x - _t_g_mu - (x - g_mu) / g_sigma * _t_g_sigma) / g_sigma;
            double _exp0 = Math.exp(-0.5 * z * z);
            double _t_exp0 = -(_exp0 * (_t_z * z));
            double density = g_weight * _exp0 / g_sigma;
            double _t_density = (_t_g_weight * _exp0 + g_weight * _t_exp0 - g_weight * _exp0 / g_sigma * _t_g_sigma) / g_sigma;
            p += density;
            _t_p += _t_density;
        }
        double _value = Math.log(p);
        return new LogLikelihoodJvp(_value, 1.0 / p * _t_p);
    }

    /**
     * The value of {@code Mixtures.logLikelihood} and its gradient; the gradient with respect to the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code logLikelihood} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Mixtures.logLikelihood}
     * @return the value and the gradient
     */
    public static LogLikelihood logLikelihood(Mixtures self, double x) {
        _LogLikelihood _grad = _logLikelihood(java.util.Arrays.stream(self.parts).mapToDouble(_e -> _e.mu()).toArray(), java.util.Arrays.stream(self.parts).mapToDouble(_e -> _e.sigma()).toArray(), java.util.Arrays.stream(self.parts).mapToDouble(_e -> _e.weight()).toArray(), self.floor, x);
        return new LogLikelihood(_grad.value(), new MixturesTangent(java.util.stream.IntStream.range(0, self.parts.length).mapToObj(_i -> new PartTangent(_grad.self_parts_mu()[_i], _grad.self_parts_sigma()[_i], _grad.self_parts_weight()[_i])).toArray(PartTangent[]::new), _grad.self_floor()), _grad.x());
    }

    /**
     * The value of {@code Mixtures.logLikelihood} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code logLikelihood} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Mixtures.logLikelihood}
     * @param _t_self the tangent of {@code self}, shaped like it
     * @param _t_x the tangent of {@code x}, shaped like it
     * @return the value and the directional derivative
     * @see #logLikelihood
     */
    public static LogLikelihoodJvp logLikelihoodJvp(Mixtures self, double x,
            MixturesTangent _t_self, double _t_x) {
        return _logLikelihoodJvp(java.util.Arrays.stream(self.parts).mapToDouble(_e -> _e.mu()).toArray(), java.util.Arrays.stream(self.parts).mapToDouble(_e -> _e.sigma()).toArray(), java.util.Arrays.stream(self.parts).mapToDouble(_e -> _e.weight()).toArray(), self.floor, x, java.util.Arrays.stream(_t_self.parts()).mapToDouble(_e -> _e.mu()).toArray(), java.util.Arrays.stream(_t_self.parts()).mapToDouble(_e -> _e.sigma()).toArray(), java.util.Arrays.stream(_t_self.parts()).mapToDouble(_e -> _e.weight()).toArray(), _t_self.floor(), _t_x);
    }

    /**
     * The result of {@link MixturesGrad#_logLikelihood}: the value and the gradient.
     *
     * @param value the value of {@code logLikelihood(double)}
     * @param self_parts_mu &part; value / &part; self_parts_mu, the partial derivative with respect to {@code self_parts_mu}
     * @param self_parts_sigma &part; value / &part; self_parts_sigma, the partial derivative with respect to {@code self_parts_sigma}
     * @param self_parts_weight &part; value / &part; self_parts_weight, the partial derivative with respect to {@code self_parts_weight}
     * @param self_floor &part; value / &part; self_floor, the partial derivative with respect to {@code self_floor}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    private record _LogLikelihood(double value, double[] self_parts_mu, double[] self_parts_sigma,
            double[] self_parts_weight, double self_floor, double x) {
    }

    /**
     * The result of {@link MixturesGrad#logLikelihoodJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code logLikelihood(double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record LogLikelihoodJvp(double value, double tangent) {
    }

    /**
     * The result of {@link MixturesGrad#logLikelihood}: the value and the gradient.
     *
     * @param value the value of {@code logLikelihood}
     * @param self &part; value / &part; self, component by component
     * @param x &part; value / &part; x
     */
    public record LogLikelihood(double value, MixturesTangent self, double x) {
    }

    /**
     * A tangent or gradient of a {@link Mixtures}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param parts the part along field {@code parts}, element by element
     * @param floor the part along field {@code floor}
     */
    public record MixturesTangent(PartTangent[] parts, double floor) {
    }

    /**
     * A tangent or gradient of a {@link Mixtures.Part}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param mu the part along {@code mu()}
     * @param sigma the part along {@code sigma()}
     * @param weight the part along {@code weight()}
     */
    public record PartTangent(double mu, double sigma, double weight) {
    }
}
