package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Layers}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LayersGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LayersGrad() {
    }

    /**
     * The value of {@code Layers.loss(double[], double)} and its gradient with respect to {@code self_layers_w}, {@code self_layers_b}.
     *
     * @param self_layers_w the argument {@code self_layers_w} of {@code Layers.loss}
     * @param self_layers_b the argument {@code self_layers_b} of {@code Layers.loss}
     * @param x the argument {@code x} of {@code Layers.loss}
     * @param y the argument {@code y} of {@code Layers.loss}
     * @return the value and the gradient
     */
    private static _Loss _loss(double[][][] self_layers_w, double[][] self_layers_b, double[] x,
            double y) {
        double[][][] _d_self_layers_w = Adjoint.zerosLike(self_layers_w);
        double[][] _d_self_layers_b = Adjoint.zerosLike(self_layers_b);
        double _value = _loss(self_layers_w, self_layers_b, x, y, _d_self_layers_w, _d_self_layers_b);
        return new _Loss(_value, _d_self_layers_w, _d_self_layers_b);
    }

    /**
     * The value of {@code Layers.loss(double[], double)}, after adding its gradient with respect to {@code self_layers_w}, {@code self_layers_b} into {@code _d_self_layers_w}, {@code _d_self_layers_b}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param self_layers_w the argument {@code self_layers_w} of {@code Layers.loss}
     * @param self_layers_b the argument {@code self_layers_b} of {@code Layers.loss}
     * @param x the argument {@code x} of {@code Layers.loss}
     * @param y the argument {@code y} of {@code Layers.loss}
     * @param _d_self_layers_w where the gradient with respect to {@code self_layers_w} is added
     * @param _d_self_layers_b where the gradient with respect to {@code self_layers_b} is added
     * @return the value of {@code loss}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #loss
     */
    private static double _loss(double[][][] self_layers_w, double[][] self_layers_b, double[] x,
            double y, double[][][] _d_self_layers_w, double[][] _d_self_layers_b) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("self.layers[].w", _d_self_layers_w, self_layers_w);
            Shapes.require("self.layers[].b", _d_self_layers_b, self_layers_b);
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[] out = null;
            double[] h = x;
            for (int _i0 = 0; _i0 < self_layers_w.length; _i0++) {
                _objects.push(out);
                out = new double[self_layers_b[_i0].length];
                for (int k = 0; k < self_layers_b[_i0].length; k++) {
                    double s = self_layers_b[_i0][k];
                    for (int i = 0; i < h.length; i++) {
                        s += self_layers_w[_i0][k][i] * h[i];
                    }
                    _doubles.push(out[k]);
                    out[k] = Math.tanh(s);
                }
                _objects.push(h);
                h = out;
            }
            double e = h[0] - y;
            double _value = e * e;
            double[] _x0 = Adjoint.copyOf(x);
            double[] _d_x = new double[x.length];
            double[] _d_h = h == x ? _d_x : new double[h.length];
            // grad of: return e * e;
            double _d_e = 2 * e;
            // grad of: double e = h[0] - y;
            _d_h[0] += _d_e;
            // grad of: for (Layer l : layers)
            for (int _i0 = self_layers_w.length - 1; _i0 >= 0; _i0--) {
                double[] _d_out = out == h ? _d_h : out == x ? _d_x : new double[out.length];
                // grad of: h = l.apply(h);
                h = (double[]) _objects.pop();
                _d_h = h == x ? _d_x : h == out ? _d_out : new double[h.length];
                // grad of: for (int k = 0; k < b.length; k++)
                for (int k = self_layers_b[_i0].length - 1; k >= 0; k--) {
                    // grad of: out[k] = Math.tanh(s);
                    double _d_s = _d_out[k] * (1.0 - out[k] * out[k]);
                    _d_out[k] = 0.0;
                    out[k] = _doubles.pop();
                    // grad of: for (int i = 0; i < x.length; i++)
                    for (int i = h.length - 1; i >= 0; i--) {
                        // grad of: s += w[k][i] * x[i];
                        _d_self_layers_w[_i0][k][i] += _d_s * h[i];
                        _d_h[i] += _d_s * self_layers_w[_i0][k][i];
                    }
                    // grad of: double s = b[k];
                    _d_self_layers_b[_i0][k] += _d_s;
                }
                // grad of: double[] out = new double[b.length];
                out = (double[]) _objects.pop();
            }
            Adjoint.copyInto(_x0, x);
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Layers.loss(double[], double)} and its directional derivative along the tangents: the sum over {@code self_layers_w}, {@code self_layers_b} of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param self_layers_w the argument {@code self_layers_w} of {@code Layers.loss}
     * @param self_layers_b the argument {@code self_layers_b} of {@code Layers.loss}
     * @param x the argument {@code x} of {@code Layers.loss}
     * @param y the argument {@code y} of {@code Layers.loss}
     * @param _t_self_layers_w the tangent of {@code self_layers_w}, shaped like it; where the method writes into {@code self_layers_w}, the same elements of this array get the tangents of the values written
     * @param _t_self_layers_b the tangent of {@code self_layers_b}, shaped like it; where the method writes into {@code self_layers_b}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #loss
     */
    private static LossJvp _lossJvp(double[][][] self_layers_w, double[][] self_layers_b,
            double[] x, double y, double[][][] _t_self_layers_w, double[][] _t_self_layers_b) {
        double[] _t_x = new double[x.length];
        double[] h = x;
        double[] _t_h = _t_x;
        for (int _i0 = 0; _i0 < self_layers_w.length; _i0++) {
            double[] out = new double[self_layers_b[_i0].length];
            double[] _t_out = new double[out.length];
            for (int k = 0; k < self_layers_b[_i0].length; k++) {
                double s = self_layers_b[_i0][k];
                double _t_s = _t_self_layers_b[_i0][k];
                for (int i = 0; i < h.length; i++) {
                    s += self_layers_w[_i0][k][i] * h[i];
                    _t_s += _t_self_layers_w[_i0][k][i] * h[i] + self_layers_w[_i0][k][i] * _t_h[i];
                }
                out[k] = Math.tanh(s);
                _t_out[k] = (1.0 - out[k] * out[k]) * _t_s;
            }
            h = out;
            _t_h = _t_out;
        }
        double e = h[0] - y;
        double _t_e = _t_h[0];
        return new LossJvp(e * e, 2 * _t_e * e);
    }

    /**
     * The value of {@code Layers.loss} and its gradient; the gradient with respect to the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code loss} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Layers.loss}
     * @param y the argument {@code y} of {@code Layers.loss}
     * @return the value and the gradient
     */
    public static Loss loss(Layers self, double[] x, double y) {
        _Loss _grad = _loss(java.util.Arrays.stream(self.layers).map(_e -> _e.w()).toArray(double[][][]::new), java.util.Arrays.stream(self.layers).map(_e -> _e.b()).toArray(double[][]::new), x, y);
        return new Loss(_grad.value(), new LayersTangent(java.util.stream.IntStream.range(0, self.layers.length).mapToObj(_i -> new LayerTangent(_grad.self_layers_w()[_i], _grad.self_layers_b()[_i])).toArray(LayerTangent[]::new)));
    }

    /**
     * The value of {@code Layers.loss} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code loss} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Layers.loss}
     * @param y the argument {@code y} of {@code Layers.loss}
     * @param _t_self the tangent of {@code self}, shaped like it
     * @return the value and the directional derivative
     * @see #loss
     */
    public static LossJvp lossJvp(Layers self, double[] x, double y, LayersTangent _t_self) {
        return _lossJvp(java.util.Arrays.stream(self.layers).map(_e -> _e.w()).toArray(double[][][]::new), java.util.Arrays.stream(self.layers).map(_e -> _e.b()).toArray(double[][]::new), x, y, java.util.Arrays.stream(_t_self.layers()).map(_e -> _e.w()).toArray(double[][][]::new), java.util.Arrays.stream(_t_self.layers()).map(_e -> _e.b()).toArray(double[][]::new));
    }

    /**
     * The value of {@code Layers.loss}, after adding its gradient into arrays the caller owns, shaped like the parameters (for a record, a tangent record holding such arrays): for summing gradients over a batch (an array of records is passed as one array of its elements' arrays per component, made for the call). Nothing is zeroed.
     *
     * @param self the object whose {@code loss} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Layers.loss}
     * @param y the argument {@code y} of {@code Layers.loss}
     * @param _d_self where the gradient with respect to {@code self} is added
     * @return the value of {@code loss}
     * @see #loss
     */
    public static double loss(Layers self, double[] x, double y, LayersTangent _d_self) {
        return _loss(java.util.Arrays.stream(self.layers).map(_e -> _e.w()).toArray(double[][][]::new), java.util.Arrays.stream(self.layers).map(_e -> _e.b()).toArray(double[][]::new), x, y, java.util.Arrays.stream(_d_self.layers()).map(_e -> _e.w()).toArray(double[][][]::new), java.util.Arrays.stream(_d_self.layers()).map(_e -> _e.b()).toArray(double[][]::new));
    }

    /**
     * The result of {@link LayersGrad#_loss}: the value and the gradient.
     *
     * @param value the value of {@code loss(double[], double)}
     * @param self_layers_w &part; value / &part; self_layers_w, the partial derivative with respect to {@code self_layers_w}
     * @param self_layers_b &part; value / &part; self_layers_b, the partial derivative with respect to {@code self_layers_b}
     */
    private record _Loss(double value, double[][][] self_layers_w, double[][] self_layers_b) {
    }

    /**
     * The result of {@link LayersGrad#lossJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code loss(double[], double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record LossJvp(double value, double tangent) {
    }

    /**
     * The result of {@link LayersGrad#loss}: the value and the gradient.
     *
     * @param value the value of {@code loss}
     * @param self &part; value / &part; self, component by component
     */
    public record Loss(double value, LayersTangent self) {
    }

    /**
     * A tangent or gradient of a {@link Layers}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param layers the part along field {@code layers}, element by element
     */
    public record LayersTangent(LayerTangent[] layers) {
    }

    /**
     * A tangent or gradient of a {@link Layers.Layer}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param w the part along {@code w()}
     * @param b the part along {@code b()}
     */
    public record LayerTangent(double[][] w, double[] b) {
    }
}
