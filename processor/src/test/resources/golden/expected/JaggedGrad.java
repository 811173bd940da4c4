package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Jagged}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class JaggedGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private JaggedGrad() {
    }

    /**
     * The value of {@code Jagged.newRow(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Jagged.newRow}
     * @param y the argument {@code y} of {@code Jagged.newRow}
     * @return the value and the gradient
     */
    public static NewRow newRow(double x, double y) {
        double[][] a = new double[2][2];
        a[0][0] = x * y;
        double t = a[0][0] * a[0][0];
        double[] _t0 = a[0];
        a[0] = new double[] {x, t, y};
        double _value = a[0][0] * a[0][1] + a[0][2] * a[1].length;
        double[][] _d_a = Adjoint.zerosLike(a);
        // grad of: return a[0][0] * a[0][1] + a[0][2] * a[1].length;
        _d_a[0][0] += a[0][1];
        _d_a[0][1] += a[0][0];
        _d_a[0][2] += a[1].length;
        // grad of: a[0] = new double[] {x, t, y};
        a[0] = _t0;
        double _d_x = _d_a[0][0];
        double _d_t = _d_a[0][1];
        double _d_y = _d_a[0][2];
        _d_a[0] = a[0] == null ? null : new double[a[0].length];
        // grad of: double t = a[0][0] * a[0][0];
        _d_a[0][0] += 2 * _d_t * a[0][0];
        // grad of: a[0][0] = x * y;
        _d_x += _d_a[0][0] * y;
        _d_y += _d_a[0][0] * x;
        _d_a[0][0] = 0.0;
        return new NewRow(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Jagged.triangle(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Jagged.triangle}
     * @param n the argument {@code n} of {@code Jagged.triangle}
     * @return the value and the gradient
     */
    public static Triangle triangle(double x, int n) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                _objects.push(a[i]);
                a[i] = new double[i + 1];
                for (int j = 0; j <= i; j++) {
                    _doubles.push(a[i][j]);
                    a[i][j] = x * (i + j + 1);
                }
            }
            double s = 0;
            double[][] _d_a = Adjoint.zerosLike(a);
            for (int i2 = 0; i2 < n; i2++) {
                for (int j2 = 0; j2 < a[i2].length; j2++) {
                    s += a[i2][j2] * a[i2][j2];
                }
                // grad of this iteration of: for (int i = 0; i < n; i++)
                // grad of: for (int j = 0; j < a[i].length; j++)
                for (int j2 = a[i2].length - 1; j2 >= 0; j2--) {
                    // grad of: s += a[i][j] * a[i][j];
                    _d_a[i2][j2] += 2 * a[i2][j2];
                }
            }
            double _value = s;
            double _d_x = 0.0;
            // grad of: for (int i = 0; i < n; i++)
            for (int i = Math.max(0, n) - 1; i >= 0; i--) {
                // grad of: for (int j = 0; j <= i; j++)
                for (int j = i; j >= 0; j--) {
                    // grad of: a[i][j] = x * (i + j + 1);
                    _d_x += _d_a[i][j] * (i + j + 1);
                    _d_a[i][j] = 0.0;
                    a[i][j] = _doubles.pop();
                }
                // grad of: a[i] = new double[i + 1];
                a[i] = (double[]) _objects.pop();
                _d_a[i] = a[i] == null ? null : new double[a[i].length];
            }
            return new Triangle(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link JaggedGrad#newRow}: the value and the gradient.
     *
     * @param value the value of {@code newRow(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record NewRow(double value, double x, double y) {
    }

    /**
     * The result of {@link JaggedGrad#triangle}: the value and the gradient.
     *
     * @param value the value of {@code triangle(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Triangle(double value, double x) {
    }
}
