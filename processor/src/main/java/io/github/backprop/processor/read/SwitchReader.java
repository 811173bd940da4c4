package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What {@link SwitchLowering} needs of a session, and the record a switch expression gives while
 * its cases are read.
 */
final class SwitchReader extends SessionPart implements SwitchLowering.Reader {
  /** The record a switch expression gives, by the placeholder its lowering assigns, and its locals' declarations. */
  private final Map<Var, RecordValue> switchRecords = new IdentityHashMap<>();

  private final Map<Var, List<Stmt>> switchDeclarations = new IdentityHashMap<>();

  SwitchReader(ReadSession session) {
    super(session);
  }

  @Override
  public Expr expr(ExpressionTree t) {
    return expressions.expr(t);
  }

  @Override
  public Expr value(ExpressionTree t) {
    return calls.typed(expressions.value(t));
  }

  @Override
  public Expr enumConstant(Type type, ExpressionTree label) {
    TypeElement e = session.elements.getTypeElement(type.ref().canonicalName());
    String name = label instanceof IdentifierTree id ? id.getName().toString() : null;
    for (Element c : e == null || name == null ? List.<Element>of() : e.getEnclosedElements()) {
      if (c.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT && c.getSimpleName().contentEquals(name)) {
        return new Expr.Constant(type.ref(), name, type);
      }
    }
    throw reporter.abortQuietly(); // javac: not a constant of the enum
  }

  @Override
  public Stmt.Block block(List<? extends StatementTree> statements) {
    return this.statements.block(statements);
  }

  @Override
  public void enterSwitch(LoopId id) {
    session.loopScopes.push(new LoopScope(id, true));
  }

  @Override
  public void exitSwitch() {
    session.loopScopes.pop();
  }

  @Override
  public List<Stmt> prelude() {
    return session.prelude;
  }

  @Override
  public boolean inScope(String name) {
    return session.declaredLocally(name);
  }

  @Override
  public AbortMethod error(String message, Tree at) {
    return reporter.abort(Tag.UNSUPPORTED, message, at, unit);
  }

  @Override
  public AbortMethod quiet() {
    return reporter.abortQuietly();
  }

  @Override
  public Expr caseValue(ExpressionTree t, List<Stmt> before) {
    Read<Expr> read = session.apart(() -> expressions.value(t));
    before.addAll(read.before());
    Expr e = read.value();
    if (records.aggregateOf(e) == null && Calls.isObject(e)) {
      throw calls.notHere(t);
    }
    return e;
  }

  @Override
  public boolean isRecord(Expr e) {
    return records.aggregateOf(e) != null;
  }

  @Override
  public List<Stmt> giveRecord(Var result, Expr e, Tree at) {
    RecordValue r = records.aggregateOf(e);
    RecordValue target = switchRecords.get(result);
    if (target == null) {
      if (r.hasArrays()) {
        throw records.notARecordPlace(at, r); // an array component cannot be chosen at run time
      }
      List<Stmt> declarations = new ArrayList<>();
      target = records.freshRecord(r.type, "_sw", at, declarations);
      switchRecords.put(result, target);
      switchDeclarations.put(result, declarations);
    } else if (!target.type.equals(r.type)) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    List<Stmt> out = new ArrayList<>();
    records.assignParts(target, r, java.util.Set.of(), out);
    return out;
  }

  @Override
  public Expr recordResult(Var result, Stmt chain, Tree at) {
    if (session.prelude == null) {
      throw session.noPrelude(at);
    }
    session.prelude.addAll(switchDeclarations.remove(result));
    session.prelude.add(chain);
    RecordValue r = switchRecords.remove(result);
    root.fresh.add(r);
    return records.aggregate(r);
  }
}
