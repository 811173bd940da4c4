package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Vector}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class VectorGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private VectorGrad() {
    }

    /**
     * The value of {@code Vector.either(double[], double[], boolean)} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, with respect to {@code a}, {@code b}, by one reverse sweep.
     *
     * @param a the argument {@code a} of {@code Vector.either}
     * @param b the argument {@code b} of {@code Vector.either}
     * @param first the argument {@code first} of {@code Vector.either}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    public static EitherVjp eitherVjp(double[] a, double[] b, boolean first, double[] cotangent) {
        double[] _d_a = new double[a.length];
        double[] _d_b = new double[b.length];
        double[] _result = eitherVjp(a, b, first, cotangent, _d_a, _d_b);
        return new EitherVjp(_result, _d_a, _d_b);
    }

    /**
     * The value of {@code Vector.either(double[], double[], boolean)}, after adding the vector-Jacobian product with {@code cotangent} into {@code _d_a}, {@code _d_b}, arrays the caller owns, shaped like those parameters: for summing products over a batch with no allocation. Nothing is zeroed.
     *
     * @param a the argument {@code a} of {@code Vector.either}
     * @param b the argument {@code b} of {@code Vector.either}
     * @param first the argument {@code first} of {@code Vector.either}
     * @param cotangent a weight for each element of the value, as many as it has
     * @param _d_a where the product's part for {@code a} is added
     * @param _d_b where the product's part for {@code b} is added
     * @return the value
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length, or a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #eitherVjp
     */
    public static double[] eitherVjp(double[] a, double[] b, boolean first, double[] cotangent,
            double[] _d_a, double[] _d_b) {
        Shapes.require("a", _d_a, a);
        Shapes.apart("a", _d_a, "b", b);
        Shapes.apart("a", _d_a, "cotangent", cotangent);
        Shapes.require("b", _d_b, b);
        Shapes.apart("b", _d_b, "a", a);
        Shapes.apart("b", _d_b, "cotangent", cotangent);
        double[] _result = null;
        if (first) {
            if (cotangent.length != a.length) {
                throw new IllegalArgumentException("the cotangent has " + cotangent.length + " elements; the value has " + a.length);
            }
            _result = a;
        } else {
            if (cotangent.length != b.length) {
                throw new IllegalArgumentException("the cotangent has " + cotangent.length + " elements; the value has " + b.length);
            }
            _result = b;
        }
        if (first) {
            for (int _i = a.length - 1; _i >= 0; _i--) {
                _d_a[_i] += cotangent[_i];
            }
        } else {
            for (int _i2 = b.length - 1; _i2 >= 0; _i2--) {
                _d_b[_i2] += cotangent[_i2];
            }
        }
        return _result;
    }

    /**
     * The value of {@code Vector.either(double[], double[], boolean)} and its Jacobian with respect to every {@code double} parameter: row i holds the partial derivatives of the value's element i, flattened in parameter order (arrays row by row). One {@link #eitherVjp} per row, with a unit cotangent.
     *
     * @param a the argument {@code a} of {@code Vector.either}
     * @param b the argument {@code b} of {@code Vector.either}
     * @param first the argument {@code first} of {@code Vector.either}
     * @return the value and the Jacobian
     */
    public static EitherJacobian eitherJacobian(double[] a, double[] b, boolean first) {
        double[] _value = Vector.either(a, b, first);
        int _n = a.length + b.length;
        double[][] _jacobian = new double[_value.length][];
        double[] _cotangent = new double[_value.length];
        for (int _i = 0; _i < _value.length; _i++) {
            _cotangent[_i] = 1;
            EitherVjp _row = eitherVjp(a, b, first, _cotangent);
            _cotangent[_i] = 0;
            double[] _flat = new double[_n];
            System.arraycopy(_row.a(), 0, _flat, 0, a.length);
            int _k = a.length;
            System.arraycopy(_row.b(), 0, _flat, _k, b.length);
            _jacobian[_i] = _flat;
        }
        return new EitherJacobian(_value, _jacobian);
    }

    /**
     * The value of {@code Vector.pair(double, double, double)} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, with respect to {@code a}, {@code b}, {@code c}, by one reverse sweep.
     *
     * @param a the argument {@code a} of {@code Vector.pair}
     * @param b the argument {@code b} of {@code Vector.pair}
     * @param c the argument {@code c} of {@code Vector.pair}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    public static PairVjp pairVjp(double a, double b, double c, double[] cotangent) {
        double[] _result = null;
        double[] _out = {a * b, Math.sin(c)};
        if (cotangent.length != _out.length) {
            throw new IllegalArgumentException("the cotangent has " + cotangent.length + " elements; the value has " + _out.length);
        }
        _result = _out;
        double[] _d_out = new double[_out.length];
        for (int _i = 0; _i < _out.length; _i++) {
            _d_out[_i] += cotangent[_i];
        }
        // grad of: return new double[] {a * b, Math.sin(c)};
        double _d_a = _d_out[0] * b;
        double _d_b = _d_out[0] * a;
        double _d_c = _d_out[1] * Math.cos(c);
        return new PairVjp(_result, _d_a, _d_b, _d_c);
    }

    /**
     * The value of {@code Vector.pair(double, double, double)} and its Jacobian with respect to every {@code double} parameter: row i holds the partial derivatives of the value's element i, flattened in parameter order (arrays row by row). One {@link #pairVjp} per row, with a unit cotangent; or, where the value has more elements than the parameters, one {@link #pairJvp} per column, with a unit tangent.
     *
     * @param a the argument {@code a} of {@code Vector.pair}
     * @param b the argument {@code b} of {@code Vector.pair}
     * @param c the argument {@code c} of {@code Vector.pair}
     * @return the value and the Jacobian
     */
    public static PairJacobian pairJacobian(double a, double b, double c) {
        double[] _result = null;
        double[] _out = {a * b, Math.sin(c)};
        _result = _out;
        double[] _d_out = new double[_out.length];
        double[] _value = _result;
        int _n = 3;
        double[][] _jacobian = new double[_value.length][];
        if (_n < _value.length) {
            for (int _i = 0; _i < _value.length; _i++) {
                _jacobian[_i] = new double[_n];
            }
            for (int _j = 0; _j < _n; _j++) {
                double _t_a = _j == 0 ? 1 : 0;
                double _t_b = _j == 1 ? 1 : 0;
                double _t_c = _j == 2 ? 1 : 0;
                double[] _column = pairJvp(a, b, c, _t_a, _t_b, _t_c).tangent();
                for (int _i = 0; _i < _value.length; _i++) {
                    _jacobian[_i][_j] = _column[_i];
                }
            }
            return new PairJacobian(_value, _jacobian);
        }
        for (int _i = 0; _i < _value.length; _i++) {
            Adjoint.unit(_d_out, _i);
            // grad of: return new double[] {a * b, Math.sin(c)};
            double _d_a = _d_out[0] * b;
            double _d_b = _d_out[0] * a;
            double _d_c = _d_out[1] * Math.cos(c);
            double[] _flat = new double[_n];
            _flat[0] = _d_a;
            _flat[1] = _d_b;
            _flat[2] = _d_c;
            _jacobian[_i] = _flat;
        }
        return new PairJacobian(_value, _jacobian);
    }

    /**
     * The value of {@code Vector.pair(double, double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param a the argument {@code a} of {@code Vector.pair}
     * @param b the argument {@code b} of {@code Vector.pair}
     * @param c the argument {@code c} of {@code Vector.pair}
     * @param _t_a the tangent of {@code a}: the direction's component along it
     * @param _t_b the tangent of {@code b}: the direction's component along it
     * @param _t_c the tangent of {@code c}: the direction's component along it
     * @return the value and the directional derivative
     * @see #pairVjp
     */
    public static PairJvp pairJvp(double a, double b, double c, double _t_a, double _t_b,
            double _t_c) {
        return new PairJvp(new double[] {a * b, Math.sin(c)}, new double[] {_t_a * b + a * _t_b, Math.cos(c) * _t_c});
    }

    /**
     * The value of {@code Vector.residuals(double[], double[], double[])} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, with respect to {@code p}, {@code t}, {@code y}, by one reverse sweep.
     *
     * @param p the argument {@code p} of {@code Vector.residuals}
     * @param t the argument {@code t} of {@code Vector.residuals}
     * @param y the argument {@code y} of {@code Vector.residuals}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    public static ResidualsVjp residualsVjp(double[] p, double[] t, double[] y,
            double[] cotangent) {
        double[] _d_p = new double[p.length];
        double[] _d_t = new double[t.length];
        double[] _d_y = new double[y.length];
        double[] _result = residualsVjp(p, t, y, cotangent, _d_p, _d_t, _d_y);
        return new ResidualsVjp(_result, _d_p, _d_t, _d_y);
    }

    /**
     * The value of {@code Vector.residuals(double[], double[], double[])}, after adding the vector-Jacobian product with {@code cotangent} into {@code _d_p}, {@code _d_t}, {@code _d_y}, arrays the caller owns, shaped like those parameters: for summing products over a batch with no allocation. Nothing is zeroed.
     *
     * @param p the argument {@code p} of {@code Vector.residuals}
     * @param t the argument {@code t} of {@code Vector.residuals}
     * @param y the argument {@code y} of {@code Vector.residuals}
     * @param cotangent a weight for each element of the value, as many as it has
     * @param _d_p where the product's part for {@code p} is added
     * @param _d_t where the product's part for {@code t} is added
     * @param _d_y where the product's part for {@code y} is added
     * @return the value
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length, or a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #residualsVjp
     */
    public static double[] residualsVjp(double[] p, double[] t, double[] y, double[] cotangent,
            double[] _d_p, double[] _d_t, double[] _d_y) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("p", _d_p, p);
            Shapes.apart("p", _d_p, "t", t);
            Shapes.apart("p", _d_p, "y", y);
            Shapes.apart("p", _d_p, "cotangent", cotangent);
            Shapes.require("t", _d_t, t);
            Shapes.apart("t", _d_t, "p", p);
            Shapes.apart("t", _d_t, "y", y);
            Shapes.apart("t", _d_t, "cotangent", cotangent);
            Shapes.require("y", _d_y, y);
            Shapes.apart("y", _d_y, "p", p);
            Shapes.apart("y", _d_y, "t", t);
            Shapes.apart("y", _d_y, "cotangent", cotangent);
            DoubleStack _doubles = _tape.doubles();
            double _exp0 = 0.0;
            double[] _result = null;
            double[] r = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                _doubles.push(_exp0);
                _exp0 = Math.exp(-p[1] * t[i]);
                r[i] = p[0] * _exp0 - y[i];
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
                // grad of: r[i] = p[0] * Math.exp(-p[1] * t[i]) - y[i];
                _d_p[0] += _d_r[i] * _exp0;
                double _d_exp0 = _d_r[i] * p[0];
                _d_y[i] -= _d_r[i];
                _d_r[i] = 0.0;
                double _r0 = _d_exp0 * _exp0;
                _d_p[1] -= _r0 * t[i];
                _d_t[i] -= _r0 * p[1];
                _exp0 = _doubles.pop();
            }
            return _result;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Vector.residuals(double[], double[], double[])} and its Jacobian with respect to every {@code double} parameter: row i holds the partial derivatives of the value's element i, flattened in parameter order (arrays row by row). One {@link #residualsVjp} per row, with a unit cotangent.
     *
     * @param p the argument {@code p} of {@code Vector.residuals}
     * @param t the argument {@code t} of {@code Vector.residuals}
     * @param y the argument {@code y} of {@code Vector.residuals}
     * @return the value and the Jacobian
     */
    public static ResidualsJacobian residualsJacobian(double[] p, double[] t, double[] y) {
        double[] _value = Vector.residuals(p, t, y);
        int _n = p.length + t.length + y.length;
        double[][] _jacobian = new double[_value.length][];
        double[] _cotangent = new double[_value.length];
        for (int _i = 0; _i < _value.length; _i++) {
            _cotangent[_i] = 1;
            ResidualsVjp _row = residualsVjp(p, t, y, _cotangent);
            _cotangent[_i] = 0;
            double[] _flat = new double[_n];
            System.arraycopy(_row.p(), 0, _flat, 0, p.length);
            int _k = p.length;
            System.arraycopy(_row.t(), 0, _flat, _k, t.length);
            _k += t.length;
            System.arraycopy(_row.y(), 0, _flat, _k, y.length);
            _jacobian[_i] = _flat;
        }
        return new ResidualsJacobian(_value, _jacobian);
    }

    /**
     * The value of {@code Vector.scaleInPlace(double[], double)} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, with respect to {@code w}, {@code s}, by one reverse sweep.
     *
     * @param w the argument {@code w} of {@code Vector.scaleInPlace}
     * @param s the argument {@code s} of {@code Vector.scaleInPlace}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    public static ScaleInPlaceVjp scaleInPlaceVjp(double[] w, double s, double[] cotangent) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double[] _d_w = new double[w.length];
            double[] _result = null;
            for (int i = 0; i < w.length; i++) {
                _doubles.push(w[i]);
                w[i] *= s;
            }
            if (cotangent.length != w.length) {
                throw new IllegalArgumentException("the cotangent has " + cotangent.length + " elements; the value has " + w.length);
            }
            _result = w;
            for (int _i = 0; _i < w.length; _i++) {
                _d_w[_i] += cotangent[_i];
            }
            double[] _w0 = Adjoint.copyOf(w);
            double _d_s = 0.0;
            // grad of: for (int i = 0; i < w.length; i++)
            for (int i = w.length - 1; i >= 0; i--) {
                // grad of: w[i] *= s;
                w[i] = _doubles.pop();
                _d_s += _d_w[i] * w[i];
                _d_w[i] *= s;
            }
            Adjoint.copyInto(_w0, w);
            return new ScaleInPlaceVjp(_result, _d_w, _d_s);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Vector.scaleInPlace(double[], double)} and its Jacobian with respect to every {@code double} parameter: row i holds the partial derivatives of the value's element i, flattened in parameter order (arrays row by row). One {@link #scaleInPlaceVjp} per row, with a unit cotangent; or, where the value has more elements than the parameters, one {@link #scaleInPlaceJvp} per column, with a unit tangent.
     *
     * @param w the argument {@code w} of {@code Vector.scaleInPlace}
     * @param s the argument {@code s} of {@code Vector.scaleInPlace}
     * @return the value and the Jacobian
     */
    public static ScaleInPlaceJacobian scaleInPlaceJacobian(double[] w, double s) {
        double[] _w = Adjoint.copyOf(w);
        double[] _value = Vector.scaleInPlace(w, s);
        int _n = 1 + w.length;
        double[][] _jacobian = new double[_value.length][];
        if (_n < _value.length) {
            for (int _i = 0; _i < _value.length; _i++) {
                _jacobian[_i] = new double[_n];
            }
            for (int _j = 0; _j < _n; _j++) {
                Adjoint.copyInto(_w, w);
                int _k = _j;
                double[] _t_w = new double[w.length];
                if (_k >= 0 && _k < w.length) {
                    _t_w[_k] = 1;
                }
                _k -= w.length;
                double _t_s = _k == 0 ? 1 : 0;
                double[] _column = scaleInPlaceJvp(w, s, _t_w, _t_s).tangent();
                for (int _i = 0; _i < _value.length; _i++) {
                    _jacobian[_i][_j] = _column[_i];
                }
            }
            return new ScaleInPlaceJacobian(_value, _jacobian);
        }
        double[] _cotangent = new double[_value.length];
        for (int _i = 0; _i < _value.length; _i++) {
            Adjoint.copyInto(_w, w);
            _cotangent[_i] = 1;
            ScaleInPlaceVjp _row = scaleInPlaceVjp(w, s, _cotangent);
            _cotangent[_i] = 0;
            double[] _flat = new double[_n];
            System.arraycopy(_row.w(), 0, _flat, 0, w.length);
            int _k = w.length;
            _flat[_k] = _row.s();
            _jacobian[_i] = _flat;
        }
        return new ScaleInPlaceJacobian(_value, _jacobian);
    }

    /**
     * The value of {@code Vector.scaleInPlace(double[], double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param w the argument {@code w} of {@code Vector.scaleInPlace}
     * @param s the argument {@code s} of {@code Vector.scaleInPlace}
     * @param _t_w the tangent of {@code w}, shaped like it; where the method writes into {@code w}, the same elements of this array get the tangents of the values written
     * @param _t_s the tangent of {@code s}: the direction's component along it
     * @return the value and the directional derivative
     * @see #scaleInPlaceVjp
     */
    public static ScaleInPlaceJvp scaleInPlaceJvp(double[] w, double s, double[] _t_w,
            double _t_s) {
        for (int i = 0; i < w.length; i++) {
            _t_w[i] = _t_w[i] * s + w[i] * _t_s;
            w[i] *= s;
        }
        return new ScaleInPlaceJvp(w, _t_w);
    }

    /**
     * The result of {@link VectorGrad#eitherVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code either(double[], double[], boolean)}
     * @param a the sum over the value's elements of the cotangent times their partial derivative with respect to {@code a}
     * @param b the sum over the value's elements of the cotangent times their partial derivative with respect to {@code b}
     */
    public record EitherVjp(double[] value, double[] a, double[] b) {
    }

    /**
     * The result of {@link VectorGrad#eitherJacobian}.
     *
     * @param value the value
     * @param jacobian the Jacobian: one row per element of the value, one column per flattened parameter
     */
    public record EitherJacobian(double[] value, double[][] jacobian) {
    }

    /**
     * The result of {@link VectorGrad#pairVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code pair(double, double, double)}
     * @param a the sum over the value's elements of the cotangent times their partial derivative with respect to {@code a}
     * @param b the sum over the value's elements of the cotangent times their partial derivative with respect to {@code b}
     * @param c the sum over the value's elements of the cotangent times their partial derivative with respect to {@code c}
     */
    public record PairVjp(double[] value, double a, double b, double c) {
    }

    /**
     * The result of {@link VectorGrad#pairJacobian}.
     *
     * @param value the value
     * @param jacobian the Jacobian: one row per element of the value, one column per flattened parameter
     */
    public record PairJacobian(double[] value, double[][] jacobian) {
    }

    /**
     * The result of {@link VectorGrad#pairJvp}.
     *
     * @param value the value
     * @param tangent the Jacobian times the tangents passed, one element per element of the value
     */
    public record PairJvp(double[] value, double[] tangent) {
    }

    /**
     * The result of {@link VectorGrad#residualsVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code residuals(double[], double[], double[])}
     * @param p the sum over the value's elements of the cotangent times their partial derivative with respect to {@code p}
     * @param t the sum over the value's elements of the cotangent times their partial derivative with respect to {@code t}
     * @param y the sum over the value's elements of the cotangent times their partial derivative with respect to {@code y}
     */
    public record ResidualsVjp(double[] value, double[] p, double[] t, double[] y) {
    }

    /**
     * The result of {@link VectorGrad#residualsJacobian}.
     *
     * @param value the value
     * @param jacobian the Jacobian: one row per element of the value, one column per flattened parameter
     */
    public record ResidualsJacobian(double[] value, double[][] jacobian) {
    }

    /**
     * The result of {@link VectorGrad#scaleInPlaceVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code scaleInPlace(double[], double)}
     * @param w the sum over the value's elements of the cotangent times their partial derivative with respect to {@code w}
     * @param s the sum over the value's elements of the cotangent times their partial derivative with respect to {@code s}
     */
    public record ScaleInPlaceVjp(double[] value, double[] w, double s) {
    }

    /**
     * The result of {@link VectorGrad#scaleInPlaceJacobian}.
     *
     * @param value the value
     * @param jacobian the Jacobian: one row per element of the value, one column per flattened parameter
     */
    public record ScaleInPlaceJacobian(double[] value, double[][] jacobian) {
    }

    /**
     * The result of {@link VectorGrad#scaleInPlaceJvp}.
     *
     * @param value the value
     * @param tangent the Jacobian times the tangents passed, one element per element of the value
     */
    public record ScaleInPlaceJvp(double[] value, double[] tangent) {
    }
}
