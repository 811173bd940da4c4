package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LibraryShapes}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LibraryShapesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LibraryShapesGrad() {
    }

    /**
     * The value of {@code LibraryShapes.incomplete(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param phi the argument {@code phi} of {@code LibraryShapes.incomplete}
     * @param m the argument {@code m} of {@code LibraryShapes.incomplete}
     * @return the value and the gradient
     */
    public static Incomplete incomplete(double phi, double m) {
        boolean ar_negate = false;
        double sin = Math.sin(phi);
        int p = (int) Math.rint(phi / Math.PI);
        double _q0;
        if (p == 0) {
            _q0 = 0;
        } else {
            double complete = Math.PI / 2 * (1 + m / 4);
            _q0 = complete * 2 * p;
        }
        double ar_complete = _q0;
        ar_negate = sin < 0 ^ (p & 1) == 1;
        double _p0 = sin * sin;
        double ar_csc2 = 1.0 / _p0;
        double part = Math.sqrt(ar_csc2 - m);
        double _value = ar_negate ? ar_complete - part : ar_complete + part;
        // grad of: return ar.negate ? ar.complete - part : ar.complete + part;
        double _d_ar_complete;
        double _d_part;
        if (ar_negate) {
            _d_ar_complete = 1.0;
            _d_part = -1.0;
        } else {
            _d_ar_complete = 1.0;
            _d_part = 1.0;
        }
        // grad of: final double part = Math.sqrt(ar.csc2 - m);
        double _r0 = _d_part * (0.5 / part);
        double _d_m = -_r0;
        // grad of: final Reduction ar = new Reduction(phi, m, LibraryShapes::complete);
        double _d_p0 = -(_r0 / _p0 / _p0);
        double _d_sin = 2 * _d_p0 * sin;
        if (!(p == 0)) {
            double _d_complete = 2 * (_d_ar_complete * p);
            _d_m += _d_complete * (Math.PI / 2) / 4;
        }
        double _d_phi = _d_sin * Math.cos(phi);
        return new Incomplete(_value, _d_phi, _d_m);
    }

    /**
     * The value of {@code LibraryShapes.logAbsOf(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param z the argument {@code z} of {@code LibraryShapes.logAbsOf}
     * @return the value and the gradient
     */
    public static LogAbsOf logAbsOf(double z) {
        double _abs0 = Math.abs(z);
        double logAbs = Math.log(_abs0);
        double _value = logAbs;
        // grad of: return logAbs(z, null);
        double _d_abs0 = 1.0 / _abs0;
        double _d_z = _d_abs0 * Math.signum(z);
        return new LogAbsOf(_value, _d_z);
    }

    /**
     * The result of {@link LibraryShapesGrad#incomplete}: the value and the gradient.
     *
     * @param value the value of {@code incomplete(double, double)}
     * @param phi &part; value / &part; phi, the partial derivative with respect to {@code phi}
     * @param m &part; value / &part; m, the partial derivative with respect to {@code m}
     */
    public record Incomplete(double value, double phi, double m) {
    }

    /**
     * The result of {@link LibraryShapesGrad#logAbsOf}: the value and the gradient.
     *
     * @param value the value of {@code logAbsOf(double)}
     * @param z &part; value / &part; z, the partial derivative with respect to {@code z}
     */
    public record LogAbsOf(double value, double z) {
    }
}
