package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java kept as written ({@link Expr.Foreign}) evaluated by a small parser over its parts: the
 * text between the IR's values and classes is lexed, and calls (static, on a value, {@code new}),
 * fields, literals, casts, string concatenation, comparisons, {@code !}, {@code &&}, {@code ||},
 * {@code ?:}, an assignment to a variable of the method and {@code assert} are evaluated left to
 * right as Java does. Anything else (a lambda, an array creation, {@code instanceof}) fails with
 * the text, never skipped.
 */
final class ForeignCode {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?[lLfFdD]?"
              + "|\\.\\d+(?:[eE][+-]?\\d+)?[fFdD]?|[A-Za-z_$][\\w$]*|==|!=|<=|>=|&&|\\|\\||->|::|[-+*/%<>!=.,()\\[\\]?:;|&^~{}])");
  private static final java.util.Set<String> PRIMITIVES =
      java.util.Set.of("double", "float", "long", "int", "short", "byte", "char", "boolean");

  private final Interpreter in;
  private List<Object> tokens;
  private int pos;
  private String text;

  ForeignCode(Interpreter in) {
    this.in = in;
  }

  Object eval(Expr.Foreign f) {
    start(f);
    Object v;
    if (peek() instanceof Expr.Ref r && "=".equals(peek(1))) {
      pos += 2;
      v = expression(true);
      assign(r.var(), v);
    } else {
      v = expression(true);
    }
    end();
    return v;
  }

  /** {@code assert condition : message;}, run where the JVM runs this class's assertions. */
  void assertion(Expr.Foreign code) {
    start(code);
    expect("assert");
    boolean enabled = ForeignCode.class.desiredAssertionStatus();
    Object condition = expression(enabled);
    Object message = null;
    if (":".equals(peek())) {
      pos++;
      message = expression(enabled && !Arith.truth(condition));
    }
    if (";".equals(peek())) {
      pos++;
    }
    end();
    if (enabled && !Arith.truth(condition)) {
      throw message == null ? new AssertionError() : new AssertionError(message);
    }
  }

  private void assign(Var v, Object value) {
    if (!in.variables().containsKey(v)) {
      throw new InterpreterException("write of " + v + ", which is not in scope, in " + text);
    }
    in.variables().put(v, v.type().isArray() || v.type().isReference() ? value : Arith.assign(v.type(), value));
  }

  private void start(Expr.Foreign f) {
    tokens = new ArrayList<>();
    StringBuilder shown = new StringBuilder();
    for (Object part : f.parts()) {
      if (part instanceof String s) {
        lex(s);
        shown.append(s);
      } else {
        tokens.add(part);
        shown.append(part instanceof Owner o ? o.canonicalName() : "⟨" + part + "⟩");
      }
    }
    text = shown.toString();
    pos = 0;
  }

  private void end() {
    if (pos != tokens.size()) {
      throw fail("cannot evaluate from " + tokens.get(pos));
    }
  }

  private void lex(String s) {
    Matcher m = TOKEN.matcher(s);
    int at = 0;
    while (at < s.length()) {
      if (s.substring(at).isBlank()) {
        return;
      }
      if (!m.find(at) || m.start() != at) {
        throw new InterpreterException("cannot lex Java kept as written: " + s.substring(at));
      }
      tokens.add(m.group(1));
      at = m.end();
    }
  }

  private InterpreterException fail(String why) {
    return new InterpreterException("Java kept as written, " + why + ": " + text);
  }

  private Object peek() {
    return peek(0);
  }

  private Object peek(int ahead) {
    return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
  }

  private void expect(String token) {
    if (!token.equals(peek())) {
      throw fail("expected " + token + " at " + peek());
    }
    pos++;
  }

  private boolean accept(String token) {
    if (token.equals(peek())) {
      pos++;
      return true;
    }
    return false;
  }

  // Each level evaluates where live is set and only parses otherwise (a branch not taken).

  private Object expression(boolean live) {
    Object c = or(live);
    if (!accept("?")) {
      return c;
    }
    boolean which = live && Arith.truth(c);
    Object a = expression(live && which);
    expect(":");
    Object b = expression(live && !which);
    return which ? a : b;
  }

  private Object or(boolean live) {
    Object v = and(live);
    while (accept("||")) {
      boolean done = live && Arith.truth(v);
      Object r = and(live && !done);
      v = live ? (Object) (done || Arith.truth(r)) : null;
    }
    return v;
  }

  private Object and(boolean live) {
    Object v = binaryLevel(live, 0);
    while (accept("&&")) {
      boolean done = live && !Arith.truth(v);
      Object r = binaryLevel(live && !done, 0);
      v = live ? (Object) (!done && Arith.truth(r)) : null;
    }
    return v;
  }

  private static final List<List<String>> LEVELS =
      List.of(
          List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="), List.of("<", "<=", ">", ">="),
          List.of("+", "-"), List.of("*", "/", "%"));

  private Object binaryLevel(boolean live, int level) {
    if (level == LEVELS.size()) {
      return unary(live);
    }
    Object v = binaryLevel(live, level + 1);
    while (peek() instanceof String t && LEVELS.get(level).contains(t)) {
      pos++;
      Object r = binaryLevel(live, level + 1);
      if (live) {
        v = Arith.binary(op(t), v, r);
      }
    }
    return v;
  }

  private static Expr.Op op(String symbol) {
    for (Expr.Op o : Expr.Op.values()) {
      if (o.symbol().equals(symbol) && o != Expr.Op.NEG) {
        return o;
      }
    }
    throw new InterpreterException("no operator " + symbol);
  }

  private Object unary(boolean live) {
    if (accept("!")) {
      Object v = unary(live);
      return live ? Arith.unary(Expr.Op.NOT, v) : null;
    }
    if (accept("-")) {
      Object v = unary(live);
      return live ? Arith.unary(Expr.Op.NEG, v) : null;
    }
    if (accept("~")) {
      Object v = unary(live);
      return live ? Arith.unary(Expr.Op.COMPLEMENT, v) : null;
    }
    if ("(".equals(peek()) && isCastType(peek(1)) && ")".equals(peek(2))) {
      Object type = peek(1);
      pos += 3;
      Object v = unary(live);
      if (!live) {
        return null;
      }
      if (type instanceof String p) {
        return Arith.cast(primitive(p), v);
      }
      Class<?> c = in.linker().classOf((Owner) type);
      if (v != null && !c.isInstance(v)) {
        throw new ClassCastException(v.getClass().getName() + " cannot be cast to " + c.getName());
      }
      return v;
    }
    return postfix(live);
  }

  private static boolean isCastType(Object token) {
    return token instanceof Owner || (token instanceof String s && PRIMITIVES.contains(s));
  }

  private static Type primitive(String keyword) {
    for (Type.Prim p : Type.Prim.values()) {
      if (p.keyword().equals(keyword)) {
        return new Type(p, 0);
      }
    }
    throw new InterpreterException("no primitive " + keyword);
  }

  /** A primary, then {@code .name(args)}, {@code .name} and {@code [index]} after it. */
  private Object postfix(boolean live) {
    Object v = primary(live);
    while (true) {
      if (accept("[")) {
        Object index = expression(live);
        expect("]");
        v = live ? Arith.normal(java.lang.reflect.Array.get(v, Arith.index(index))) : null;
      } else if (accept(".")) {
        String name = identifier();
        if ("(".equals(peek())) {
          List<Object> args = arguments(live);
          v = !live ? null : v instanceof StaticRef s ? in.linker().callStatic(s.owner, name, args) : in.linker().callVirtual(v, name, args);
        } else if (v instanceof StaticRef s) {
          v = live ? in.linker().staticField(s.owner, name) : null;
        } else if (live && v != null && v.getClass().isArray() && name.equals("length")) {
          v = java.lang.reflect.Array.getLength(v);
        } else if (live) {
          v = field(v, name);
        }
      } else {
        return v;
      }
    }
  }

  private Object field(Object target, String name) {
    try {
      java.lang.reflect.Field f = target.getClass().getField(name);
      return Arith.normal(f.get(target));
    } catch (ReflectiveOperationException | NullPointerException e) {
      throw fail("no field " + name + " of " + Arith.describe(target));
    }
  }

  private String identifier() {
    if (peek() instanceof String s && s.matches("[A-Za-z_$][\\w$]*")) {
      pos++;
      return s;
    }
    throw fail("expected a name at " + peek());
  }

  private List<Object> arguments(boolean live) {
    expect("(");
    List<Object> args = new ArrayList<>();
    if (!accept(")")) {
      do {
        args.add(expression(live));
      } while (accept(","));
      expect(")");
    }
    return args;
  }

  /** A class in the text, for its static members. */
  private record StaticRef(Owner owner) {}

  private Object primary(boolean live) {
    Object t = peek();
    if (t instanceof Expr e) {
      pos++;
      if (!live) {
        return null;
      }
      Object v = in.eval(e);
      // A char lives in an int, but "c = " + c prints the character
      boolean isChar = e instanceof Expr.Ref r && r.var().declared().equals(Type.CHAR)
          || e instanceof Expr.Cast c && c.type().equals(Type.CHAR);
      return isChar && v instanceof Integer i ? (Object) (char) i.intValue() : v;
    }
    if (t instanceof Owner o) {
      pos++;
      return new StaticRef(o);
    }
    if (!(t instanceof String s)) {
      throw fail("cannot evaluate " + t);
    }
    pos++;
    if (s.equals("(")) {
      Object v = expression(live);
      expect(")");
      return v;
    }
    if (s.equals("new")) {
      Object type = peek();
      pos++;
      Owner owner = type instanceof Owner o ? o : type instanceof String n ? qualified(n) : null;
      if (owner == null || !"(".equals(peek())) {
        throw fail("only new C(...) is evaluated");
      }
      List<Object> args = arguments(live);
      return live ? in.linker().construct(owner, args) : null;
    }
    if (s.equals("null")) {
      return null;
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    if (s.startsWith("\"")) {
      return unescape(s.substring(1, s.length() - 1));
    }
    if (s.startsWith("'")) {
      return unescape(s.substring(1, s.length() - 1)).charAt(0); // a Character: it concatenates as one
    }
    if (Character.isDigit(s.charAt(0)) || s.charAt(0) == '.') {
      return number(s);
    }
    if (s.matches("[A-Za-z_$][\\w$]*")) {
      return new StaticRef(qualified(s));
    }
    throw fail("cannot evaluate " + s);
  }

  /** A class named in the text: {@code java.util.Arrays}, or a simple name of {@code java.lang}. */
  private Owner qualified(String first) {
    if (Character.isUpperCase(first.charAt(0))) {
      return new Owner("java.lang", first);
    }
    StringBuilder name = new StringBuilder(first);
    while (!classExists(name.toString()) && ".".equals(peek()) && peek(1) instanceof String n) {
      pos += 2;
      name.append('.').append(n);
    }
    String full = name.toString();
    if (!classExists(full)) {
      throw fail("no class " + full);
    }
    int dot = full.lastIndexOf('.');
    return new Owner(full.substring(0, dot), full.substring(dot + 1));
  }

  private boolean classExists(String name) {
    if (!name.contains(".")) {
      return false;
    }
    try {
      Class.forName(name, false, ForeignCode.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Object number(String s) {
    String n = s.replace("_", "");
    char last = Character.toLowerCase(n.charAt(n.length() - 1));
    if (last == 'l') {
      return Long.decode(n.substring(0, n.length() - 1));
    }
    if (last == 'f') {
      return Float.parseFloat(n);
    }
    if (last == 'd' || n.contains(".") || n.contains("e") || n.contains("E")) {
      return Double.parseDouble(n);
    }
    return Integer.decode(n);
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n':
          b.append('\n');
          break;
        case 't':
          b.append('\t');
          break;
        case 'r':
          b.append('\r');
          break;
        case 'b':
          b.append('\b');
          break;
        case 'f':
          b.append('\f');
          break;
        case 'u':
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
          break;
        default:
          b.append(e);
          break;
      }
    }
    return b.toString();
  }
}
