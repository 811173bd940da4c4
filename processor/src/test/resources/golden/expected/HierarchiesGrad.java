package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Hierarchies}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class HierarchiesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private HierarchiesGrad() {
    }

    /**
     * The value of {@code Hierarchies.paint(Circle, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param c_scale the argument {@code c_scale} of {@code Hierarchies.paint}
     * @param c_r the argument {@code c_r} of {@code Hierarchies.paint}
     * @param price the argument {@code price} of {@code Hierarchies.paint}
     * @return the value and the gradient
     */
    private static _Paint _paint(double c_scale, double c_r, double price) {
        double area = Math.PI * c_r * c_r;
        double scaledArea = c_scale * area;
        double _value = price * scaledArea;
        // grad of: return price * c.scaledArea();
        double _d_c_scale = price * area;
        double _d_area = price * c_scale;
        double _d_c_r = 2 * _d_area * c_r * Math.PI;
        return new _Paint(_value, _d_c_scale, _d_c_r, scaledArea);
    }

    /**
     * The value of {@code Hierarchies.step(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Hierarchies.step}
     * @param y the argument {@code y} of {@code Hierarchies.step}
     * @return the value and the gradient
     */
    public static Step step(double x, double y) {
        double p_x = x;
        double p_y = y;
        double q_x = y;
        double q_y = x;
        boolean _c0 = new Hierarchies.Point(p_x, p_y).equals(new Hierarchies.Point(q_x, q_y));
        double _value = _c0 ? 0 : Math.hypot(x - y, y - x);
        // grad of: return p.equals(q) ? 0 : Math.hypot(x - y, y - x);
        double _d_y = 0.0;
        double _d_x = 0.0;
        if (!_c0) {
            double _r0 = Math.hypot(x - y, y - x) == 0.0 ? 0.0 : (x - y) / Math.hypot(x - y, y - x);
            double _r1 = Math.hypot(x - y, y - x) == 0.0 ? 0.0 : (y - x) / Math.hypot(x - y, y - x);
            _d_y = -_r0 + _r1;
            _d_x = _r0 - _r1;
        }
        return new Step(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Hierarchies.weights(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param m the argument {@code m} of {@code Hierarchies.weights}
     * @return the value and the gradient
     */
    public static Weights weights(double m) {
        double s = 0;
        Hierarchies.Planet[] _values0 = Hierarchies.Planet.values();
        // grad of: return s;
        double _d_m = 0.0;
        for (int _i0 = 0; _i0 < _values0.length; _i0++) {
            Hierarchies.Planet p = _values0[_i0];
            double _h0 = p.surfaceGravity();
            s += Math.log(m * _h0);
            // grad of this iteration of: for (Planet p : Planet.values())
            // grad of: s += Math.log(m * p.surfaceGravity());
            _d_m += 1.0 / (m * _h0) * _h0;
        }
        double _value = s;
        return new Weights(_value, _d_m);
    }

    /**
     * The value of {@code Hierarchies.paint} and its gradient; the gradient with respect to a record parameter is a tangent record of the same shape.
     *
     * @param c the argument {@code c} of {@code Hierarchies.paint}
     * @param price the argument {@code price} of {@code Hierarchies.paint}
     * @return the value and the gradient
     */
    public static Paint paint(Hierarchies.Circle c, double price) {
        _Paint _grad = _paint(c.scale, c.r, price);
        return new Paint(_grad.value(), new CircleTangent(_grad.c_scale(), _grad.c_r()), _grad.price());
    }

    /**
     * The result of {@link HierarchiesGrad#_paint}: the value and the gradient.
     *
     * @param value the value of {@code paint(Circle, double)}
     * @param c_scale &part; value / &part; c_scale, the partial derivative with respect to {@code c_scale}
     * @param c_r &part; value / &part; c_r, the partial derivative with respect to {@code c_r}
     * @param price &part; value / &part; price, the partial derivative with respect to {@code price}
     */
    private record _Paint(double value, double c_scale, double c_r, double price) {
    }

    /**
     * The result of {@link HierarchiesGrad#step}: the value and the gradient.
     *
     * @param value the value of {@code step(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Step(double value, double x, double y) {
    }

    /**
     * The result of {@link HierarchiesGrad#weights}: the value and the gradient.
     *
     * @param value the value of {@code weights(double)}
     * @param m &part; value / &part; m, the partial derivative with respect to {@code m}
     */
    public record Weights(double value, double m) {
    }

    /**
     * The result of {@link HierarchiesGrad#paint}: the value and the gradient.
     *
     * @param value the value of {@code paint}
     * @param c &part; value / &part; c, component by component
     * @param price &part; value / &part; price
     */
    public record Paint(double value, CircleTangent c, double price) {
    }

    /**
     * A tangent or gradient of a {@link Hierarchies.Circle}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param scale the part along field {@code scale}
     * @param r the part along field {@code r}
     */
    public record CircleTangent(double scale, double r) {
    }
}
