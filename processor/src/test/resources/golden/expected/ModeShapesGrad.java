package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ModeShapes}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ModeShapesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ModeShapesGrad() {
    }

    /**
     * The value of {@code ModeShapes.bilinear(double[][], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param m the argument {@code m} of {@code ModeShapes.bilinear}
     * @param v the argument {@code v} of {@code ModeShapes.bilinear}
     * @return the value and the gradient
     */
    public static Bilinear bilinear(double[][] m, double[] v) {
        double[][] _d_m = Adjoint.zerosLike(m);
        double[] _d_v = new double[v.length];
        double _value = bilinear(m, v, _d_m, _d_v);
        return new Bilinear(_value, _d_m, _d_v);
    }

    /**
     * The value of {@code ModeShapes.bilinear(double[][], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_m}, {@code _d_v}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param m the argument {@code m} of {@code ModeShapes.bilinear}
     * @param v the argument {@code v} of {@code ModeShapes.bilinear}
     * @param _d_m where the gradient with respect to {@code m} is added
     * @param _d_v where the gradient with respect to {@code v} is added
     * @return the value of {@code bilinear}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #bilinear
     */
    public static double bilinear(double[][] m, double[] v, double[][] _d_m, double[] _d_v) {
        Shapes.require("m", _d_m, m);
        Shapes.apart("m", _d_m, "v", v);
        Shapes.require("v", _d_v, v);
        Shapes.apart("v", _d_v, "m", m);
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += v[i] * m[i][0] * v[0];
            // grad of this iteration of: for (int i = 0; i < m.length; i++)
            // grad of: s += v[i] * m[i][0] * v[0];
            double _r0 = v[0];
            _d_v[i] += _r0 * m[i][0];
            _d_m[i][0] += _r0 * v[i];
            _d_v[0] += v[i] * m[i][0];
        }
        double _value = s;
        return _value;
    }

    /**
     * The value of {@code ModeShapes.residuals(double[], double[], double[])} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, with respect to {@code p}, by one reverse sweep.
     *
     * @param p the argument {@code p} of {@code ModeShapes.residuals}
     * @param t the argument {@code t} of {@code ModeShapes.residuals}
     * @param y the argument {@code y} of {@code ModeShapes.residuals}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    public static ResidualsVjp residualsVjp(double[] p, double[] t, double[] y,
            double[] cotangent) {
        double[] _d_p = new double[p.length];
        double[] _result = residualsVjp(p, t, y, cotangent, _d_p);
        return new ResidualsVjp(_result, _d_p);
    }

    /**
     * The value of {@code ModeShapes.residuals(double[], double[], double[])}, after adding the vector-Jacobian product with {@code cotangent} into {@code _d_p}, arrays the caller owns, shaped like those parameters: for summing products over a batch with no allocation. Nothing is zeroed.
     *
     * @param p the argument {@code p} of {@code ModeShapes.residuals}
     * @param t the argument {@code t} of {@code ModeShapes.residuals}
     * @param y the argument {@code y} of {@code ModeShapes.residuals}
     * @param cotangent a weight for each element of the value, as many as it has
     * @param _d_p where the product's part for {@code p} is added
     * @return the value
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length, or a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #residualsVjp
     */
    public static double[] residualsVjp(double[] p, double[] t, double[] y, double[] cotangent,
            double[] _d_p) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("p", _d_p, p);
            Shapes.apart("p", _d_p, "t", t);
            Shapes.apart("p", _d_p, "y", y);
            Shapes.apart("p", _d_p, "cotangent", cotangent);
            DoubleStack _doubles = _tape.doubles();
            double _exp0 = 0.0;
            double[] _result = null;
            double[] r = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                _doubles.push(_exp0);
                _exp0 = Math.exp(-p[1] * t[i]);
                r[i] = p[0] * _exp0 + p[2] - y[i];
            }
            if (cotangent.length != r.length) {
                throw new IllegalArgumentException("the cotangent has " + cotangent.length + " elements; the value has " + r.length);
            }
            _result = r;
            double[] _d_r = new double[r.length];
            for (int _i = 0; _i < r.length; _i++) {
                _d_r[_i] += cotangent[_i];
            }
            // grad of: for (int i = 0; i < t.length; i++)
            for (int i = t.length - 1; i >= 0; i--) {
                // grad of: r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
                _d_p[0] += _d_r[i] * _exp0;
                double _d_exp0 = _d_r[i] * p[0];
                _d_p[2] += _d_r[i];
                _d_r[i] = 0.0;
                _d_p[1] -= _d_exp0 * _exp0 * t[i];
                _exp0 = _doubles.pop();
            }
            return _result;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code ModeShapes.residuals(double[], double[], double[])} and its Jacobian with respect to {@code p}: row i holds the partial derivatives of the value's element i, flattened in parameter order (arrays row by row). One {@link #residualsVjp} per row, with a unit cotangent.
     *
     * @param p the argument {@code p} of {@code ModeShapes.residuals}
     * @param t the argument {@code t} of {@code ModeShapes.residuals}
     * @param y the argument {@code y} of {@code ModeShapes.residuals}
     * @return the value and the Jacobian
     */
    public static ResidualsJacobian residualsJacobian(double[] p, double[] t, double[] y) {
        double[] _value = _residualsValue(p, t, y);
        int _n = p.length;
        double[][] _jacobian = new double[_value.length][];
        double[] _cotangent = new double[_value.length];
        for (int _i = 0; _i < _value.length; _i++) {
            _cotangent[_i] = 1;
            ResidualsVjp _row = residualsVjp(p, t, y, _cotangent);
            _cotangent[_i] = 0;
            double[] _flat = new double[_n];
            System.arraycopy(_row.p(), 0, _flat, 0, p.length);
            _jacobian[_i] = _flat;
        }
        return new ResidualsJacobian(_value, _jacobian);
    }

    /**
     * The value of {@code ModeShapes.residuals(double[], double[], double[])}, which is private: its body as written, for the Jacobian.
     */
    private static double[] _residualsValue(double[] p, double[] t, double[] y) {
        double[] r = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
        }
        return r;
    }

    /**
     * The result of {@link ModeShapesGrad#bilinear}: the value and the gradient.
     *
     * @param value the value of {@code bilinear(double[][], double[])}
     * @param m &part; value / &part; m, the partial derivative with respect to {@code m}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     */
    public record Bilinear(double value, double[][] m, double[] v) {
    }

    /**
     * The result of {@link ModeShapesGrad#residualsVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code residuals(double[], double[], double[])}
     * @param p the sum over the value's elements of the cotangent times their partial derivative with respect to {@code p}
     */
    public record ResidualsVjp(double[] value, double[] p) {
    }

    /**
     * The result of {@link ModeShapesGrad#residualsJacobian}.
     *
     * @param value the value
     * @param jacobian the Jacobian: one row per element of the value, one column per flattened parameter
     */
    public record ResidualsJacobian(double[] value, double[][] jacobian) {
    }
}
