package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Blocking}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class BlockingGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private BlockingGrad() {
    }

    /**
     * The value of {@code Blocking.mlp(double[][], double[], double[][], double[], double[][], int[])} and its gradient with respect to {@code w1}, {@code b1}, {@code w2}, {@code b2}.
     *
     * @param w1 the argument {@code w1} of {@code Blocking.mlp}
     * @param b1 the argument {@code b1} of {@code Blocking.mlp}
     * @param w2 the argument {@code w2} of {@code Blocking.mlp}
     * @param b2 the argument {@code b2} of {@code Blocking.mlp}
     * @param x the argument {@code x} of {@code Blocking.mlp}
     * @param labels the argument {@code labels} of {@code Blocking.mlp}
     * @return the value and the gradient
     */
    public static Mlp mlp(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x,
            int[] labels) {
        double[][] _d_w1 = Adjoint.zerosLike(w1);
        double[] _d_b1 = new double[b1.length];
        double[][] _d_w2 = Adjoint.zerosLike(w2);
        double[] _d_b2 = new double[b2.length];
        double _value = mlp(w1, b1, w2, b2, x, labels, _d_w1, _d_b1, _d_w2, _d_b2);
        return new Mlp(_value, _d_w1, _d_b1, _d_w2, _d_b2);
    }

    /**
     * The value of {@code Blocking.mlp(double[][], double[], double[][], double[], double[][], int[])}, after adding its gradient with respect to {@code w1}, {@code b1}, {@code w2}, {@code b2} into {@code _d_w1}, {@code _d_b1}, {@code _d_w2}, {@code _d_b2}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w1 the argument {@code w1} of {@code Blocking.mlp}
     * @param b1 the argument {@code b1} of {@code Blocking.mlp}
     * @param w2 the argument {@code w2} of {@code Blocking.mlp}
     * @param b2 the argument {@code b2} of {@code Blocking.mlp}
     * @param x the argument {@code x} of {@code Blocking.mlp}
     * @param labels the argument {@code labels} of {@code Blocking.mlp}
     * @param _d_w1 where the gradient with respect to {@code w1} is added
     * @param _d_b1 where the gradient with respect to {@code b1} is added
     * @param _d_w2 where the gradient with respect to {@code w2} is added
     * @param _d_b2 where the gradient with respect to {@code b2} is added
     * @return the value of {@code mlp}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #mlp
     */
    public static double mlp(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x,
            int[] labels, double[][] _d_w1, double[] _d_b1, double[][] _d_w2, double[] _d_b2) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w1", _d_w1, w1);
            Shapes.apart("w1", _d_w1, "b1", b1);
            Shapes.apart("w1", _d_w1, "w2", w2);
            Shapes.apart("w1", _d_w1, "b2", b2);
            Shapes.apart("w1", _d_w1, "x", x);
            Shapes.require("b1", _d_b1, b1);
            Shapes.apart("b1", _d_b1, "w1", w1);
            Shapes.apart("b1", _d_b1, "w2", w2);
            Shapes.apart("b1", _d_b1, "b2", b2);
            Shapes.apart("b1", _d_b1, "x", x);
            Shapes.require("w2", _d_w2, w2);
            Shapes.apart("w2", _d_w2, "w1", w1);
            Shapes.apart("w2", _d_w2, "b1", b1);
            Shapes.apart("w2", _d_w2, "b2", b2);
            Shapes.apart("w2", _d_w2, "x", x);
            Shapes.require("b2", _d_b2, b2);
            Shapes.apart("b2", _d_b2, "w1", w1);
            Shapes.apart("b2", _d_b2, "b1", b1);
            Shapes.apart("b2", _d_b2, "w2", w2);
            Shapes.apart("b2", _d_b2, "x", x);
            DoubleStack _doubles = _tape.doubles();
            double s = 0.0;
            double _exp0 = 0.0;
            double total = 0;
            // grad of: return total / x.length;
            double _d_total = 1.0 / x.length;
            int i = 0;
            // 4 iterations side by side: each sum adds their terms in iteration order
            for (; i < x.length - 3; i += 4) {
                int _i1 = i + 1;
                int _i2 = i + 2;
                int _i3 = i + 3;
                double _s1 = 0.0;
                double _s2 = 0.0;
                double _s3 = 0.0;
                double _exp1 = 0.0;
                double _exp2 = 0.0;
                double _exp3 = 0.0;
                double[] h = new double[b1.length];
                double[] _h1 = new double[b1.length];
                double[] _h2 = new double[b1.length];
                double[] _h3 = new double[b1.length];
                for (int j = 0; j < b1.length; j++) {
                    double a = b1[j];
                    double _a1 = b1[j];
                    double _a2 = b1[j];
                    double _a3 = b1[j];
                    for (int k = 0; k < w1[j].length; k++) {
                        a += w1[j][k] * x[i][k];
                        _a1 += w1[j][k] * x[_i1][k];
                        _a2 += w1[j][k] * x[_i2][k];
                        _a3 += w1[j][k] * x[_i3][k];
                    }
                    h[j] = Math.tanh(a);
                    _h1[j] = Math.tanh(_a1);
                    _h2[j] = Math.tanh(_a2);
                    _h3[j] = Math.tanh(_a3);
                }
                double[] z = new double[b2.length];
                double[] _z1 = new double[b2.length];
                double[] _z2 = new double[b2.length];
                double[] _z3 = new double[b2.length];
                double max = Double.NEGATIVE_INFINITY;
                double _max1 = Double.NEGATIVE_INFINITY;
                double _max2 = Double.NEGATIVE_INFINITY;
                double _max3 = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < b2.length; c++) {
                    _doubles.push(s);
                    _doubles.push(_s1);
                    _doubles.push(_s2);
                    _doubles.push(_s3);
                    s = b2[c];
                    _s1 = b2[c];
                    _s2 = b2[c];
                    _s3 = b2[c];
                    for (int j2 = 0; j2 < b1.length; j2++) {
                        s += w2[c][j2] * h[j2];
                        _s1 += w2[c][j2] * _h1[j2];
                        _s2 += w2[c][j2] * _h2[j2];
                        _s3 += w2[c][j2] * _h3[j2];
                    }
                    z[c] = s;
                    _z1[c] = _s1;
                    _z2[c] = _s2;
                    _z3[c] = _s3;
                    _doubles.push(max);
                    _doubles.push(_max1);
                    _doubles.push(_max2);
                    _doubles.push(_max3);
                    max = Math.max(max, s);
                    _max1 = Math.max(_max1, _s1);
                    _max2 = Math.max(_max2, _s2);
                    _max3 = Math.max(_max3, _s3);
                }
                double sum = 0;
                double _sum1 = 0;
                double _sum2 = 0;
                double _sum3 = 0;
                for (int c2 = 0; c2 < b2.length; c2++) {
                    _doubles.push(_exp0);
                    _doubles.push(_exp1);
                    _doubles.push(_exp2);
                    _doubles.push(_exp3);
                    _exp0 = Math.exp(z[c2] - max);
                    _exp1 = Math.exp(_z1[c2] - _max1);
                    _exp2 = Math.exp(_z2[c2] - _max2);
                    _exp3 = Math.exp(_z3[c2] - _max3);
                    sum += _exp0;
                    _sum1 += _exp1;
                    _sum2 += _exp2;
                    _sum3 += _exp3;
                }
                total += Math.log(sum) + max - z[labels[i]];
                total += Math.log(_sum1) + _max1 - _z1[labels[_i1]];
                total += Math.log(_sum2) + _max2 - _z2[labels[_i2]];
                total += Math.log(_sum3) + _max3 - _z3[labels[_i3]];
                // grad of this iteration of: for (int i = 0; i < x.length; i++)
                double[] _d_h = new double[h.length];
                double[] _d_h1 = new double[_h1.length];
                double[] _d_h2 = new double[_h2.length];
                double[] _d_h3 = new double[_h3.length];
                double[] _d_z = new double[z.length];
                double[] _d_z1 = new double[_z1.length];
                double[] _d_z2 = new double[_z2.length];
                double[] _d_z3 = new double[_z3.length];
                // grad of: total += Math.log(sum) + max - z[labels[i]];
                double _d_sum = _d_total / sum;
                double _d_sum1 = _d_total / _sum1;
                double _d_sum2 = _d_total / _sum2;
                double _d_sum3 = _d_total / _sum3;
                double _d_max = _d_total;
                double _d_max1 = _d_total;
                double _d_max2 = _d_total;
                double _d_max3 = _d_total;
                _d_z[labels[i]] -= _d_total;
                _d_z1[labels[_i1]] -= _d_total;
                _d_z2[labels[_i2]] -= _d_total;
                _d_z3[labels[_i3]] -= _d_total;
                // grad of: for (int c = 0; c < b2.length; c++)
                for (int c2 = b2.length - 1; c2 >= 0; c2--) {
                    // grad of: sum += Math.exp(z[c] - max);
                    double _r0 = _d_sum * _exp0;
                    double _r1 = _d_sum1 * _exp1;
                    double _r2 = _d_sum2 * _exp2;
                    double _r3 = _d_sum3 * _exp3;
                    _d_z[c2] += _r0;
                    _d_z1[c2] += _r1;
                    _d_z2[c2] += _r2;
                    _d_z3[c2] += _r3;
                    _d_max -= _r0;
                    _d_max1 -= _r1;
                    _d_max2 -= _r2;
                    _d_max3 -= _r3;
                    _exp3 = _doubles.pop();
                    _exp2 = _doubles.pop();
                    _exp1 = _doubles.pop();
                    _exp0 = _doubles.pop();
                }
                // grad of: for (int c = 0; c < b2.length; c++)
                for (int c = b2.length - 1; c >= 0; c--) {
                    // grad of: max = Math.max(max, s);
                    _max3 = _doubles.pop();
                    _max2 = _doubles.pop();
                    _max1 = _doubles.pop();
                    max = _doubles.pop();
                    double _d_s = s > max ? _d_max : s == max ? 0.5 * _d_max : 0.0;
                    double _d_s1 = _s1 > _max1 ? _d_max1 : _s1 == _max1 ? 0.5 * _d_max1 : 0.0;
                    double _d_s2 = _s2 > _max2 ? _d_max2 : _s2 == _max2 ? 0.5 * _d_max2 : 0.0;
                    double _d_s3 = _s3 > _max3 ? _d_max3 : _s3 == _max3 ? 0.5 * _d_max3 : 0.0;
                    _d_max = max > s ? _d_max : max == s ? 0.5 * _d_max : 0.0;
                    _d_max1 = _max1 > _s1 ? _d_max1 : _max1 == _s1 ? 0.5 * _d_max1 : 0.0;
                    _d_max2 = _max2 > _s2 ? _d_max2 : _max2 == _s2 ? 0.5 * _d_max2 : 0.0;
                    _d_max3 = _max3 > _s3 ? _d_max3 : _max3 == _s3 ? 0.5 * _d_max3 : 0.0;
                    // grad of: z[c] = s;
                    _d_s += _d_z[c];
                    _d_s1 += _d_z1[c];
                    _d_s2 += _d_z2[c];
                    _d_s3 += _d_z3[c];
                    _d_z[c] = 0.0;
                    _d_z1[c] = 0.0;
                    _d_z2[c] = 0.0;
                    _d_z3[c] = 0.0;
                    // grad of: for (int j = 0; j < b1.length; j++)
                    for (int j2 = b1.length - 1; j2 >= 0; j2--) {
                        // grad of: s += w2[c][j] * h[j];
                        _d_w2[c][j2] += _d_s * h[j2];
                        _d_w2[c][j2] += _d_s1 * _h1[j2];
                        _d_w2[c][j2] += _d_s2 * _h2[j2];
                        _d_w2[c][j2] += _d_s3 * _h3[j2];
                        _d_h[j2] += _d_s * w2[c][j2];
                        _d_h1[j2] += _d_s1 * w2[c][j2];
                        _d_h2[j2] += _d_s2 * w2[c][j2];
                        _d_h3[j2] += _d_s3 * w2[c][j2];
                    }
                    // grad of: double s = b2[c];
                    _d_b2[c] += _d_s;
                    _d_b2[c] += _d_s1;
                    _d_b2[c] += _d_s2;
                    _d_b2[c] += _d_s3;
                    _s3 = _doubles.pop();
                    _s2 = _doubles.pop();
                    _s1 = _doubles.pop();
                    s = _doubles.pop();
                }
                // grad of: for (int j = 0; j < b1.length; j++)
                for (int j = b1.length - 1; j >= 0; j--) {
                    // grad of: h[j] = Math.tanh(a);
                    double _d_a = _d_h[j] * (1.0 - h[j] * h[j]);
                    double _d_a1 = _d_h1[j] * (1.0 - _h1[j] * _h1[j]);
                    double _d_a2 = _d_h2[j] * (1.0 - _h2[j] * _h2[j]);
                    double _d_a3 = _d_h3[j] * (1.0 - _h3[j] * _h3[j]);
                    _d_h[j] = 0.0;
                    _d_h1[j] = 0.0;
                    _d_h2[j] = 0.0;
                    _d_h3[j] = 0.0;
                    // grad of: for (int k = 0; k < w1[j].length; k++)
                    for (int k = w1[j].length - 1; k >= 0; k--) {
                        // grad of: a += w1[j][k] * x[i][k];
                        _d_w1[j][k] += _d_a * x[i][k];
                        _d_w1[j][k] += _d_a1 * x[_i1][k];
                        _d_w1[j][k] += _d_a2 * x[_i2][k];
                        _d_w1[j][k] += _d_a3 * x[_i3][k];
                    }
                    // grad of: double a = b1[j];
                    _d_b1[j] += _d_a;
                    _d_b1[j] += _d_a1;
                    _d_b1[j] += _d_a2;
                    _d_b1[j] += _d_a3;
                }
            }
            // the iterations left over, one at a time
            for (; i < x.length; i++) {
                double[] h = new double[b1.length];
                for (int j = 0; j < b1.length; j++) {
                    double a = b1[j];
                    for (int k = 0; k < w1[j].length; k++) {
                        a += w1[j][k] * x[i][k];
                    }
                    h[j] = Math.tanh(a);
                }
                double[] z = new double[b2.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < b2.length; c++) {
                    _doubles.push(s);
                    s = b2[c];
                    for (int j2 = 0; j2 < b1.length; j2++) {
                        s += w2[c][j2] * h[j2];
                    }
                    z[c] = s;
                    _doubles.push(max);
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int c2 = 0; c2 < b2.length; c2++) {
                    _doubles.push(_exp0);
                    _exp0 = Math.exp(z[c2] - max);
                    sum += _exp0;
                }
                total += Math.log(sum) + max - z[labels[i]];
                // grad of this iteration of: for (int i = 0; i < x.length; i++)
                double[] _d_h = new double[h.length];
                double[] _d_z = new double[z.length];
                // grad of: total += Math.log(sum) + max - z[labels[i]];
                double _d_sum = _d_total / sum;
                double _d_max = _d_total;
                _d_z[labels[i]] -= _d_total;
                // grad of: for (int c = 0; c < b2.length; c++)
                for (int c2 = b2.length - 1; c2 >= 0; c2--) {
                    // grad of: sum += Math.exp(z[c] - max);
                    double _r0 = _d_sum * _exp0;
                    _d_z[c2] += _r0;
                    _d_max -= _r0;
                    _exp0 = _doubles.pop();
                }
                // grad of: for (int c = 0; c < b2.length; c++)
                for (int c = b2.length - 1; c >= 0; c--) {
                    // grad of: max = Math.max(max, s);
                    max = _doubles.pop();
                    double _d_s = s > max ? _d_max : s == max ? 0.5 * _d_max : 0.0;
                    _d_max = max > s ? _d_max : max == s ? 0.5 * _d_max : 0.0;
                    // grad of: z[c] = s;
                    _d_s += _d_z[c];
                    _d_z[c] = 0.0;
                    // grad of: for (int j = 0; j < b1.length; j++)
                    for (int j2 = b1.length - 1; j2 >= 0; j2--) {
                        // grad of: s += w2[c][j] * h[j];
                        _d_w2[c][j2] += _d_s * h[j2];
                        _d_h[j2] += _d_s * w2[c][j2];
                    }
                    // grad of: double s = b2[c];
                    _d_b2[c] += _d_s;
                    s = _doubles.pop();
                }
                // grad of: for (int j = 0; j < b1.length; j++)
                for (int j = b1.length - 1; j >= 0; j--) {
                    // grad of: h[j] = Math.tanh(a);
                    double _d_a = _d_h[j] * (1.0 - h[j] * h[j]);
                    _d_h[j] = 0.0;
                    // grad of: for (int k = 0; k < w1[j].length; k++)
                    for (int k = w1[j].length - 1; k >= 0; k--) {
                        // grad of: a += w1[j][k] * x[i][k];
                        _d_w1[j][k] += _d_a * x[i][k];
                    }
                    // grad of: double a = b1[j];
                    _d_b1[j] += _d_a;
                }
            }
            double _value = total / x.length;
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Blocking.packed(double[], double[][], double[])} and its gradient with respect to {@code w}.
     *
     * @param w the argument {@code w} of {@code Blocking.packed}
     * @param x the argument {@code x} of {@code Blocking.packed}
     * @param y the argument {@code y} of {@code Blocking.packed}
     * @return the value and the gradient
     */
    public static Packed packed(double[] w, double[][] x, double[] y) {
        double[] _d_w = new double[w.length];
        double _value = packed(w, x, y, _d_w);
        return new Packed(_value, _d_w);
    }

    /**
     * The value of {@code Blocking.packed(double[], double[][], double[])}, after adding its gradient with respect to {@code w} into {@code _d_w}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code Blocking.packed}
     * @param x the argument {@code x} of {@code Blocking.packed}
     * @param y the argument {@code y} of {@code Blocking.packed}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @return the value of {@code packed}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #packed
     */
    public static double packed(double[] w, double[][] x, double[] y, double[] _d_w) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w", _d_w, w);
            Shapes.apart("w", _d_w, "x", x);
            Shapes.apart("w", _d_w, "y", y);
            DoubleStack _doubles = _tape.doubles();
            double _tanh0 = 0.0;
            double total = 0;
            // grad of: return total / x.length;
            double _d_total = 1.0 / x.length;
            int i = 0;
            // 4 iterations side by side: each sum adds their terms in iteration order
            for (; i < x.length - 3; i += 4) {
                int _i1 = i + 1;
                int _i2 = i + 2;
                int _i3 = i + 3;
                double _tanh1 = 0.0;
                double _tanh2 = 0.0;
                double _tanh3 = 0.0;
                double out = w[16];
                double _out1 = w[16];
                double _out2 = w[16];
                double _out3 = w[16];
                for (int j = 0; j < 4; j++) {
                    double pre = w[2 * j] * x[i][0] + w[2 * j + 1] * x[i][1] + w[8 + j];
                    double _pre1 = w[2 * j] * x[_i1][0] + w[2 * j + 1] * x[_i1][1] + w[8 + j];
                    double _pre2 = w[2 * j] * x[_i2][0] + w[2 * j + 1] * x[_i2][1] + w[8 + j];
                    double _pre3 = w[2 * j] * x[_i3][0] + w[2 * j + 1] * x[_i3][1] + w[8 + j];
                    _doubles.push(_tanh0);
                    _doubles.push(_tanh1);
                    _doubles.push(_tanh2);
                    _doubles.push(_tanh3);
                    _tanh0 = Math.tanh(pre);
                    _tanh1 = Math.tanh(_pre1);
                    _tanh2 = Math.tanh(_pre2);
                    _tanh3 = Math.tanh(_pre3);
                    out += w[12 + j] * _tanh0;
                    _out1 += w[12 + j] * _tanh1;
                    _out2 += w[12 + j] * _tanh2;
                    _out3 += w[12 + j] * _tanh3;
                }
                double r = out - y[i];
                double _r1 = _out1 - y[_i1];
                double _r2 = _out2 - y[_i2];
                double _r3 = _out3 - y[_i3];
                total += r * r;
                total += _r1 * _r1;
                total += _r2 * _r2;
                total += _r3 * _r3;
                // grad of this iteration of: for (int i = 0; i < x.length; i++)
                // grad of: total += r * r;
                double _d_r = 2 * _d_total * r;
                double _d_r1 = 2 * _d_total * _r1;
                double _d_r2 = 2 * _d_total * _r2;
                double _d_r3 = 2 * _d_total * _r3;
                // grad of: for (int j = 0; j < 4; j++)
                for (int j = 3; j >= 0; j--) {
                    // grad of: out += w[12 + j] * Math.tanh(pre);
                    _d_w[12 + j] += _d_r * _tanh0;
                    _d_w[12 + j] += _d_r1 * _tanh1;
                    _d_w[12 + j] += _d_r2 * _tanh2;
                    _d_w[12 + j] += _d_r3 * _tanh3;
                    double _d_tanh0 = _d_r * w[12 + j];
                    double _d_tanh1 = _d_r1 * w[12 + j];
                    double _d_tanh2 = _d_r2 * w[12 + j];
                    double _d_tanh3 = _d_r3 * w[12 + j];
                    double _d_pre = _d_tanh0 * (1.0 - _tanh0 * _tanh0);
                    double _d_pre1 = _d_tanh1 * (1.0 - _tanh1 * _tanh1);
                    double _d_pre2 = _d_tanh2 * (1.0 - _tanh2 * _tanh2);
                    double _d_pre3 = _d_tanh3 * (1.0 - _tanh3 * _tanh3);
                    _tanh3 = _doubles.pop();
                    _tanh2 = _doubles.pop();
                    _tanh1 = _doubles.pop();
                    _tanh0 = _doubles.pop();
                    // grad of: double pre = w[2 * j] * x[i][0] + w[2 * j + 1] * x[i][1] + w[8 + j];
                    _d_w[2 * j] += _d_pre * x[i][0];
                    _d_w[2 * j] += _d_pre1 * x[_i1][0];
                    _d_w[2 * j] += _d_pre2 * x[_i2][0];
                    _d_w[2 * j] += _d_pre3 * x[_i3][0];
                    _d_w[2 * j + 1] += _d_pre * x[i][1];
                    _d_w[2 * j + 1] += _d_pre1 * x[_i1][1];
                    _d_w[2 * j + 1] += _d_pre2 * x[_i2][1];
                    _d_w[2 * j + 1] += _d_pre3 * x[_i3][1];
                    _d_w[8 + j] += _d_pre;
                    _d_w[8 + j] += _d_pre1;
                    _d_w[8 + j] += _d_pre2;
                    _d_w[8 + j] += _d_pre3;
                }
                // grad of: double out = w[16];
                _d_w[16] += _d_r;
                _d_w[16] += _d_r1;
                _d_w[16] += _d_r2;
                _d_w[16] += _d_r3;
            }
            // the iterations left over, one at a time
            for (; i < x.length; i++) {
                double out = w[16];
                for (int j = 0; j < 4; j++) {
                    double pre = w[2 * j] * x[i][0] + w[2 * j + 1] * x[i][1] + w[8 + j];
                    _doubles.push(_tanh0);
                    _tanh0 = Math.tanh(pre);
                    out += w[12 + j] * _tanh0;
                }
                double r = out - y[i];
                total += r * r;
                // grad of this iteration of: for (int i = 0; i < x.length; i++)
                // grad of: total += r * r;
                double _d_r = 2 * _d_total * r;
                // grad of: for (int j = 0; j < 4; j++)
                for (int j = 3; j >= 0; j--) {
                    // grad of: out += w[12 + j] * Math.tanh(pre);
                    _d_w[12 + j] += _d_r * _tanh0;
                    double _d_tanh0 = _d_r * w[12 + j];
                    double _d_pre = _d_tanh0 * (1.0 - _tanh0 * _tanh0);
                    _tanh0 = _doubles.pop();
                    // grad of: double pre = w[2 * j] * x[i][0] + w[2 * j + 1] * x[i][1] + w[8 + j];
                    _d_w[2 * j] += _d_pre * x[i][0];
                    _d_w[2 * j + 1] += _d_pre * x[i][1];
                    _d_w[8 + j] += _d_pre;
                }
                // grad of: double out = w[16];
                _d_w[16] += _d_r;
            }
            double _value = total / x.length;
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Blocking.ragged(double[], double[], double[][], double[], int)} and its gradient with respect to {@code w}, {@code v}.
     *
     * @param w the argument {@code w} of {@code Blocking.ragged}
     * @param v the argument {@code v} of {@code Blocking.ragged}
     * @param x the argument {@code x} of {@code Blocking.ragged}
     * @param y the argument {@code y} of {@code Blocking.ragged}
     * @param n the argument {@code n} of {@code Blocking.ragged}
     * @return the value and the gradient
     */
    public static Ragged ragged(double[] w, double[] v, double[][] x, double[] y, int n) {
        double[] _d_w = new double[w.length];
        double[] _d_v = new double[v.length];
        double _value = ragged(w, v, x, y, n, _d_w, _d_v);
        return new Ragged(_value, _d_w, _d_v);
    }

    /**
     * The value of {@code Blocking.ragged(double[], double[], double[][], double[], int)}, after adding its gradient with respect to {@code w}, {@code v} into {@code _d_w}, {@code _d_v}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code Blocking.ragged}
     * @param v the argument {@code v} of {@code Blocking.ragged}
     * @param x the argument {@code x} of {@code Blocking.ragged}
     * @param y the argument {@code y} of {@code Blocking.ragged}
     * @param n the argument {@code n} of {@code Blocking.ragged}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_v where the gradient with respect to {@code v} is added
     * @return the value of {@code ragged}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #ragged
     */
    public static double ragged(double[] w, double[] v, double[][] x, double[] y, int n,
            double[] _d_w, double[] _d_v) {
        Shapes.require("w", _d_w, w);
        Shapes.apart("w", _d_w, "v", v);
        Shapes.apart("w", _d_w, "x", x);
        Shapes.apart("w", _d_w, "y", y);
        Shapes.require("v", _d_v, v);
        Shapes.apart("v", _d_v, "w", w);
        Shapes.apart("v", _d_v, "x", x);
        Shapes.apart("v", _d_v, "y", y);
        double loss = 0;
        int s = 0;
        // 4 iterations side by side: each sum adds their terms in iteration order
        for (; n - s > 3; s += 4) {
            int _s1 = s + 1;
            int _s2 = s + 2;
            int _s3 = s + 3;
            double z = 0;
            double _z1 = 0;
            double _z2 = 0;
            double _z3 = 0;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * x[s][j];
                _z1 += w[j] * x[_s1][j];
                _z2 += w[j] * x[_s2][j];
                _z3 += w[j] * x[_s3][j];
            }
            for (int j2 = 0; j2 < x[s].length - w.length; j2++) {
                z += v[j2] * x[s][w.length + j2];
            }
            for (int _j1 = 0; _j1 < x[_s1].length - w.length; _j1++) {
                _z1 += v[_j1] * x[_s1][w.length + _j1];
            }
            for (int _j2 = 0; _j2 < x[_s2].length - w.length; _j2++) {
                _z2 += v[_j2] * x[_s2][w.length + _j2];
            }
            for (int _j3 = 0; _j3 < x[_s3].length - w.length; _j3++) {
                _z3 += v[_j3] * x[_s3][w.length + _j3];
            }
            loss += (z - y[s]) * (z - y[s]);
            loss += (_z1 - y[_s1]) * (_z1 - y[_s1]);
            loss += (_z2 - y[_s2]) * (_z2 - y[_s2]);
            loss += (_z3 - y[_s3]) * (_z3 - y[_s3]);
            // grad of this iteration of: for (int s = 0; s < n; s++)
            // grad of: loss += (z - y[s]) * (z - y[s]);
            double _d_z = 2 * (z - y[s]);
            double _d_z1 = 2 * (_z1 - y[_s1]);
            double _d_z2 = 2 * (_z2 - y[_s2]);
            double _d_z3 = 2 * (_z3 - y[_s3]);
            // grad of: for (int j = 0; j < x[s].length - w.length; j++)
            for (int j2 = x[s].length - w.length - 1; j2 >= 0; j2--) {
                // grad of: z += v[j] * x[s][w.length + j];
                _d_v[j2] += _d_z * x[s][w.length + j2];
            }
            for (int _j1 = x[_s1].length - w.length - 1; _j1 >= 0; _j1--) {
                // grad of: z += v[j] * x[s][w.length + j];
                _d_v[_j1] += _d_z1 * x[_s1][w.length + _j1];
            }
            for (int _j2 = x[_s2].length - w.length - 1; _j2 >= 0; _j2--) {
                // grad of: z += v[j] * x[s][w.length + j];
                _d_v[_j2] += _d_z2 * x[_s2][w.length + _j2];
            }
            for (int _j3 = x[_s3].length - w.length - 1; _j3 >= 0; _j3--) {
                // grad of: z += v[j] * x[s][w.length + j];
                _d_v[_j3] += _d_z3 * x[_s3][w.length + _j3];
            }
            // grad of: for (int j = 0; j < w.length; j++)
            for (int j = w.length - 1; j >= 0; j--) {
                // grad of: z += w[j] * x[s][j];
                _d_w[j] += _d_z * x[s][j];
                _d_w[j] += _d_z1 * x[_s1][j];
                _d_w[j] += _d_z2 * x[_s2][j];
                _d_w[j] += _d_z3 * x[_s3][j];
            }
        }
        // the iterations left over, one at a time
        for (; s < n; s++) {
            double z = 0;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * x[s][j];
            }
            for (int j2 = 0; j2 < x[s].length - w.length; j2++) {
                z += v[j2] * x[s][w.length + j2];
            }
            loss += (z - y[s]) * (z - y[s]);
            // grad of this iteration of: for (int s = 0; s < n; s++)
            // grad of: loss += (z - y[s]) * (z - y[s]);
            double _d_z = 2 * (z - y[s]);
            // grad of: for (int j = 0; j < x[s].length - w.length; j++)
            for (int j2 = x[s].length - w.length - 1; j2 >= 0; j2--) {
                // grad of: z += v[j] * x[s][w.length + j];
                _d_v[j2] += _d_z * x[s][w.length + j2];
            }
            // grad of: for (int j = 0; j < w.length; j++)
            for (int j = w.length - 1; j >= 0; j--) {
                // grad of: z += w[j] * x[s][j];
                _d_w[j] += _d_z * x[s][j];
            }
        }
        double _value = loss;
        return _value;
    }

    /**
     * The result of {@link BlockingGrad#mlp}: the value and the gradient.
     *
     * @param value the value of {@code mlp(double[][], double[], double[][], double[], double[][], int[])}
     * @param w1 &part; value / &part; w1, the partial derivative with respect to {@code w1}
     * @param b1 &part; value / &part; b1, the partial derivative with respect to {@code b1}
     * @param w2 &part; value / &part; w2, the partial derivative with respect to {@code w2}
     * @param b2 &part; value / &part; b2, the partial derivative with respect to {@code b2}
     */
    public record Mlp(double value, double[][] w1, double[] b1, double[][] w2, double[] b2) {
    }

    /**
     * The result of {@link BlockingGrad#packed}: the value and the gradient.
     *
     * @param value the value of {@code packed(double[], double[][], double[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Packed(double value, double[] w) {
    }

    /**
     * The result of {@link BlockingGrad#ragged}: the value and the gradient.
     *
     * @param value the value of {@code ragged(double[], double[], double[][], double[], int)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     */
    public record Ragged(double value, double[] w, double[] v) {
    }
}
