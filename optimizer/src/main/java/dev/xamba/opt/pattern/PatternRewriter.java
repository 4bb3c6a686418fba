package dev.xamba.opt.pattern;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.OpOperand;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.loc.Location;
import dev.xamba.opt.pass.PassContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only way patterns and folders change the IR. Each mutation is reported to a {@link Listener} (the
 * driver), which puts new, changed and possibly dead ops back on its worklist; a mutation made behind the
 * rewriter's back would never be revisited.
 */
public class PatternRewriter {

    /** Told about every mutation, after it happened (erasure: just before, while operands are still known). */
    public interface Listener {
        default void notifyOperationInserted(Operation op) {}

        default void notifyOperationModified(Operation op) {}

        default void notifyOperationErased(Operation op) {}
    }

    private final Listener listener;
    private final PassContext context;
    private Operation insertionPoint;

    /** @param context where remarks go; may be null (remarks are then dropped) */
    public PatternRewriter(Listener listener, PassContext context) {
        this.listener = listener;
        this.context = context;
    }

    /** New ops are inserted right before {@code op}; the driver sets this to the op being rewritten. */
    public void setInsertionPointBefore(Operation op) { insertionPoint = op; }

    /**
     * Creates a registered op with inferred result types at the insertion point. Give it the location (fused,
     * if several) of what it replaces. Throws a {@code DiagnosticException} if the operands do not fit the op.
     */
    public Operation create(String name, List<? extends Value> operands, Map<String, Attribute> attributes, Location loc) {
        if (insertionPoint == null || insertionPoint.parentBlock() == null) {
            throw new IllegalStateException("no insertion point for " + name);
        }
        Operation op = OpBuilder.before(insertionPoint).create(name, operands, attributes, loc);
        listener.notifyOperationInserted(op);
        return op;
    }

    /**
     * Inserts an op built detached (a planned replacement, see {@code OvBuilder.plan}) at the insertion point.
     */
    public void insert(Operation op) {
        if (insertionPoint == null || insertionPoint.parentBlock() == null) {
            throw new IllegalStateException("no insertion point for " + op.name());
        }
        if (op.parentBlock() != null) throw new IllegalStateException(op + " is already in a block");
        OpBuilder.before(insertionPoint).insert(op);
        listener.notifyOperationInserted(op);
    }

    /** Makes every user of {@code op}'s results use {@code replacements} instead (one per result), then erases op. */
    public void replaceOp(Operation op, List<? extends Value> replacements) {
        if (replacements.size() != op.numResults()) {
            throw new IllegalArgumentException("replacing " + op.name() + " (" + op.numResults() + " results) with "
                    + replacements.size() + " values");
        }
        for (int i = 0; i < replacements.size(); i++) replaceAllUsesWith(op.result(i), replacements.get(i));
        eraseOp(op);
    }

    /** {@link #replaceOp(Operation, List)} for a single-result op. */
    public void replaceOp(Operation op, Value replacement) { replaceOp(op, List.of(replacement)); }

    /** Makes every reader of {@code from} read {@code to}; the readers are revisited. */
    public void replaceAllUsesWith(Value from, Value to) {
        if (from == to) return;
        // Insertion-ordered (Operation has identity equality), so the revisit order is deterministic.
        Set<Operation> users = new LinkedHashSet<>();
        for (OpOperand use : from.uses()) users.add(use.owner());
        from.replaceAllUsesWith(to);
        for (Operation user : users) listener.notifyOperationModified(user);
        // The old definition may have lost its last user.
        if (from.definingOp() != null) listener.notifyOperationModified(from.definingOp());
    }

    /** Erases an op whose results have no uses; the defining ops of its operands are revisited (maybe dead now). */
    public void eraseOp(Operation op) {
        if (op.hasUses()) throw new IllegalStateException("erasing " + op + " whose results are still used");
        listener.notifyOperationErased(op);
        op.erase();
    }

    /** Runs {@code change} (attribute edits, {@code setOperand}, location updates) and revisits {@code op}. */
    public void modifyInPlace(Operation op, Runnable change) {
        change.run();
        listener.notifyOperationModified(op);
    }

    /** A failure to return from a pattern; MLIR's {@code notifyMatchFailure}. */
    public MatchResult notifyMatchFailure(Operation op, String reason) {
        return MatchResult.failure(reason);
    }

    /** Records a remark about {@code op} (e.g. the costs behind a decision) when remarks are enabled. */
    public void remark(Operation op, String message) {
        if (context != null) context.remark(op.diagnosticLocation(), message);
    }

    /** Whether remarks are recorded, so callers can skip building expensive messages. */
    public boolean remarksEnabled() { return context != null && context.remarksEnabled(); }

    /** The operands' defining ops, which may become dead when {@code op} goes away. */
    static List<Operation> operandDefiners(Operation op) {
        List<Operation> defs = new ArrayList<>();
        for (Value v : op.operandValues()) if (v.definingOp() != null) defs.add(v.definingOp());
        return defs;
    }
}
