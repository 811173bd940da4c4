package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
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
     * The value of {@code DataRecordCalls.squaredError(golden.DataRecordCalls.Sample[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param data the argument {@code data} of {@code DataRecordCalls.squaredError}
     * @param w the argument {@code w} of {@code DataRecordCalls.squaredError}
     * @return the value and the gradient
     */
    public static SquaredError squaredError(DataRecordCalls.Sample[] data, double[] w) {
        double[] _d_w = new double[w.length];
        double _value = squaredError(data, w, _d_w);
        return new SquaredError(_value, _d_w);
    }

    /**
     * The value of {@code DataRecordCalls.squaredError(golden.DataRecordCalls.Sample[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param data the argument {@code data} of {@code DataRecordCalls.squaredError}
     * @param w the argument {@code w} of {@code DataRecordCalls.squaredError}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @return the value of {@code squaredError}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #squaredError
     */
    public static double squaredError(DataRecordCalls.Sample[] data, double[] w, double[] _d_w) {
        Shapes.require("w", _d_w, w);
        double l = 0;
        for (int _i0 = 0; _i0 < data.length; _i0++) {
            DataRecordCalls.Sample d = data[_i0];
            double[] _x0 = d.x();
            double s = 0;
            for (int j = 0; j < _x0.length; j++) {
                s += w[j] * _x0[j];
            }
            double _h0 = d.y();
            double residual = s - _h0;
            double r = residual;
            l += r * r;
            // grad of this iteration of: for (Sample d : data)
            // grad of: l += r * r;
            double _d_r = 2 * r;
            // grad of: for (int j = 0; j < x.length; j++)
            for (int j = _x0.length - 1; j >= 0; j--) {
                // grad of: s += w[j] * x[j];
                _d_w[j] += _d_r * _x0[j];
            }
        }
        double _value = l;
        return _value;
    }

    /**
     * The result of {@link DataRecordCallsGrad#scaledPerimeter}: the value and the gradient.
     *
     * @param value the value of {@code scaledPerimeter(List, double)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record ScaledPerimeter(double value, double k) {
    }

    /**
     * The result of {@link DataRecordCallsGrad#squaredError}: the value and the gradient.
     *
     * @param value the value of {@code squaredError(golden.DataRecordCalls.Sample[], double[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record SquaredError(double value, double[] w) {
    }
}
