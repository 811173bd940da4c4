package io.github.backprop.processor;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.ir.MethodModel;

/** The derive stage, replaceable so a test can make it fail or keep what it derives. */
interface Deriver {
  GradMethod derive(MethodModel model, Activity activity, ErrorReporter reporter);
}
