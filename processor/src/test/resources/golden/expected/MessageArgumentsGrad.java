package golden;

import javax.annotation.processing.Generated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradients of the {@code @Differentiable} methods of {@link MessageArguments}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class MessageArgumentsGrad {
    /**
     * A copy of {@code MessageArguments.log}: the same expression, evaluated when this class initialises.
     */
    private static final Logger _log = LoggerFactory.getLogger(MessageArguments.class);

    /**
     * No instances: the gradients are static methods.
     */
    private MessageArgumentsGrad() {
    }

    /**
     * The value of {@code MessageArguments.clipped(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param forward the argument {@code forward} of {@code MessageArguments.clipped}
     * @param strike the argument {@code strike} of {@code MessageArguments.clipped}
     * @return the value and the gradient
     */
    public static Clipped clipped(double forward, double strike) {
        double cutoff = forward * 0.25;
        double k = strike;
        boolean _c0 = k < cutoff;
        if (_c0) {
            MessageArgumentsGrad._log.info("Given strike of {} is less than cutoff at {}, therefore the strike is taken as {}", new Object[] {k, cutoff, cutoff});
            k = cutoff;
        }
        double _p0 = forward / k;
        double _log0 = Math.log(_p0);
        double _value = _log0 * k;
        // grad of: return Math.log(forward / k) * k;
        double _d_k = _log0;
        double _d_p0 = k / _p0;
        double _r0 = _d_p0 / k;
        double _d_forward = _r0;
        _d_k -= _r0 * (forward / k);
        double _d_cutoff = 0.0;
        if (_c0) {
            // grad of: k = cutoff;
            _d_cutoff = _d_k;
            _d_k = 0.0;
        }
        // grad of: double cutoff = forward * 0.25;
        _d_forward += 0.25 * _d_cutoff;
        return new Clipped(_value, _d_forward, _d_k);
    }

    /**
     * The result of {@link MessageArgumentsGrad#clipped}: the value and the gradient.
     *
     * @param value the value of {@code clipped(double, double)}
     * @param forward &part; value / &part; forward, the partial derivative with respect to {@code forward}
     * @param strike &part; value / &part; strike, the partial derivative with respect to {@code strike}
     */
    public record Clipped(double value, double forward, double strike) {
    }
}
