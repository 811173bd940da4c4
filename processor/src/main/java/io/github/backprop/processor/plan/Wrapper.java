package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.ParamShape;
import java.util.List;

/**
 * The public face of a {@code @Differentiable} method with record parameters, over its private
 * gradient over the components.
 *
 * @param flat the private gradient of the method over the components
 * @param record the public result record's name, e.g. {@code Price}
 * @param shapes how each source parameter maps to {@code flat}'s parameters
 */
public record Wrapper(Entry flat, String record, List<ParamShape> shapes) {}
