package golden;

import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Switches}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class SwitchesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private SwitchesGrad() {
    }

    /**
     * The value of {@code Switches.compare(double, Mode, String)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Switches.compare}
     * @param m the argument {@code m} of {@code Switches.compare}
     * @param name the argument {@code name} of {@code Switches.compare}
     * @return the value and the gradient
     */
    public static Compare compare(double x, Switches.Mode m, String name) {
        int _h0 = 0;
        double _value;
        double _t0 = 0.0;
        Switches.Mode local = Switches.Mode.EXACT;
        boolean _c0 = m == Switches.Mode.FAST || local == m && name.equals("twice");
        if (_c0) {
            _h0 = name.length();
            _value = x * x * _h0;
        } else {
            OnEnum _g0 = SwitchesGrad.onEnum(x, m);
            _t0 = _g0.x();
            _value = _g0.value();
        }
        double _d_x;
        if (_c0) {
            // grad of: return x * x * name.length();
            _d_x = 2.0 * _h0 * x;
        } else {
            // grad of: return onEnum(x, m);
            _d_x = _t0;
        }
        return new Compare(_value, _d_x);
    }

    /**
     * The value of {@code Switches.onChar(double, char)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Switches.onChar}
     * @param op the argument {@code op} of {@code Switches.onChar}
     * @return the value and the gradient
     */
    public static OnChar onChar(double x, char op) {
        double _value;
        if (op == 'a') {
            _value = x * x;
        } else if (op == 'b') {
            _value = Math.sin(x);
        } else {
            _value = x;
        }
        double _d_x;
        if (op == 'a') {
            // grad of: return x * x;
            _d_x = 2 * x;
        } else if (op == 'b') {
            // grad of: return Math.sin(x);
            _d_x = Math.cos(x);
        } else {
            // grad of: return x;
            _d_x = 1.0;
        }
        return new OnChar(_value, _d_x);
    }

    /**
     * The value of {@code Switches.onEnum(double, Mode)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Switches.onEnum}
     * @param m the argument {@code m} of {@code Switches.onEnum}
     * @return the value and the gradient
     */
    public static OnEnum onEnum(double x, Switches.Mode m) {
        double _sw0;
        boolean _c0 = Objects.requireNonNull(m) == Switches.Mode.FAST;
        if (_c0) {
            _sw0 = x * x;
        } else if (m == Switches.Mode.SLOW) {
            _sw0 = Math.exp(x);
        } else if (m == Switches.Mode.EXACT) {
            _sw0 = x;
        } else {
            throw new IncompatibleClassChangeError();
        }
        double _value = _sw0;
        // grad of: return switch (m) { case FAST -> x * x; case SLOW -> Math.exp(x); case EXACT -> x; };
        double _d_sw0 = 1.0;
        double _d_x = 0.0;
        if (_c0) {
            _d_x = 2 * _d_sw0 * x;
            _d_sw0 = 0.0;
        } else if (m == Switches.Mode.SLOW) {
            _d_x = _d_sw0 * _sw0;
            _d_sw0 = 0.0;
        } else if (m == Switches.Mode.EXACT) {
            _d_x = _d_sw0;
            _d_sw0 = 0.0;
        }
        return new OnEnum(_value, _d_x);
    }

    /**
     * The value of {@code Switches.onString(double, String)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Switches.onString}
     * @param op the argument {@code op} of {@code Switches.onString}
     * @return the value and the gradient
     */
    public static OnString onString(double x, String op) {
        boolean _c0 = false;
        double y = x;
        boolean _c1 = op.equals("square");
        if (_c1) {
            y = x * x;
        } else {
            _c0 = op.equals("exp") || op.equals("e");
            if (_c0) {
                y = Math.exp(x);
            } else {
                y = -y;
            }
        }
        double _value = y;
        // grad of: return y;
        double _d_y = 1.0;
        double _d_x = 0.0;
        if (_c1) {
            // grad of: y = x * x;
            _d_x = 2 * _d_y * x;
            _d_y = 0.0;
        } else if (_c0) {
            // grad of: y = Math.exp(x);
            _d_x = _d_y * y;
            _d_y = 0.0;
        } else {
            // grad of: y = -y;
            _d_y = -_d_y;
        }
        // grad of: double y = x;
        _d_x += _d_y;
        return new OnString(_value, _d_x);
    }

    /**
     * The value of {@code Switches.stringExpression(double, String)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Switches.stringExpression}
     * @param op the argument {@code op} of {@code Switches.stringExpression}
     * @return the value and the gradient
     */
    public static StringExpression stringExpression(double x, String op) {
        boolean _c0 = op.equals("square");
        double _value = _c0 ? x * x : x;
        // grad of: return switch (op) { case "square" -> x * x; default -> x; };
        double _d_x;
        if (_c0) {
            _d_x = 2 * x;
        } else {
            _d_x = 1.0;
        }
        return new StringExpression(_value, _d_x);
    }

    /**
     * The result of {@link SwitchesGrad#compare}: the value and the gradient.
     *
     * @param value the value of {@code compare(double, Mode, String)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Compare(double value, double x) {
    }

    /**
     * The result of {@link SwitchesGrad#onChar}: the value and the gradient.
     *
     * @param value the value of {@code onChar(double, char)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record OnChar(double value, double x) {
    }

    /**
     * The result of {@link SwitchesGrad#onEnum}: the value and the gradient.
     *
     * @param value the value of {@code onEnum(double, Mode)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record OnEnum(double value, double x) {
    }

    /**
     * The result of {@link SwitchesGrad#onString}: the value and the gradient.
     *
     * @param value the value of {@code onString(double, String)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record OnString(double value, double x) {
    }

    /**
     * The result of {@link SwitchesGrad#stringExpression}: the value and the gradient.
     *
     * @param value the value of {@code stringExpression(double, String)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record StringExpression(double value, double x) {
    }
}
