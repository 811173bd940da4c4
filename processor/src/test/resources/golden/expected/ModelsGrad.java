package golden;

import io.github.backprop.Adjoint;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Models}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ModelsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ModelsGrad() {
    }

    /**
     * The value of {@code Models.curvature(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param self_w the argument {@code self_w} of {@code Models.curvature}
     * @param self_b the argument {@code self_b} of {@code Models.curvature}
     * @param x the argument {@code x} of {@code Models.curvature}
     * @return the value and the gradient
     */
    private static _Curvature _curvature(double[] self_w, double self_b, double x) {
        double[] _d_self_w = new double[self_w.length];
        double _p0 = self_b * self_b;
        double _p1 = _p0 * x;
        double _value = _p1 * x + self_w[0] * x;
        // grad of: return b * b * x * x + w[0] * x;
        _d_self_w[0] += x;
        double _d_x = _p1 + self_w[0];
        double _d_p0 = x * x;
        _d_x += x * _p0;
        double _d_self_b = 2 * _d_p0 * self_b;
        return new _Curvature(_value, _d_self_w, _d_self_b, _d_x);
    }

    /**
     * The tangent of {@code Models.curvature(double)} along {@code _t_self_w}, {@code _t_self_b}, {@code _t_x}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code curvature} and of its callers.
     *
     * @param self_w the argument {@code self_w} of {@code Models.curvature}
     * @param self_b the argument {@code self_b} of {@code Models.curvature}
     * @param x the argument {@code x} of {@code Models.curvature}
     * @param _t_self_w the tangent of {@code self_w}, the direction's component along it
     * @param _t_self_b the tangent of {@code self_b}, the direction's component along it
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _CurvatureTangent _curvatureTangent(double[] self_w, double self_b, double x,
            double[] _t_self_w, double _t_self_b, double _t_x) {
        double[] _d_self_w = new double[self_w.length];
        double[] _d_t_self_w = new double[_t_self_w.length];
        double _p0 = 2 * _t_self_b * self_b;
        double _p1 = self_b * self_b;
        double _p2 = _p0 * x + _p1 * _t_x;
        double _p3 = self_b * self_b;
        double _p4 = _p3 * x;
        double _value = _p2 * x + _p4 * _t_x + (_t_self_w[0] * x + self_w[0] * _t_x);
        _d_t_self_w[0] += x;
        double _d_x = _p2 + _t_self_w[0];
        _d_self_w[0] += _t_x;
        double _d_t_x = _p4 + self_w[0];
        double _d_p3 = _t_x * x;
        _d_x += _t_x * _p3;
        double _d_self_b = 2 * _d_p3 * self_b;
        double _d_p0 = x * x;
        _d_x += x * _p0;
        double _d_p1 = x * _t_x;
        _d_t_x += x * _p1;
        _d_self_b += 2 * _d_p1 * self_b;
        double _d_t_self_b = 2 * (_d_p0 * self_b);
        _d_self_b += _d_p0 * (2 * _t_self_b);
        return new _CurvatureTangent(_value, _d_self_w, _d_self_b, _d_x, _d_t_self_w, _d_t_self_b, _d_t_x);
    }

    /**
     * The value of {@code Models.curvature}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param self_w the argument {@code self_w}
     * @param self_b the argument {@code self_b}
     * @param x the argument {@code x}
     * @param _v_self_w the direction's part for {@code self_w}
     * @param _v_self_b the direction's part for {@code self_b}
     * @param _v_x the direction's part for {@code x}
     * @return the value, the gradient and the Hessian-vector product
     */
    private static CurvatureHvp _curvatureHvp(double[] self_w, double self_b, double x,
            double[] _v_self_w, double _v_self_b, double _v_x) {
        _CurvatureTangent _g = _curvatureTangent(self_w, self_b, x, _v_self_w, _v_self_b, _v_x);
        int _n = 2 + self_w.length;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        int _k = 0;
        for (int _i = 0; _i < self_w.length; _i++, _k++) {
            _gradient[_k] = _g._t_self_w()[_i];
            _hvp[_k] = _g.self_w()[_i];
        }
        _gradient[_k] = _g._t_self_b();
        _hvp[_k] = _g.self_b();
        _gradient[_k + 1] = _g._t_x();
        _hvp[_k + 1] = _g.x();
        return new CurvatureHvp(_curvature(self_w, self_b, x).value(), _gradient, _hvp);
    }

    /**
     * The value of {@code Models.curvature}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param self_w the argument {@code self_w}
     * @param self_b the argument {@code self_b}
     * @param x the argument {@code x}
     * @return the value, the gradient and the Hessian
     */
    private static CurvatureHessian _curvatureHessian(double[] self_w, double self_b, double x) {
        int _n = 2 + self_w.length;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            int _k = _j;
            double[] _v_self_w = new double[self_w.length];
            if (_k >= 0 && _k < self_w.length) {
                _v_self_w[_k] = 1;
            }
            _k -= self_w.length;
            double _v_self_b = _k == 0 ? 1 : 0;
            double _v_x = _k == 1 ? 1 : 0;
            CurvatureHvp _r = _curvatureHvp(self_w, self_b, x, _v_self_w, _v_self_b, _v_x);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new CurvatureHessian(_curvature(self_w, self_b, x).value(), _gradient, _hessian);
    }

    /**
     * The value of {@code Models.distance(Models)} and its gradient with respect to {@code self_w}, {@code self_b}.
     *
     * @param self_w the argument {@code self_w} of {@code Models.distance}
     * @param self_b the argument {@code self_b} of {@code Models.distance}
     * @param other_w the argument {@code other_w} of {@code Models.distance}
     * @param other_b the argument {@code other_b} of {@code Models.distance}
     * @return the value and the gradient
     */
    private static _Distance _distance(double[] self_w, double self_b, double[] other_w,
            double other_b) {
        double[] _d_self_w = new double[self_w.length];
        double s = (self_b - other_b) * (self_b - other_b);
        for (int i = 0; i < self_w.length; i++) {
            double d = self_w[i] - other_w[i];
            s += d * d;
            // grad of this iteration of: for (int i = 0; i < w.length; i++)
            // grad of: s += d * d;
            double _d_d = 2 * d;
            // grad of: double d = this.w[i] - other.w[i];
            _d_self_w[i] += _d_d;
        }
        double _value = s;
        // grad of: double s = (b - other.b) * (b - other.b);
        double _d_self_b = 2 * (self_b - other_b);
        return new _Distance(_value, _d_self_w, _d_self_b);
    }

    /**
     * The value of {@code Models.loss(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param self_w the argument {@code self_w} of {@code Models.loss}
     * @param self_b the argument {@code self_b} of {@code Models.loss}
     * @param x the argument {@code x} of {@code Models.loss}
     * @param y the argument {@code y} of {@code Models.loss}
     * @return the value and the gradient
     */
    private static _Loss _loss(double[] self_w, double self_b, double[] x, double y) {
        double[] _d_self_w = new double[self_w.length];
        double[] _d_x = new double[x.length];
        double s = self_b;
        for (int i = 0; i < self_w.length; i++) {
            s += self_w[i] * x[i];
        }
        double predict = s;
        double e = predict - y;
        double _value = e * e;
        // grad of: return e * e;
        double _d_e = 2 * e;
        // grad of: double e = predict(x) - y;
        double _d_y = -_d_e;
        // grad of: for (int i = 0; i < w.length; i++)
        for (int i = self_w.length - 1; i >= 0; i--) {
            // grad of: s += w[i] * x[i];
            _d_self_w[i] += _d_e * x[i];
            _d_x[i] += _d_e * self_w[i];
        }
        return new _Loss(_value, _d_self_w, _d_e, _d_x, _d_y);
    }

    /**
     * The value of {@code Models.loss(double[], double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param self_w the argument {@code self_w} of {@code Models.loss}
     * @param self_b the argument {@code self_b} of {@code Models.loss}
     * @param x the argument {@code x} of {@code Models.loss}
     * @param y the argument {@code y} of {@code Models.loss}
     * @param _t_self_w the tangent of {@code self_w}, shaped like it; where the method writes into {@code self_w}, the same elements of this array get the tangents of the values written
     * @param _t_self_b the tangent of {@code self_b}: the direction's component along it
     * @param _t_x the tangent of {@code x}, shaped like it; where the method writes into {@code x}, the same elements of this array get the tangents of the values written
     * @param _t_y the tangent of {@code y}: the direction's component along it
     * @return the value and the directional derivative
     * @see #loss
     */
    private static LossJvp _lossJvp(double[] self_w, double self_b, double[] x, double y,
            double[] _t_self_w, double _t_self_b, double[] _t_x, double _t_y) {
        double s = self_b;
        double _t_s = _t_self_b;
        for (int i = 0; i < self_w.length; i++) {
            s += self_w[i] * x[i];
            _t_s += _t_self_w[i] * x[i] + self_w[i] * _t_x[i];
        }
        double predict = s;
        double _t_predict = _t_s;
        double e = predict - y;
        double _t_e = _t_predict - _t_y;
        return new LossJvp(e * e, 2 * _t_e * e);
    }

    /**
     * The value of {@code Models.outputs(double[])} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, with respect to {@code self_w}, {@code self_b}, {@code x}, by one reverse sweep.
     *
     * @param self_w the argument {@code self_w} of {@code Models.outputs}
     * @param self_b the argument {@code self_b} of {@code Models.outputs}
     * @param x the argument {@code x} of {@code Models.outputs}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    private static _OutputsVjp _outputsVjp(double[] self_w, double self_b, double[] x,
            double[] cotangent) {
        double[] _d_self_w = new double[self_w.length];
        double[] _d_x = new double[x.length];
        double[] _result = null;
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = self_w[i] * x[i] + self_b;
        }
        double _t0 = r[0];
        r[0] = Math.tanh(r[0]);
        if (cotangent.length != r.length) {
            throw new IllegalArgumentException("the cotangent has " + cotangent.length + " elements; the value has " + r.length);
        }
        _result = r.clone();
        double[] _d_r = new double[r.length];
        for (int _i = 0; _i < r.length; _i++) {
            _d_r[_i] += cotangent[_i];
        }
        // grad of: r[0] = Math.tanh(r[0]);
        r[0] = _t0;
        _d_r[0] *= 1.0 - Math.tanh(r[0]) * Math.tanh(r[0]);
        double _d_self_b = 0.0;
        // grad of: for (int i = 0; i < x.length; i++)
        for (int i = x.length - 1; i >= 0; i--) {
            // grad of: r[i] = w[i] * x[i] + b;
            _d_self_w[i] += _d_r[i] * x[i];
            _d_x[i] += _d_r[i] * self_w[i];
            _d_self_b += _d_r[i];
            _d_r[i] = 0.0;
        }
        return new _OutputsVjp(_result, _d_self_w, _d_self_b, _d_x);
    }

    /**
     * The value of {@code Models.outputs(double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param self_w the argument {@code self_w} of {@code Models.outputs}
     * @param self_b the argument {@code self_b} of {@code Models.outputs}
     * @param x the argument {@code x} of {@code Models.outputs}
     * @param _t_self_w the tangent of {@code self_w}, shaped like it; where the method writes into {@code self_w}, the same elements of this array get the tangents of the values written
     * @param _t_self_b the tangent of {@code self_b}: the direction's component along it
     * @param _t_x the tangent of {@code x}, shaped like it; where the method writes into {@code x}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #_outputsVjp
     */
    private static OutputsJvp _outputsJvp(double[] self_w, double self_b, double[] x,
            double[] _t_self_w, double _t_self_b, double[] _t_x) {
        double[] r = new double[x.length];
        double[] _t_r = new double[r.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = self_w[i] * x[i] + self_b;
            _t_r[i] = _t_self_w[i] * x[i] + self_w[i] * _t_x[i] + _t_self_b;
        }
        _t_r[0] = (1.0 - Math.tanh(r[0]) * Math.tanh(r[0])) * _t_r[0];
        r[0] = Math.tanh(r[0]);
        return new OutputsJvp(r, _t_r);
    }

    /**
     * The value of {@code Models.repeated(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param self_w the argument {@code self_w} of {@code Models.repeated}
     * @param self_b the argument {@code self_b} of {@code Models.repeated}
     * @param x the argument {@code x} of {@code Models.repeated}
     * @return the value and the gradient
     */
    private static _Repeated _repeated(double[] self_w, double self_b, double x) {
        double _t0 = 0.0;
        double[] _t1 = null;
        double _t2 = 0.0;
        double _t3 = 0.0;
        double _p0 = 0.0;
        double[] _d_self_w = new double[self_w.length];
        double _q0;
        if (3 == 0) {
            _q0 = 1;
        } else {
            _Power _g0 = ModelsGrad._power(self_w, self_b, x, 3 - 1);
            _t0 = _g0.value();
            _t1 = _g0.self_w();
            _t2 = _g0.self_b();
            _t3 = _g0.x();
            _p0 = self_b * x;
            _q0 = _p0 * _g0.value();
        }
        double power = _q0;
        double _value = power + self_w[0];
        // grad of: return power(x, 3) + w[0];
        _d_self_w[0] += 1.0;
        double _d_self_b = 0.0;
        double _d_x = 0.0;
        if (!(3 == 0)) {
            _d_self_b = _t0 * x;
            _d_x = _t0 * self_b;
            Adjoint.addTo(_d_self_w, _p0, _t1);
            _d_self_b += _p0 * _t2;
            _d_x += _p0 * _t3;
        }
        return new _Repeated(_value, _d_self_w, _d_self_b, _d_x);
    }

    /**
     * The value of {@code Models.walk(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Models.walk}
     * @param dir the argument {@code dir} of {@code Models.walk}
     * @return the value and the gradient
     */
    public static Walk walk(double x, int dir) {
        double _sw_dx = 0.0;
        double _sw_dy = 0.0;
        if (dir == 0) {
            _sw_dx = x;
            _sw_dy = 0.0;
        } else if (dir == 1) {
            double _double0 = x * x;
            _sw_dx = 0.0;
            _sw_dy = _double0;
        } else {
            double _double1 = -x;
            _sw_dx = _double1;
            _sw_dy = 1.0;
        }
        double _value = _sw_dx * _sw_dx + _sw_dy;
        // grad of: return s.dx() * s.dx() + s.dy();
        double _d_sw_dx = 2 * _sw_dx;
        double _d_x;
        if (dir == 0) {
            _d_x = _d_sw_dx;
        } else if (dir == 1) {
            _d_x = 2 * x;
        } else {
            _d_x = -_d_sw_dx;
        }
        return new Walk(_value, _d_x);
    }

    /**
     * The value of {@code Models.power(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param self_w the argument {@code self_w} of {@code Models.power}
     * @param self_b the argument {@code self_b} of {@code Models.power}
     * @param x the argument {@code x} of {@code Models.power}
     * @param n the argument {@code n} of {@code Models.power}
     * @return the value and the gradient
     */
    private static _Power _power(double[] self_w, double self_b, double x, int n) {
        _Power _g0 = null;
        double _p0 = 0.0;
        double[] _d_self_w = new double[self_w.length];
        double _q0;
        if (n == 0) {
            _q0 = 1;
        } else {
            _g0 = ModelsGrad._power(self_w, self_b, x, n - 1);
            _p0 = self_b * x;
            _q0 = _p0 * _g0.value();
        }
        double _value = _q0;
        // grad of: return n == 0 ? 1 : b * x * power(x, n - 1);
        double _d_self_b = 0.0;
        double _d_x = 0.0;
        if (!(n == 0)) {
            _d_self_b = _g0.value() * x;
            _d_x = _g0.value() * self_b;
            Adjoint.addTo(_d_self_w, _p0, _g0.self_w());
            _d_self_b += _p0 * _g0.self_b();
            _d_x += _p0 * _g0.x();
        }
        return new _Power(_value, _d_self_w, _d_self_b, _d_x);
    }

    /**
     * The value of {@code Models.curvature} and its gradient; the gradient with respect to the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code curvature} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.curvature}
     * @return the value and the gradient
     */
    public static Curvature curvature(Models self, double x) {
        _Curvature _grad = _curvature(self.w, self.b, x);
        return new Curvature(_grad.value(), new ModelsTangent(_grad.self_w(), _grad.self_b()), _grad.x());
    }

    /**
     * The value of {@code Models.curvature}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order, a record's components in declaration order; the direction of a record parameter or the object is a tangent record of the same shape.
     *
     * @param self the object whose {@code curvature} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.curvature}
     * @param _v_self the direction's part for {@code self}, shaped like it
     * @param _v_x the direction's part for {@code x}, shaped like it
     * @return the value, the gradient and the Hessian-vector product
     */
    public static CurvatureHvp curvatureHvp(Models self, double x, ModelsTangent _v_self,
            double _v_x) {
        return _curvatureHvp(self.w, self.b, x, _v_self.w(), _v_self.b(), _v_x);
    }

    /**
     * The value of {@code Models.curvature}, its gradient and its Hessian, flattened in parameter order (a record's components in declaration order): one Hessian-vector product per unit direction.
     *
     * @param self the object whose {@code curvature} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.curvature}
     * @return the value, the gradient and the Hessian
     */
    public static CurvatureHessian curvatureHessian(Models self, double x) {
        return _curvatureHessian(self.w, self.b, x);
    }

    /**
     * The value of {@code Models.distance} and its gradient; the gradient with respect to the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code distance} is called (its fields are read, never written)
     * @param other the argument {@code other} of {@code Models.distance}
     * @return the value and the gradient
     */
    public static Distance distance(Models self, Models other) {
        _Distance _grad = _distance(self.w, self.b, other.w, other.b);
        return new Distance(_grad.value(), new ModelsTangent(_grad.self_w(), _grad.self_b()));
    }

    /**
     * The value of {@code Models.loss} and its gradient; the gradient with respect to the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code loss} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.loss}
     * @param y the argument {@code y} of {@code Models.loss}
     * @return the value and the gradient
     */
    public static Loss loss(Models self, double[] x, double y) {
        _Loss _grad = _loss(self.w, self.b, x, y);
        return new Loss(_grad.value(), new ModelsTangent(_grad.self_w(), _grad.self_b()), _grad.x(), _grad.y());
    }

    /**
     * The value of {@code Models.loss} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code loss} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.loss}
     * @param y the argument {@code y} of {@code Models.loss}
     * @param _t_self the tangent of {@code self}, shaped like it
     * @param _t_x the tangent of {@code x}, shaped like it
     * @param _t_y the tangent of {@code y}, shaped like it
     * @return the value and the directional derivative
     * @see #loss
     */
    public static LossJvp lossJvp(Models self, double[] x, double y, ModelsTangent _t_self,
            double[] _t_x, double _t_y) {
        return _lossJvp(self.w, self.b, x, y, _t_self.w(), _t_self.b(), _t_x, _t_y);
    }

    /**
     * The value of {@code Models.outputs} and a vector-Jacobian product: the gradient of the value's dot product with {@code cotangent}, by one reverse sweep; the part for the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code outputs} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.outputs}
     * @param cotangent a weight for each element of the value, as many as it has
     * @return the value and the vector-Jacobian product
     * @throws IllegalArgumentException if {@code cotangent} and the value differ in length
     */
    public static OutputsVjp outputsVjp(Models self, double[] x, double[] cotangent) {
        _OutputsVjp _grad = _outputsVjp(self.w, self.b, x, cotangent);
        return new OutputsVjp(_grad.value(), new ModelsTangent(_grad.self_w(), _grad.self_b()), _grad.x());
    }

    /**
     * The value of {@code Models.outputs(double[])} and its Jacobian with respect to every {@code double} parameter: row i holds the partial derivatives of the value's element i, flattened in parameter order (arrays row by row). One {@link #outputsVjp} per row, with a unit cotangent; or, where the value has more elements than the parameters, one {@link #outputsJvp} per column, with a unit tangent.
     *
     * @param self the argument {@code self} of {@code Models.outputs}
     * @param x the argument {@code x} of {@code Models.outputs}
     * @return the value and the Jacobian
     */
    public static OutputsJacobian outputsJacobian(Models self, double[] x) {
        double[] self_w = self.w;
        double self_b = self.b;
        double[] _value = self.outputs(x);
        int _n = 1 + self_w.length + x.length;
        double[][] _jacobian = new double[_value.length][];
        if (_n < _value.length) {
            for (int _i = 0; _i < _value.length; _i++) {
                _jacobian[_i] = new double[_n];
            }
            for (int _j = 0; _j < _n; _j++) {
                int _k = _j;
                double[] _t_self_w = new double[self_w.length];
                if (_k >= 0 && _k < self_w.length) {
                    _t_self_w[_k] = 1;
                }
                _k -= self_w.length;
                double _t_self_b = _k == 0 ? 1 : 0;
                _k--;
                double[] _t_x = new double[x.length];
                if (_k >= 0 && _k < x.length) {
                    _t_x[_k] = 1;
                }
                _k -= x.length;
                double[] _column = _outputsJvp(self_w, self_b, x, _t_self_w, _t_self_b, _t_x).tangent();
                for (int _i = 0; _i < _value.length; _i++) {
                    _jacobian[_i][_j] = _column[_i];
                }
            }
            return new OutputsJacobian(_value, _jacobian);
        }
        double[] _cotangent = new double[_value.length];
        for (int _i = 0; _i < _value.length; _i++) {
            _cotangent[_i] = 1;
            _OutputsVjp _row = _outputsVjp(self_w, self_b, x, _cotangent);
            _cotangent[_i] = 0;
            double[] _flat = new double[_n];
            System.arraycopy(_row.self_w(), 0, _flat, 0, self_w.length);
            int _k = self_w.length;
            _flat[_k] = _row.self_b();
            System.arraycopy(_row.x(), 0, _flat, _k + 1, x.length);
            _jacobian[_i] = _flat;
        }
        return new OutputsJacobian(_value, _jacobian);
    }

    /**
     * The value of {@code Models.outputs} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code outputs} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.outputs}
     * @param _t_self the tangent of {@code self}, shaped like it
     * @param _t_x the tangent of {@code x}, shaped like it
     * @return the value and the directional derivative
     * @see #outputs
     */
    public static OutputsJvp outputsJvp(Models self, double[] x, ModelsTangent _t_self,
            double[] _t_x) {
        return _outputsJvp(self.w, self.b, x, _t_self.w(), _t_self.b(), _t_x);
    }

    /**
     * The value of {@code Models.repeated} and its gradient; the gradient with respect to the object or a record is a tangent record of the same shape.
     *
     * @param self the object whose {@code repeated} is called (its fields are read, never written)
     * @param x the argument {@code x} of {@code Models.repeated}
     * @return the value and the gradient
     */
    public static Repeated repeated(Models self, double x) {
        _Repeated _grad = _repeated(self.w, self.b, x);
        return new Repeated(_grad.value(), new ModelsTangent(_grad.self_w(), _grad.self_b()), _grad.x());
    }

    /**
     * The result of {@link ModelsGrad#_curvature}: the value and the gradient.
     *
     * @param value the value of {@code curvature(double)}
     * @param self_w &part; value / &part; self_w, the partial derivative with respect to {@code self_w}
     * @param self_b &part; value / &part; self_b, the partial derivative with respect to {@code self_b}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    private record _Curvature(double value, double[] self_w, double self_b, double x) {
    }

    /**
     * The result of {@link ModelsGrad#_curvatureTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code curvature(double)} along {@code _t_self_w}, {@code _t_self_b}, {@code _t_x}
     * @param self_w &part; value / &part; self_w, the partial derivative with respect to {@code self_w}
     * @param self_b &part; value / &part; self_b, the partial derivative with respect to {@code self_b}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param _t_self_w &part; value / &part; _t_self_w, the partial derivative with respect to {@code _t_self_w}
     * @param _t_self_b &part; value / &part; _t_self_b, the partial derivative with respect to {@code _t_self_b}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     */
    private record _CurvatureTangent(double value, double[] self_w, double self_b, double x,
            double[] _t_self_w, double _t_self_b, double _t_x) {
    }

    /**
     * The result of {@link ModelsGrad#curvatureHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record CurvatureHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link ModelsGrad#curvatureHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record CurvatureHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link ModelsGrad#_distance}: the value and the gradient.
     *
     * @param value the value of {@code distance(Models)}
     * @param self_w &part; value / &part; self_w, the partial derivative with respect to {@code self_w}
     * @param self_b &part; value / &part; self_b, the partial derivative with respect to {@code self_b}
     */
    private record _Distance(double value, double[] self_w, double self_b) {
    }

    /**
     * The result of {@link ModelsGrad#_loss}: the value and the gradient.
     *
     * @param value the value of {@code loss(double[], double)}
     * @param self_w &part; value / &part; self_w, the partial derivative with respect to {@code self_w}
     * @param self_b &part; value / &part; self_b, the partial derivative with respect to {@code self_b}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    private record _Loss(double value, double[] self_w, double self_b, double[] x, double y) {
    }

    /**
     * The result of {@link ModelsGrad#lossJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code loss(double[], double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record LossJvp(double value, double tangent) {
    }

    /**
     * The result of {@link ModelsGrad#_outputsVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code outputs(double[])}
     * @param self_w the sum over the value's elements of the cotangent times their partial derivative with respect to {@code self_w}
     * @param self_b the sum over the value's elements of the cotangent times their partial derivative with respect to {@code self_b}
     * @param x the sum over the value's elements of the cotangent times their partial derivative with respect to {@code x}
     */
    private record _OutputsVjp(double[] value, double[] self_w, double self_b, double[] x) {
    }

    /**
     * The result of {@link ModelsGrad#outputsJvp}.
     *
     * @param value the value
     * @param tangent the Jacobian times the tangents passed, one element per element of the value
     */
    public record OutputsJvp(double[] value, double[] tangent) {
    }

    /**
     * The result of {@link ModelsGrad#_repeated}: the value and the gradient.
     *
     * @param value the value of {@code repeated(double)}
     * @param self_w &part; value / &part; self_w, the partial derivative with respect to {@code self_w}
     * @param self_b &part; value / &part; self_b, the partial derivative with respect to {@code self_b}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    private record _Repeated(double value, double[] self_w, double self_b, double x) {
    }

    /**
     * The result of {@link ModelsGrad#walk}: the value and the gradient.
     *
     * @param value the value of {@code walk(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Walk(double value, double x) {
    }

    /**
     * The result of {@link ModelsGrad#_power}: the value and the gradient.
     *
     * @param value the value of {@code power(double, int)}
     * @param self_w &part; value / &part; self_w, the partial derivative with respect to {@code self_w}
     * @param self_b &part; value / &part; self_b, the partial derivative with respect to {@code self_b}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    private record _Power(double value, double[] self_w, double self_b, double x) {
    }

    /**
     * The result of {@link ModelsGrad#curvature}: the value and the gradient.
     *
     * @param value the value of {@code curvature}
     * @param self &part; value / &part; self, component by component
     * @param x &part; value / &part; x
     */
    public record Curvature(double value, ModelsTangent self, double x) {
    }

    /**
     * The result of {@link ModelsGrad#distance}: the value and the gradient.
     *
     * @param value the value of {@code distance}
     * @param self &part; value / &part; self, component by component
     */
    public record Distance(double value, ModelsTangent self) {
    }

    /**
     * The result of {@link ModelsGrad#loss}: the value and the gradient.
     *
     * @param value the value of {@code loss}
     * @param self &part; value / &part; self, component by component
     * @param x &part; value / &part; x
     * @param y &part; value / &part; y
     */
    public record Loss(double value, ModelsTangent self, double[] x, double y) {
    }

    /**
     * The result of {@link ModelsGrad#outputsVjp}: the value and the vector-Jacobian product.
     *
     * @param value the value of {@code outputs}
     * @param self the sum over the value's elements of the cotangent times their partial derivative with respect to {@code self}, component by component
     * @param x the sum over the value's elements of the cotangent times their partial derivative with respect to {@code x}
     */
    public record OutputsVjp(double[] value, ModelsTangent self, double[] x) {
    }

    /**
     * The result of {@link ModelsGrad#outputsJacobian}.
     *
     * @param value the value
     * @param jacobian the Jacobian: one row per element of the value, one column per flattened parameter
     */
    public record OutputsJacobian(double[] value, double[][] jacobian) {
    }

    /**
     * The result of {@link ModelsGrad#repeated}: the value and the gradient.
     *
     * @param value the value of {@code repeated}
     * @param self &part; value / &part; self, component by component
     * @param x &part; value / &part; x
     */
    public record Repeated(double value, ModelsTangent self, double x) {
    }

    /**
     * A tangent or gradient of a {@link Models}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param w the part along field {@code w}
     * @param b the part along field {@code b}
     */
    public record ModelsTangent(double[] w, double b) {
    }
}
