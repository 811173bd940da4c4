package golden;

import com.opengamma.strata.math.MathUtils;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LibraryAsWritten}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LibraryAsWrittenGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LibraryAsWrittenGrad() {
    }

    /**
     * The value of {@code LibraryAsWritten.zOverChi(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param z the argument {@code z} of {@code LibraryAsWritten.zOverChi}
     * @param rho the argument {@code rho} of {@code LibraryAsWritten.zOverChi}
     * @return the value and the gradient
     */
    public static ZOverChi zOverChi(double z, double rho) {
        int unusedCounter = 0;
        double rhoStar = 1 - rho;
        double _pow20 = MathUtils.pow2(z);
        double _value = _pow20 * rhoStar + MathUtils.pow3(rho) - MathUtils.pow4(z) / 12;
        // grad of: return MathUtils.pow2(z) * rhoStar + MathUtils.pow3(rho) - MathUtils.pow4(z) / 12;
        double _d_rho = 3.0 * (rho * rho);
        double _d_z = -0.08333333333333333 * (4.0 * (z * (z * z)));
        _d_z += rhoStar * (2.0 * z);
        // grad of: double rhoStar = 1 - rho;
        _d_rho -= _pow20;
        return new ZOverChi(_value, _d_z, _d_rho);
    }

    /**
     * The result of {@link LibraryAsWrittenGrad#zOverChi}: the value and the gradient.
     *
     * @param value the value of {@code zOverChi(double, double)}
     * @param z &part; value / &part; z, the partial derivative with respect to {@code z}
     * @param rho &part; value / &part; rho, the partial derivative with respect to {@code rho}
     */
    public record ZOverChi(double value, double z, double rho) {
    }
}
