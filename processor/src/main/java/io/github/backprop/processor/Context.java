package io.github.backprop.processor;

import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.read.CalleeCache;
import io.github.backprop.processor.read.Overrides;
import io.github.backprop.processor.rules.CustomRules;
import javax.lang.model.util.Elements;

/**
 * What the stages of one round share: javac's trees and elements, the round's reporter, the
 * compilation's rules and classes as gathered so far, the derive stage, and what reading its
 * methods learned of their callees.
 */
record Context(
    Trees trees, Elements elements, ErrorReporter reporter, CustomRules rules, Overrides overrides,
    Deriver deriver, SourceUnits units, CalleeCache callees) {}
