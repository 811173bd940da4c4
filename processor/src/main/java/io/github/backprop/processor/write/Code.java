package io.github.backprop.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of code as runs of text and the types between them, for expressions: JavaPoet prints
 * every piece of a {@link CodeBlock} on its own, splitting it into lines with a regular
 * expression, twice per file (once to gather the imports), so an expression built of nested
 * blocks, a piece per name and operator, cost more to print than to derive. {@link #block} gives
 * JavaPoet one piece per run of text, and the types, which it still names as it imports them.
 * The format takes {@code $L} (a {@link Code}, or any value as text) and {@code $T} (a {@link
 * TypeName}), as {@link CodeBlock#of} does.
 */
final class Code {
  /**
   * Strings, each run of text merged into one, {@link TypeName}s, blocks given whole, and
   * JavaPoet's layout markers ({@link Marker}).
   */
  private final List<Object> parts;

  private Code(List<Object> parts) {
    this.parts = parts;
  }

  static Code of(String format, Object... args) {
    return builder().add(format, args).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** The code as a JavaPoet block: {@code $L} for each run of text, {@code $T} for each type. */
  CodeBlock block() {
    StringBuilder format = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Marker m) {
        format.append(m.format);
        continue;
      }
      format.append(part instanceof TypeName ? "$T" : "$L");
      args.add(part);
    }
    return CodeBlock.of(format.toString(), args.toArray());
  }

  /** JavaPoet's markers of layout, which {@link Lines} places as its builder would. */
  enum Marker {
    INDENT("$>"),
    UNINDENT("$<"),
    STATEMENT_START("$["),
    STATEMENT_END("$]");

    private final String format;

    Marker(String format) {
      this.format = format;
    }
  }

  static final class Builder {
    private final List<Object> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Builder add(String format, Object... args) {
      int next = 0;
      for (int i = 0; i < format.length(); i++) {
        char c = format.charAt(i);
        if (c != '$') {
          text.append(c);
          continue;
        }
        char kind = ++i < format.length() ? format.charAt(i) : ' ';
        if (kind == 'L' && args[next] instanceof Code code) {
          next++;
          code.parts.forEach(this::part);
        } else if (kind == 'L' && args[next] instanceof CodeBlock block) {
          next++;
          part(block); // as it is: its text would name types in full
        } else if (kind == 'L') {
          text.append(args[next++]);
        } else if (kind == 'T' && args[next] instanceof TypeName type) {
          next++;
          part(type);
        } else {
          throw new IllegalArgumentException("format " + format + ": only $L and $T, $T a TypeName");
        }
      }
      if (next != args.length) {
        throw new IllegalArgumentException("format " + format + " takes " + next + " arguments, not " + args.length);
      }
      return this;
    }

    Builder marker(Marker m) {
      part(m);
      return this;
    }

    private void part(Object part) {
      if (part instanceof String s) {
        text.append(s);
      } else {
        flush();
        parts.add(part);
      }
    }

    private void flush() {
      if (text.length() > 0) {
        parts.add(text.toString());
        text.setLength(0);
      }
    }

    Code build() {
      flush();
      return new Code(List.copyOf(parts));
    }
  }
}
