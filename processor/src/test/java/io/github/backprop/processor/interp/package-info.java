/**
 * An interpreter of the processor's IR, for tests: a pass of the derive stage can be checked by
 * running its input and its output directly, without javac compiling what it produced.
 *
 * <p>{@link io.github.backprop.processor.interp.Interpreter} runs statements and expressions with
 * Java's semantics (values as boxes of their primitive type, so float rounds and int wraps;
 * arrays as real arrays; the runtime's tape stacks; calls out of the IR by reflection through a
 * {@link io.github.backprop.processor.interp.Linker}); a node kind it has no method for fails by
 * name. {@link io.github.backprop.processor.interp.Run} runs whole methods: the model as read, a
 * body as a pass leaves it, the gradient assembled as the writer assembles it, forward mode.
 * {@code processor/Derivations} compiles sources with the real processor and keeps each method's
 * model and derived IR next to the classes javac wrote; {@link
 * io.github.backprop.processor.interp.Agreement} holds the interpreted IR to the compiled code,
 * bit for bit, and to finite differences.
 *
 * <p>To test a pass: compile a source with {@code Derivations}, take a method's model or
 * gradient, apply the pass (tests in the pass's package reach package-private passes), and
 * compare {@code Run} before and after at random points ({@link
 * io.github.backprop.processor.interp.Points}), as {@code derive/InterpreterPassesTest} does.
 */
package io.github.backprop.processor.interp;
