package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pattern.GreedyPatternRewriteDriver;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.pattern.RewritePattern;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code legalize-ov}: rewrites every {@code onnx} op into {@code ov} ops that compute the same function in xamba's
 * reference evaluator (OpenVINO's CPU plugin departs from that in corners the lowerings cannot all work around, e.g.
 * f64 runs in f32 and NaN does not propagate through Maximum: see docs/OPENVINO_FINDINGS.md), applying
 * {@link OnnxToOvPatterns} to a fixpoint in each function (pure ops left without users are removed on the way).
 * Every {@code onnx} op that remains is reported as an error at its location with the reason (no lowering exists,
 * or which guard failed), all of them in one run, so the pipeline stops with the complete list.
 */
public final class LegalizeToOvPass extends Pass {
    private static final String ONNX_DIALECT = "onnx";

    private final List<RewritePattern> patterns;

    public LegalizeToOvPass() {
        this(OnnxToOvPatterns.all());
    }

    /** The pass with another set of lowerings (tests). */
    public LegalizeToOvPass(List<RewritePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    @Override public String cliName() { return "legalize-ov"; }

    @Override public String summary() { return "lower onnx ops to ov ops computing the same function; report every op that cannot be lowered"; }

    @Override
    public void run(Operation module, PassContext ctx) {
        var driver = new GreedyPatternRewriteDriver(patterns, GreedyPatternRewriteDriver.Config.defaults());
        for (Operation function : IrWalk.functions(module)) driver.rewrite(function, ctx);
        long left = 0;
        for (Operation op : IrWalk.nestedOps(module)) {
            if (op.parentBlock() == null || !op.dialect().equals(ONNX_DIALECT)) continue;
            String reason = whyNotLegalized(op, ctx);
            if (reason != null) {
                ctx.emit(op.error("cannot be legalized to the ov dialect: " + reason));
                left++;
            }
        }
        ctx.addStatistic("ops-not-legalized", left);
    }

    /**
     * Tries the op's lowerings once more, outside the driver, to learn why each fails; null if one applies after
     * all (the driver gave up on it, e.g. at its rewrite limit).
     */
    private String whyNotLegalized(Operation op, PassContext ctx) {
        PatternRewriter rewriter = new PatternRewriter(new PatternRewriter.Listener() {}, ctx);
        List<String> reasons = new ArrayList<>();
        for (RewritePattern p : patterns) {
            if (!p.rootNames().contains(op.name())) continue;
            rewriter.setInsertionPointBefore(op);
            MatchResult r = p.matchAndRewrite(op, rewriter);
            if (r.succeeded()) return null;
            reasons.add(r.reason());
        }
        if (reasons.isEmpty()) return "no lowering to OpenVINO ops exists for it";
        return String.join("; ", reasons);
    }
}
