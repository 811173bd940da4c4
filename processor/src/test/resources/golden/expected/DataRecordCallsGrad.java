package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link DataRecordCalls}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class DataRecordCallsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private DataRecordCallsGrad() {
    }

    /**
     * The value of {@code DataRecordCalls.scaledPerimeter(List, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param pts the argument {@code pts} of {@code DataRecordCalls.scaledPerimeter}
     * @param k the argument {@code k} of {@code DataRecordCalls.scaledPerimeter}
     * @return the value and the gradient
     */
    public static ScaledPerimeter scaledPerimeter(List<DataRecordCalls.Point> pts, double k) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double _h0 = 0.0;
            double s = 0;
            long _n0 = 0;
            for (int i = 0; i < pts.size(); i++) {
                _doubles.push(_h0);
                _h0 = pts.get((i + 1) % pts.size()).minus(pts.get(i)).length();
                s += k * _h0;
                _n0++;
            }
            double _value = s;
            // grad of: return s;
            double _d_k = 0.0;
            // grad of: for (int i = 0; i < pts.size(); i++)
            for (; _n0 > 0; _n0--) {
                // grad of: s += k * pts.get((i + 1) % pts.size()).minus(pts.get(i)).length();
                _d_k += _h0;
                _h0 = _doubles.pop();
            }
            return new ScaledPerimeter(_value, _d_k);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link DataRecordCallsGrad#scaledPerimeter}: the value and the gradient.
     *
     * @param value the value of {@code scaledPerimeter(List, double)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record ScaledPerimeter(double value, double k) {
    }
}
