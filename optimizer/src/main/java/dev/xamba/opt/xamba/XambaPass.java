package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.device.Targets;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassOption;
import dev.xamba.opt.pattern.PatternRewriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The pass that runs one XAMBA rewrite ({@link XambaRules} makes one per pattern): tries the pattern once on every
 * candidate op, in program order, so each candidate gets exactly one {@link dev.xamba.opt.cost.RewriteDecision}.
 * A rewrite may create a candidate of its own pattern ({@code xamba-contract} sums an operand over the axes only it
 * has, and that operand may itself be a product), so the pass sweeps again over the candidates not yet decided
 * until a sweep applies nothing. Each new candidate is a strict part of the expression its rewrite consumed, so the
 * sweeps end, one per level of a nested product at most; a sweep past the module's op count says a rewrite broke
 * that (a bug, not a deep model).
 */
public final class XambaPass extends Pass {
    public static final PassOption<String> TARGET = PassOption.stringOption("target", "npu4",
            "device whose cost model decides where the rewrite pays off: npu4, npu3720, cpu or a target file")
            .checkedBy(XambaTargets::problem);
    public static final PassOption<Boolean> FORCE = PassOption.boolOption("force", false,
            "apply wherever the rewrite is correct, whatever the cost model predicts");

    private final XambaRules.Rule rule;

    XambaPass(XambaRules.Rule rule) {
        this.rule = rule;
    }

    @Override public String cliName() { return rule.name(); }

    @Override public String summary() { return rule.summary(); }

    @Override public List<PassOption<?>> options() {
        List<PassOption<?>> all = new ArrayList<>(List.of(TARGET, FORCE));
        all.addAll(rule.options());
        return all;
    }

    /**
     * The bytes a rewrite's constant (CumBA's masks, ReduBA's ones vector) may take: {@code option}'s value, or for 0
     * the target's on-chip budget ({@link XambaTargets#maskBudgetBytes}).
     */
    long constantBudget(PassOption<Long> option) {
        long configured = option(option);
        return configured > 0 ? configured : XambaTargets.maskBudgetBytes(option(TARGET));
    }

    /** The target file, when {@code target} names a file rather than a built-in target. */
    @Override public List<Path> filesRead() {
        try {
            return Targets.file(option(TARGET)).stream().toList();
        } catch (InvalidPathException notAPath) {
            return List.of(); // the run reports that there is no such target
        }
    }

    @Override
    public void run(Operation module, PassContext ctx) {
        String target = option(TARGET);
        CostModel model = XambaTargets.costModel(target).orElse(null);
        if (model == null) {
            // The option was checked when the pipeline was parsed: the target file changed or went since.
            ctx.emit(Diagnostic.error(module.diagnosticLocation(), "option 'target' of '" + cliName() + "': "
                    + XambaTargets.problem(target)));
            return;
        }
        // Every option value was checked where the pipeline was parsed (PassOption's bounds and checks).
        XambaRewrite pattern = rule.factory().create(this, new XambaContext(model, option(FORCE), ctx));
        PatternRewriter rewriter = new PatternRewriter(new PatternRewriter.Listener() {}, ctx);
        Set<Operation> decided = Collections.newSetFromMap(new IdentityHashMap<>());
        long applied = 0;
        for (int sweep = 1; ; sweep++) {
            List<Operation> ops = IrWalk.nestedOps(module);
            if (sweep > ops.size() + 1) throw new IllegalStateException(cliName() + " still applies after " + (sweep - 1) + " sweeps");
            long appliedBefore = applied;
            for (Operation op : ops) {
                if (op.parentBlock() == null || !pattern.isCandidate(op) || !decided.add(op)) continue;
                rewriter.setInsertionPointBefore(op);
                if (pattern.matchAndRewrite(op, rewriter).succeeded()) applied++;
            }
            if (applied == appliedBefore) break;
        }
        ctx.addStatistic("candidates", decided.size());
        ctx.addStatistic("applied", applied);
    }
}
