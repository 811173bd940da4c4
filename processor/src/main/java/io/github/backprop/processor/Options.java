package io.github.backprop.processor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * The {@code -Abackprop.*} options, read once. A value backprop does not know is an error naming
 * the option and the values it takes: ignoring {@code -Abackprop.blocking=no} would run the
 * blocked code its author meant to turn off, without a word.
 *
 * @param debug whether each generated class is printed as a note
 * @param stages whether each method is printed after every pass of the derive stage too
 * @param blocking whether sums over samples run several side by side
 */
record Options(boolean debug, boolean stages, boolean blocking) {
  /** The options of {@code given}; each bad value reported on {@code messager}, its default kept. */
  static Options read(Map<String, String> given, Messager messager) {
    String debug = value(given, BackpropProcessor.DEBUG, "false", "true", "stages");
    String blocking = value(given, BackpropProcessor.BLOCKING, "true", "false");
    if (debug == null) {
      bad(messager, BackpropProcessor.DEBUG, given.get(BackpropProcessor.DEBUG), "true, false or stages");
      debug = "false";
    }
    if (blocking == null) {
      bad(messager, BackpropProcessor.BLOCKING, given.get(BackpropProcessor.BLOCKING), "true or false");
      blocking = "true";
    }
    return new Options(!debug.equals("false"), debug.equals("stages"), blocking.equals("true"));
  }

  /**
   * The option's value in lower case, one of {@code allowed}: {@code absent} when the option is not
   * given, "true" when it is given without a value ({@code -Abackprop.debug}); null if unknown.
   */
  private static String value(Map<String, String> given, String option, String absent, String... allowed) {
    if (!given.containsKey(option)) {
      return absent;
    }
    String v = given.get(option);
    if (v == null) {
      return "true";
    }
    v = v.trim().toLowerCase(Locale.ROOT);
    return v.equals(absent) || Arrays.asList(allowed).contains(v) ? v : null;
  }

  private static void bad(Messager messager, String option, String value, String allowed) {
    messager.printMessage(
        Diagnostic.Kind.ERROR,
        "[BackpropOption] -A" + option + "=" + value + " is not a value backprop knows: write -A" + option
            + "= followed by " + allowed);
  }
}
