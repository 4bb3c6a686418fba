package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.FloatFormat;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.opt.cost.Cost;
import dev.xamba.opt.cost.RewriteDecision;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.pattern.RewritePattern;
import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.opt.rewrite.RewriteFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cost-guided XAMBA rewrite of one root op. Subclasses implement {@link #plan}: check every guard first
 * (throwing {@link RewriteFailure} with the reason, before building anything), then build the replacement through
 * the plan-mode {@link OvBuilder} and end with {@code ov.replace(...)}. This class then costs what would be
 * replaced against the plan and commits it (applied) or discards it (IR untouched), and records a
 * {@link RewriteDecision} either way.
 */
public abstract class XambaRewrite extends RewritePattern {
    private final XambaContext context;

    /** @param roots every op kind {@link #isCandidate} may accept (which narrows them further) */
    protected XambaRewrite(List<OpViewKind<?>> roots, XambaContext context) {
        super(roots, 1);
        this.context = context;
    }

    protected XambaRewrite(OpViewKind<?> root, XambaContext context) {
        this(List.of(root), context);
    }

    /** The pass name decisions carry ({@code xamba-cumba}). */
    public abstract String patternName();

    /** Whether {@code op} is a candidate this pattern must decide on (each candidate gets one decision). */
    public abstract boolean isCandidate(Operation op);

    /**
     * Checks the guards, then builds the replacement of {@code root} with {@code ov} (in plan mode) and calls
     * {@code ov.replace}. Returns the ops the replacement makes dead besides the root (a fused producer), whose
     * cost counts as saved and which are erased on commit.
     */
    protected abstract List<Operation> plan(Operation root, OvBuilder ov);

    /** Called after a commit, e.g. to record an error bound on the new ops. */
    protected String afterCommit(Operation root, OvBuilder ov) { return ""; }

    protected final XambaContext context() { return context; }

    @Override public String name() { return patternName(); }

    /**
     * The forms this pattern can build for {@code root}, first the default (XAMBA's own); with a cost model the
     * cheapest of those whose guards pass is committed, without one the first whose guards pass. One form unless a
     * subclass offers more.
     */
    protected List<String> forms(Operation root) { return List.of(""); }

    /** {@link #plan(Operation, OvBuilder)} of one of {@link #forms}. */
    protected List<Operation> plan(Operation root, OvBuilder ov, String form) { return plan(root, ov); }

    /** One planned form: its builder (still detached), the ops it makes dead, and its predicted cost. */
    private record Planned(String form, OvBuilder ov, List<Operation> alsoReplaced, Cost cost) {}

    @Override
    public final MatchResult matchAndRewrite(Operation root, PatternRewriter rewriter) {
        var location = root.location();
        List<Planned> plans = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> reasons = new HashSet<>();
        for (String form : forms(root)) {
            OvBuilder ov = OvBuilder.plan(root, rewriter);
            try {
                List<Operation> alsoReplaced = plan(root, ov, form);
                if (!ov.hasPlannedReplacement()) throw new IllegalStateException(patternName() + " planned no replacement for " + root);
                Cost cost = context.costModel() == null ? null : context.costModel().cost(ov.planned());
                plans.add(new Planned(form, ov, alsoReplaced, cost));
            } catch (RewriteFailure | OpError | DiagnosticException e) {
                // A form whose guards fail is not a candidate; another form may still fit (smaller masks, say).
                ov.discard();
                String why = e instanceof DiagnosticException d ? d.diagnostics().get(0).message() : e.getMessage();
                if (reasons.add(why)) failures.add(form.isEmpty() ? why : form + ": " + why); // a shared guard once
                continue;
            }
            if (context.costModel() == null) break; // nothing to choose by: the first form that fits
        }
        if (plans.isEmpty()) return skipped(root, String.join("; ", failures), Double.NaN, Double.NaN);
        Planned chosen = plans.get(0);
        for (Planned p : plans) if (p.cost() != null && p.cost().isLessThan(chosen.cost())) chosen = p;
        for (Planned p : plans) if (p != chosen) p.ov().discard();
        OvBuilder ov = chosen.ov();
        List<Operation> alsoReplaced = chosen.alsoReplaced();
        List<Operation> replaced = new ArrayList<>();
        replaced.add(root);
        replaced.addAll(alsoReplaced);
        double before = Double.NaN;
        double after = Double.NaN;
        String costs = "";
        if (context.costModel() != null) {
            Cost b = context.costModel().cost(replaced);
            Cost a = chosen.cost();
            before = b.totalMicros();
            after = a.totalMicros();
            costs = predicted(before, after) + " on " + context.costModel().targetName();
            if (!context.forced() && !a.isLessThan(b)) {
                ov.discard();
                return skipped(root, "no predicted win on " + context.costModel().targetName(), before, after);
            }
        }
        ov.commit();
        for (Operation dead : alsoReplaced) {
            if (dead.parentBlock() != null && !dead.hasUses()) rewriter.eraseOp(dead);
        }
        String note = (chosen.form().isEmpty() ? "" : "; " + chosen.form()) + afterCommit(root, ov);
        String reason = (context.forced() ? "forced" : "predicted win") + note;
        context.record(new RewriteDecision(patternName(), location, true, reason, before, after));
        context.pass().remark(root.diagnosticLocation(), "applied (" + reason + ")" + costs);
        return MatchResult.success();
    }

    private MatchResult skipped(Operation root, String reason, double before, double after) {
        context.record(new RewriteDecision(patternName(), root.location(), false, reason, before, after));
        String costs = Double.isNaN(before) ? "" : predicted(before, after);
        context.pass().remark(root.diagnosticLocation(), "not applied: " + reason + costs);
        return MatchResult.failure(reason);
    }

    private static String predicted(double beforeMicros, double afterMicros) {
        return "; predicted " + FloatFormat.fixed(beforeMicros, 3) + " µs → " + FloatFormat.fixed(afterMicros, 3) + " µs";
    }
}
