package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.IntStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link GenericData}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class GenericDataGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private GenericDataGrad() {
    }

    /**
     * The value of {@code GenericData.sse(double[], List)} and its gradient with respect to every {@code double} parameter.
     *
     * @param p the argument {@code p} of {@code GenericData.sse}
     * @param data the argument {@code data} of {@code GenericData.sse}
     * @return the value and the gradient
     */
    public static Sse sse(double[] p, List<double[]> data) {
        double[] _d_p = new double[p.length];
        double _value = sse(p, data, _d_p);
        return new Sse(_value, _d_p);
    }

    /**
     * The value of {@code GenericData.sse(double[], List)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_p}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param p the argument {@code p} of {@code GenericData.sse}
     * @param data the argument {@code data} of {@code GenericData.sse}
     * @param _d_p where the gradient with respect to {@code p} is added
     * @return the value of {@code sse}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #sse
     */
    public static double sse(double[] p, List<double[]> data, double[] _d_p) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("p", _d_p, p);
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[] row = null;
            double _exp0 = 0.0;
            double r = 0.0;
            double s = 0;
            long _n0 = 0;
            for (Iterator<double[]> _it0 = data.iterator(); _it0.hasNext(); ) {
                _objects.push(row);
                row = _it0.next();
                _doubles.push(_exp0);
                _exp0 = Math.exp(-p[1] * row[0]);
                _doubles.push(r);
                r = p[0] * _exp0 - row[1];
                s += r * r;
                _n0++;
            }
            double _value = s;
            // grad of: for (double[] row : data)
            for (; _n0 > 0; _n0--) {
                // grad of: s += r * r;
                double _d_r = 2 * r;
                // grad of: double r = p[0] * Math.exp(-p[1] * row[0]) - row[1];
                _d_p[0] += _d_r * _exp0;
                double _d_exp0 = _d_r * p[0];
                r = _doubles.pop();
                _d_p[1] -= _d_exp0 * _exp0 * row[0];
                _exp0 = _doubles.pop();
                // grad of: double[] row : data
                row = (double[]) _objects.pop();
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code GenericData.streamed(double, List)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code GenericData.streamed}
     * @param data the argument {@code data} of {@code GenericData.streamed}
     * @return the value and the gradient
     */
    public static Streamed streamed(double x, List<double[]> data) {
        Map<String, Double> scale = new HashMap<>();
        scale.put("x", 2.0);
        double _sum0 = 0.0;
        double _compensation0 = 0.0;
        double _simpleSum0 = 0.0;
        for (Iterator<double[]> _it0 = data.iterator(); _it0.hasNext(); ) {
            double[] _e0 = _it0.next();
            double[] r = _e0;
            double _e1 = r[0] * r[1];
            double _tmp0 = _e1 - _compensation0;
            double _velvel0 = _sum0 + _tmp0;
            _compensation0 = _velvel0 - _sum0 - _tmp0;
            _sum0 = _velvel0;
            _simpleSum0 += _e1;
        }
        double _sum1 = Double.isNaN(_sum0 - _compensation0) && Double.isInfinite(_simpleSum0) ? _simpleSum0 : _sum0 - _compensation0;
        double _h0 = scale.get("x");
        double _value = _sum1 * x * _h0;
        // grad of: return data.stream().mapToDouble(r -> r[0] * r[1]).sum() * x * scale.get("x");
        double _d_x = _h0 * _sum1;
        return new Streamed(_value, _d_x);
    }

    /**
     * The value of {@code GenericData.weighted(double, Map)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code GenericData.weighted}
     * @param weights the argument {@code weights} of {@code GenericData.weighted}
     * @return the value and the gradient
     */
    public static Weighted weighted(double x, Map<String, Double> weights) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            IntStack _ints = _tape.ints();
            double _h0 = 0.0;
            int _h1 = 0;
            double s = 0;
            long _n0 = 0;
            for (Iterator<Map.Entry<String, Double>> _it0 = weights.entrySet().iterator(); _it0.hasNext(); ) {
                Map.Entry<String, Double> e = _it0.next();
                _doubles.push(_h0);
                _h0 = e.getValue();
                _ints.push(_h1);
                _h1 = e.getKey().length();
                s += _h0 * Math.sin(x * _h1);
                _n0++;
            }
            double _h2 = weights.getOrDefault("bias", 0.0);
            double _value = s + _h2 * x;
            // grad of: return s + weights.getOrDefault("bias", 0.0) * x;
            double _d_x = _h2;
            // grad of: for (Map.Entry<String, Double> e : weights.entrySet())
            for (; _n0 > 0; _n0--) {
                // grad of: s += e.getValue() * Math.sin(x * e.getKey().length());
                _d_x += _h0 * Math.cos(x * _h1) * _h1;
                _h1 = _ints.pop();
                _h0 = _doubles.pop();
            }
            return new Weighted(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code GenericData.weighted(double, Map)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code GenericData.weighted}
     * @param weights the argument {@code weights} of {@code GenericData.weighted}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @return the value and the directional derivative
     * @see #weighted
     */
    public static WeightedJvp weightedJvp(double x, Map<String, Double> weights, double _t_x) {
        double s = 0;
        double _t_s = 0.0;
        for (Iterator<Map.Entry<String, Double>> _it0 = weights.entrySet().iterator(); _it0.hasNext(); ) {
            Map.Entry<String, Double> e = _it0.next();
            double _h0 = e.getValue();
            int _h1 = e.getKey().length();
            s += _h0 * Math.sin(x * _h1);
            _t_s += _h0 * (Math.cos(x * _h1) * (_t_x * _h1));
        }
        double _h2 = weights.getOrDefault("bias", 0.0);
        return new WeightedJvp(s + _h2 * x, _t_s + _h2 * _t_x);
    }

    /**
     * The result of {@link GenericDataGrad#sse}: the value and the gradient.
     *
     * @param value the value of {@code sse(double[], List)}
     * @param p &part; value / &part; p, the partial derivative with respect to {@code p}
     */
    public record Sse(double value, double[] p) {
    }

    /**
     * The result of {@link GenericDataGrad#streamed}: the value and the gradient.
     *
     * @param value the value of {@code streamed(double, List)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Streamed(double value, double x) {
    }

    /**
     * The result of {@link GenericDataGrad#weighted}: the value and the gradient.
     *
     * @param value the value of {@code weighted(double, Map)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Weighted(double value, double x) {
    }

    /**
     * The result of {@link GenericDataGrad#weightedJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code weighted(double, Map)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record WeightedJvp(double value, double tangent) {
    }
}
