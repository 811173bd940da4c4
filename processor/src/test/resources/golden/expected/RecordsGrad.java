package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Records}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class RecordsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private RecordsGrad() {
    }

    /**
     * The value of {@code Records.local(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Records.local}
     * @param y the argument {@code y} of {@code Records.local}
     * @return the value and the gradient
     */
    public static Local local(double x, double y) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x is NaN");
        }
        double p_x = x;
        double p_y = y;
        if (Double.isNaN(1.0)) {
            throw new IllegalArgumentException("x is NaN");
        }
        double add_x = 0.0;
        double add_y = 0.0;
        double x2 = p_x + 1.0;
        double y2 = p_y + x;
        if (Double.isNaN(x2)) {
            throw new IllegalArgumentException("x is NaN");
        }
        add_x = x2;
        add_y = y2;
        double _value = p_x * add_y;
        // grad of: Point q = add(p, new Point(1, x));
        double _d_x = p_x;
        // grad of: var p = new Point(x, y);
        _d_x += add_y;
        return new Local(_value, _d_x, p_x);
    }

    /**
     * The value of {@code Records.loss(double[], List)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code Records.loss}
     * @param data the argument {@code data} of {@code Records.loss}
     * @return the value and the gradient
     */
    public static Loss loss(double[] w, List<Records.Sample> data) {
        double[] _d_w = new double[w.length];
        double _value = loss(w, data, _d_w);
        return new Loss(_value, _d_w);
    }

    /**
     * The value of {@code Records.loss(double[], List)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code Records.loss}
     * @param data the argument {@code data} of {@code Records.loss}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @return the value of {@code loss}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #loss
     */
    public static double loss(double[] w, List<Records.Sample> data, double[] _d_w) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w", _d_w, w);
            DoubleStack _doubles = _tape.doubles();
            double _h0 = 0.0;
            double _h1 = 0.0;
            double s = 0;
            long _n0 = 0;
            for (int _i0 = 0; _i0 < data.size(); _i0++) {
                Records.Sample d = data.get(_i0);
                _doubles.push(_h0);
                _h0 = d.x();
                _doubles.push(_h1);
                _h1 = d.y();
                double r = w[0] * _h0 + w[1] - _h1;
                s += r * r;
                _n0++;
            }
            double _value = s;
            // grad of: for (Sample d : data)
            for (; _n0 > 0; _n0--) {
                double r = w[0] * _h0 + w[1] - _h1;
                // grad of: s += r * r;
                double _d_r = 2 * r;
                // grad of: double r = w[0] * d.x() + w[1] - d.y();
                _d_w[0] += _d_r * _h0;
                _d_w[1] += _d_r;
                _h1 = _doubles.pop();
                _h0 = _doubles.pop();
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Records.price(Option, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param o_strike the argument {@code o_strike} of {@code Records.price}
     * @param o_vol the argument {@code o_vol} of {@code Records.price}
     * @param o_days the argument {@code o_days} of {@code Records.price}
     * @param o_name the argument {@code o_name} of {@code Records.price}
     * @param o_w the argument {@code o_w} of {@code Records.price}
     * @param o_in_a the argument {@code o_in_a} of {@code Records.price}
     * @param o_in_k the argument {@code o_in_k} of {@code Records.price}
     * @param spot the argument {@code spot} of {@code Records.price}
     * @return the value and the gradient
     */
    private static _Price _price(double o_strike, double o_vol, int o_days, String o_name,
            double[] o_w, double o_in_a, int o_in_k, double spot) {
        double[] _d_o_w = new double[o_w.length];
        double t = o_days / 365.0;
        double _exp0 = Math.exp(-o_vol * t);
        double _value = spot * _exp0 - o_strike + o_in_a * o_w[0];
        // grad of: return spot * Math.exp(-o.vol() * t) - o.strike() + o.in().a() * o.w()[0];
        double _d_o_in_a = o_w[0];
        _d_o_w[0] += o_in_a;
        double _d_o_vol = -(spot * _exp0 * t);
        return new _Price(_value, -1.0, _d_o_vol, _d_o_w, _d_o_in_a, _exp0);
    }

    /**
     * The value of {@code Records.price(Option, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param o_strike the argument {@code o_strike} of {@code Records.price}
     * @param o_vol the argument {@code o_vol} of {@code Records.price}
     * @param o_days the argument {@code o_days} of {@code Records.price}
     * @param o_name the argument {@code o_name} of {@code Records.price}
     * @param o_w the argument {@code o_w} of {@code Records.price}
     * @param o_in_a the argument {@code o_in_a} of {@code Records.price}
     * @param o_in_k the argument {@code o_in_k} of {@code Records.price}
     * @param spot the argument {@code spot} of {@code Records.price}
     * @param _t_o_strike the tangent of {@code o_strike}: the direction's component along it
     * @param _t_o_vol the tangent of {@code o_vol}: the direction's component along it
     * @param _t_o_w the tangent of {@code o_w}, shaped like it; where the method writes into {@code o_w}, the same elements of this array get the tangents of the values written
     * @param _t_o_in_a the tangent of {@code o_in_a}: the direction's component along it
     * @param _t_spot the tangent of {@code spot}: the direction's component along it
     * @return the value and the directional derivative
     * @see #price
     */
    private static PriceJvp _priceJvp(double o_strike, double o_vol, int o_days, String o_name,
            double[] o_w, double o_in_a, int o_in_k, double spot, double _t_o_strike,
            double _t_o_vol, double[] _t_o_w, double _t_o_in_a, double _t_spot) {
        double t = o_days / 365.0;
        double _exp0 = Math.exp(-o_vol * t);
        double _t_exp0 = -(_exp0 * (_t_o_vol * t));
        return new PriceJvp(spot * _exp0 - o_strike + o_in_a * o_w[0], _t_spot * _exp0 + spot * _t_exp0 - _t_o_strike + (_t_o_in_a * o_w[0] + o_in_a * _t_o_w[0]));
    }

    /**
     * The value of {@code Records.price} and its gradient; the gradient with respect to a record parameter is a tangent record of the same shape.
     *
     * @param o the argument {@code o} of {@code Records.price}
     * @param spot the argument {@code spot} of {@code Records.price}
     * @return the value and the gradient
     */
    public static Price price(Records.Option o, double spot) {
        _Price _grad = _price(o.strike(), o.vol(), o.days(), o.name(), o.w(), o.in().a(), o.in().k(), spot);
        return new Price(_grad.value(), new OptionTangent(_grad.o_strike(), _grad.o_vol(), _grad.o_w(), new InnerTangent(_grad.o_in_a())), _grad.spot());
    }

    /**
     * The value of {@code Records.price} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of a record parameter is a tangent record of the same shape.
     *
     * @param o the argument {@code o} of {@code Records.price}
     * @param spot the argument {@code spot} of {@code Records.price}
     * @param _t_o the tangent of {@code o}, shaped like it
     * @param _t_spot the tangent of {@code spot}, shaped like it
     * @return the value and the directional derivative
     * @see #price
     */
    public static PriceJvp priceJvp(Records.Option o, double spot, OptionTangent _t_o,
            double _t_spot) {
        return _priceJvp(o.strike(), o.vol(), o.days(), o.name(), o.w(), o.in().a(), o.in().k(), spot, _t_o.strike(), _t_o.vol(), _t_o.w(), _t_o.in().a(), _t_spot);
    }

    /**
     * The result of {@link RecordsGrad#local}: the value and the gradient.
     *
     * @param value the value of {@code local(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Local(double value, double x, double y) {
    }

    /**
     * The result of {@link RecordsGrad#loss}: the value and the gradient.
     *
     * @param value the value of {@code loss(double[], List)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Loss(double value, double[] w) {
    }

    /**
     * The result of {@link RecordsGrad#_price}: the value and the gradient.
     *
     * @param value the value of {@code price(Option, double)}
     * @param o_strike &part; value / &part; o_strike, the partial derivative with respect to {@code o_strike}
     * @param o_vol &part; value / &part; o_vol, the partial derivative with respect to {@code o_vol}
     * @param o_w &part; value / &part; o_w, the partial derivative with respect to {@code o_w}
     * @param o_in_a &part; value / &part; o_in_a, the partial derivative with respect to {@code o_in_a}
     * @param spot &part; value / &part; spot, the partial derivative with respect to {@code spot}
     */
    private record _Price(double value, double o_strike, double o_vol, double[] o_w, double o_in_a,
            double spot) {
    }

    /**
     * The result of {@link RecordsGrad#priceJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code price(Option, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record PriceJvp(double value, double tangent) {
    }

    /**
     * The result of {@link RecordsGrad#price}: the value and the gradient.
     *
     * @param value the value of {@code price}
     * @param o &part; value / &part; o, component by component
     * @param spot &part; value / &part; spot
     */
    public record Price(double value, OptionTangent o, double spot) {
    }

    /**
     * A tangent or gradient of a {@link Records.Inner}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param a the part along {@code a()}
     */
    public record InnerTangent(double a) {
    }

    /**
     * A tangent or gradient of a {@link Records.Option}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param strike the part along {@code strike()}
     * @param vol the part along {@code vol()}
     * @param w the part along {@code w()}
     * @param in the part along {@code in()}
     */
    public record OptionTangent(double strike, double vol, double[] w, InnerTangent in) {
    }
}
