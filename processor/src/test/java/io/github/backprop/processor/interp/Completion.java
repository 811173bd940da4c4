package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.LoopId;

/** How a statement ended: normally, or by a jump to a loop, or by a return with its value. */
final class Completion {
  enum Kind {
    NORMAL,
    BREAK,
    CONTINUE,
    RETURN
  }

  static final Completion NORMAL = new Completion(Kind.NORMAL, null, null);

  final Kind kind;
  final LoopId target;
  final Object value;

  private Completion(Kind kind, LoopId target, Object value) {
    this.kind = kind;
    this.target = target;
    this.value = value;
  }

  static Completion jump(Kind kind, LoopId target) {
    return new Completion(kind, target, null);
  }

  static Completion returned(Object value) {
    return new Completion(Kind.RETURN, null, value);
  }

  boolean normal() {
    return kind == Kind.NORMAL;
  }

  @Override
  public String toString() {
    return kind + (target != null ? " " + target : "") + (kind == Kind.RETURN ? " " + value : "");
  }
}
