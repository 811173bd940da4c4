package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ValueClasses}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ValueClassesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ValueClassesGrad() {
    }

    /**
     * The value of {@code ValueClasses.torque(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code ValueClasses.torque}
     * @param b the argument {@code b} of {@code ValueClasses.torque}
     * @return the value and the gradient
     */
    public static Torque torque(double a, double b) {
        double r_x = a;
        double r_y = b;
        double r_z = 1.0;
        double f_x = b;
        double f_y = 2.0;
        double f_z = a;
        double x = r_y * f_z - r_z * f_y;
        double y = r_z * f_x - r_x * f_z;
        double z = r_x * f_y - r_y * f_x;
        double crossProduct_x = x;
        double crossProduct_y = y;
        double crossProduct_z = z;
        double dotProduct = crossProduct_x * crossProduct_x + crossProduct_y * crossProduct_y + crossProduct_z * crossProduct_z;
        double getNorm = Math.sqrt(dotProduct);
        double x2 = r_x + f_x;
        double y2 = r_y + f_y;
        double z2 = r_z + f_z;
        double add_x = x2;
        double add_y = y2;
        double add_z = z2;
        double getX = add_x;
        double _value = getNorm + getX;
        // grad of: return r.crossProduct(f).getNorm() + r.add(f).getX();
        double _d_r_x = 1.0;
        double _d_f_x = 1.0;
        double _d_dotProduct = 0.5 / getNorm;
        double _d_crossProduct_x = 2 * _d_dotProduct * crossProduct_x;
        double _d_crossProduct_y = 2 * _d_dotProduct * crossProduct_y;
        double _d_crossProduct_z = 2 * _d_dotProduct * crossProduct_z;
        // grad of: return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
        _d_r_x += _d_crossProduct_z * f_y;
        double _d_r_y = -(_d_crossProduct_z * f_x);
        _d_f_x -= _d_crossProduct_z * r_y;
        _d_f_x += _d_crossProduct_y * r_z;
        _d_r_x -= _d_crossProduct_y * f_z;
        double _d_f_z = -(_d_crossProduct_y * r_x);
        _d_r_y += _d_crossProduct_x * f_z;
        _d_f_z += _d_crossProduct_x * r_y;
        // grad of: Vec3 f = new Vec3(b, 2, a);
        double _d_a = _d_f_z;
        double _d_b = _d_f_x;
        _d_b += _d_r_y;
        _d_a += _d_r_x;
        return new Torque(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code ValueClasses.work(Vec3, Vec3)} and its gradient with respect to every {@code double} parameter.
     *
     * @param force_x the argument {@code force_x} of {@code ValueClasses.work}
     * @param force_y the argument {@code force_y} of {@code ValueClasses.work}
     * @param force_z the argument {@code force_z} of {@code ValueClasses.work}
     * @param path_x the argument {@code path_x} of {@code ValueClasses.work}
     * @param path_y the argument {@code path_y} of {@code ValueClasses.work}
     * @param path_z the argument {@code path_z} of {@code ValueClasses.work}
     * @return the value and the gradient
     */
    private static _Work _work(double force_x, double force_y, double force_z, double path_x,
            double path_y, double path_z) {
        double dotProduct = force_x * path_x + force_y * path_y + force_z * path_z;
        double _value = dotProduct;
        return new _Work(_value, path_x, path_y, path_z, force_x, force_y, force_z);
    }

    /**
     * The value of {@code ValueClasses.work(Vec3, Vec3)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param force_x the argument {@code force_x} of {@code ValueClasses.work}
     * @param force_y the argument {@code force_y} of {@code ValueClasses.work}
     * @param force_z the argument {@code force_z} of {@code ValueClasses.work}
     * @param path_x the argument {@code path_x} of {@code ValueClasses.work}
     * @param path_y the argument {@code path_y} of {@code ValueClasses.work}
     * @param path_z the argument {@code path_z} of {@code ValueClasses.work}
     * @param _t_force_x the tangent of {@code force_x}: the direction's component along it
     * @param _t_force_y the tangent of {@code force_y}: the direction's component along it
     * @param _t_force_z the tangent of {@code force_z}: the direction's component along it
     * @param _t_path_x the tangent of {@code path_x}: the direction's component along it
     * @param _t_path_y the tangent of {@code path_y}: the direction's component along it
     * @param _t_path_z the tangent of {@code path_z}: the direction's component along it
     * @return the value and the directional derivative
     * @see #work
     */
    private static WorkJvp _workJvp(double force_x, double force_y, double force_z, double path_x,
            double path_y, double path_z, double _t_force_x, double _t_force_y, double _t_force_z,
            double _t_path_x, double _t_path_y, double _t_path_z) {
        double dotProduct = force_x * path_x + force_y * path_y + force_z * path_z;
        double _t_dotProduct = _t_force_x * path_x + force_x * _t_path_x + (_t_force_y * path_y + force_y * _t_path_y) + (_t_force_z * path_z + force_z * _t_path_z);
        return new WorkJvp(dotProduct, _t_dotProduct);
    }

    /**
     * The value of {@code ValueClasses.work} and its gradient; the gradient with respect to a record parameter is a tangent record of the same shape.
     *
     * @param force the argument {@code force} of {@code ValueClasses.work}
     * @param path the argument {@code path} of {@code ValueClasses.work}
     * @return the value and the gradient
     */
    public static Work work(ValueClasses.Vec3 force, ValueClasses.Vec3 path) {
        _Work _grad = _work(force.getX(), force.getY(), force.getZ(), path.getX(), path.getY(), path.getZ());
        return new Work(_grad.value(), new Vec3Tangent(_grad.force_x(), _grad.force_y(), _grad.force_z()), new Vec3Tangent(_grad.path_x(), _grad.path_y(), _grad.path_z()));
    }

    /**
     * The value of {@code ValueClasses.work} and its directional derivative along the tangents, by forward-mode differentiation; the tangent of a record parameter is a tangent record of the same shape.
     *
     * @param force the argument {@code force} of {@code ValueClasses.work}
     * @param path the argument {@code path} of {@code ValueClasses.work}
     * @param _t_force the tangent of {@code force}, shaped like it
     * @param _t_path the tangent of {@code path}, shaped like it
     * @return the value and the directional derivative
     * @see #work
     */
    public static WorkJvp workJvp(ValueClasses.Vec3 force, ValueClasses.Vec3 path,
            Vec3Tangent _t_force, Vec3Tangent _t_path) {
        return _workJvp(force.getX(), force.getY(), force.getZ(), path.getX(), path.getY(), path.getZ(), _t_force.x(), _t_force.y(), _t_force.z(), _t_path.x(), _t_path.y(), _t_path.z());
    }

    /**
     * The result of {@link ValueClassesGrad#torque}: the value and the gradient.
     *
     * @param value the value of {@code torque(double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Torque(double value, double a, double b) {
    }

    /**
     * The result of {@link ValueClassesGrad#_work}: the value and the gradient.
     *
     * @param value the value of {@code work(Vec3, Vec3)}
     * @param force_x &part; value / &part; force_x, the partial derivative with respect to {@code force_x}
     * @param force_y &part; value / &part; force_y, the partial derivative with respect to {@code force_y}
     * @param force_z &part; value / &part; force_z, the partial derivative with respect to {@code force_z}
     * @param path_x &part; value / &part; path_x, the partial derivative with respect to {@code path_x}
     * @param path_y &part; value / &part; path_y, the partial derivative with respect to {@code path_y}
     * @param path_z &part; value / &part; path_z, the partial derivative with respect to {@code path_z}
     */
    private record _Work(double value, double force_x, double force_y, double force_z,
            double path_x, double path_y, double path_z) {
    }

    /**
     * The result of {@link ValueClassesGrad#workJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code work(Vec3, Vec3)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record WorkJvp(double value, double tangent) {
    }

    /**
     * The result of {@link ValueClassesGrad#work}: the value and the gradient.
     *
     * @param value the value of {@code work}
     * @param force &part; value / &part; force, component by component
     * @param path &part; value / &part; path, component by component
     */
    public record Work(double value, Vec3Tangent force, Vec3Tangent path) {
    }

    /**
     * A tangent or gradient of a {@link ValueClasses.Vec3}: one component per component of it that carries a derivative, named the same; components of other types carry none and are left out.
     *
     * @param x the part along field {@code x}
     * @param y the part along field {@code y}
     * @param z the part along field {@code z}
     */
    public record Vec3Tangent(double x, double y, double z) {
    }
}
