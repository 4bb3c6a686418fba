package dev.xamba.opt.xamba;

import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.RewriteDecision;
import dev.xamba.opt.pass.PassContext;

/**
 * What one run of an XAMBA pass gives its pattern: the target's cost model (null when none is known for the
 * target), whether the rewrite is forced (applied wherever it is correct, cost or not), and where decisions and
 * remarks go.
 */
public record XambaContext(CostModel costModel, boolean forced, PassContext pass) {
    void record(RewriteDecision decision) { pass.recordDecision(decision); }
}
