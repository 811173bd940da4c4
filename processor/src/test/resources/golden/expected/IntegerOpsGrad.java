package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link IntegerOps}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class IntegerOpsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private IntegerOpsGrad() {
    }

    /**
     * The value of {@code IntegerOps.bits(double, int, long)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code IntegerOps.bits}
     * @param n the argument {@code n} of {@code IntegerOps.bits}
     * @param m the argument {@code m} of {@code IntegerOps.bits}
     * @return the value and the gradient
     */
    public static Bits bits(double x, int n, long m) {
        int k = n << 2 | n >> 1 ^ n >>> 3 & ~n;
        long q = m << n;
        q >>>= 1;
        q ^= k;
        q &= ~1L;
        k <<= 2;
        double _value = x * (k + (q & 7));
        // grad of: return x * (k + (q & 7));
        double _d_x = k + (q & 7);
        return new Bits(_value, _d_x);
    }

    /**
     * The value of {@code IntegerOps.declaredLater(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param z the argument {@code z} of {@code IntegerOps.declaredLater}
     * @return the value and the gradient
     */
    public static DeclaredLater declaredLater(double z) {
        double _value;
        double t = 0.0;
        if (z < 0) {
            _value = Double.NaN;
        } else {
            t = 2 / (2 + z);
            _value = t * t;
        }
        double _d_t = 0.0;
        double _d_z = 0.0;
        if (!(z < 0)) {
            // grad of: return t * t;
            _d_t = 2 * t;
            // grad of: t = 2 / (2 + z);
            _d_z = -(_d_t / (2 + z) * (2 / (2 + z)));
        }
        return new DeclaredLater(_value, _d_z);
    }

    /**
     * The value of {@code IntegerOps.flags(double, boolean, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code IntegerOps.flags}
     * @param b the argument {@code b} of {@code IntegerOps.flags}
     * @param n the argument {@code n} of {@code IntegerOps.flags}
     * @return the value and the gradient
     */
    public static Flags flags(double x, boolean b, int n) {
        boolean p = b & x > 0 | b ^ n > 2;
        p ^= n == 3;
        double _value = p ? x * x : -x;
        // grad of: return p ? x * x : -x;
        double _d_x;
        if (p) {
            _d_x = 2 * x;
        } else {
            _d_x = -1.0;
        }
        return new Flags(_value, _d_x);
    }

    /**
     * The value of {@code IntegerOps.narrow(double, char, byte, short)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code IntegerOps.narrow}
     * @param c the argument {@code c} of {@code IntegerOps.narrow}
     * @param b the argument {@code b} of {@code IntegerOps.narrow}
     * @param s the argument {@code s} of {@code IntegerOps.narrow}
     * @return the value and the gradient
     */
    public static Narrow narrow(double x, char c, byte b, short s) {
        int d = 'a';
        d = (char) (d + c);
        int bb = 10;
        bb = (byte) (bb << 3);
        bb = (byte) (bb + b);
        int t = s;
        t = (short) (t * 300);
        t = (short) (t - 1);
        double _value = x * (d - 'a') + x * x * (bb + t);
        // grad of: return x * (d - 'a') + x * x * (bb + t);
        int _r0 = bb + t;
        double _d_x = d - 'a' + _r0 * x + _r0 * x;
        return new Narrow(_value, _d_x);
    }

    /**
     * The value of {@code IntegerOps.remainder(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code IntegerOps.remainder}
     * @param y the argument {@code y} of {@code IntegerOps.remainder}
     * @return the value and the gradient
     */
    public static Remainder remainder(double x, double y) {
        double r = x % y;
        r %= 0.75;
        double _value = r * x;
        // grad of: return r * x;
        double _d_x = r;
        // grad of: double r = x % y;
        _d_x += x;
        double _d_y = -(x * Math.rint((x - x % y) / y));
        return new Remainder(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link IntegerOpsGrad#bits}: the value and the gradient.
     *
     * @param value the value of {@code bits(double, int, long)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Bits(double value, double x) {
    }

    /**
     * The result of {@link IntegerOpsGrad#declaredLater}: the value and the gradient.
     *
     * @param value the value of {@code declaredLater(double)}
     * @param z &part; value / &part; z, the partial derivative with respect to {@code z}
     */
    public record DeclaredLater(double value, double z) {
    }

    /**
     * The result of {@link IntegerOpsGrad#flags}: the value and the gradient.
     *
     * @param value the value of {@code flags(double, boolean, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Flags(double value, double x) {
    }

    /**
     * The result of {@link IntegerOpsGrad#narrow}: the value and the gradient.
     *
     * @param value the value of {@code narrow(double, char, byte, short)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Narrow(double value, double x) {
    }

    /**
     * The result of {@link IntegerOpsGrad#remainder}: the value and the gradient.
     *
     * @param value the value of {@code remainder(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Remainder(double value, double x, double y) {
    }
}
