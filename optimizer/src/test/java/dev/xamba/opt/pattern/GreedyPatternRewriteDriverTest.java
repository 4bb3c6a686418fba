package dev.xamba.opt.pattern;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreedyPatternRewriteDriverTest {

    /** Rewrites {@code from(x)} into {@code to(x)} with the fused location of the old op. */
    static final class Rename extends RewritePattern {
        private final String to;

        Rename(String from, String to, int benefit) {
            super(from, benefit);
            this.to = to;
        }

        @Override public String name() { return "Rename(" + rootName() + "->" + to + ")"; }

        @Override public MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
            Operation repl = rewriter.create(to, op.operandValues(), Map.of(), Location.fuse(List.of(op.location())));
            rewriter.replaceOp(op, repl.result());
            return MatchResult.success();
        }
    }

    /** Never converges: flips CumSum's reverse flag every time it sees the op. */
    static final class FlipReverse extends RewritePattern {
        FlipReverse() { super("ov.CumSum", 1); }

        @Override public MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
            boolean reverse = op.attr("reverse") instanceof BoolAttr b && b.value();
            rewriter.modifyInPlace(op, () -> op.setAttr("reverse", BoolAttr.of(!reverse)));
            return MatchResult.success();
        }
    }

    /** Always declines, saying why. */
    static final class Picky extends RewritePattern {
        Picky() { super(ANY, 5); }

        @Override public MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
            return rewriter.notifyMatchFailure(op, "bias is not a rank-1 constant");
        }
    }

    /** Counts the ops it is tried on, declining each; rooted at a view family. */
    static final class CountUnaryTries extends OpViewPattern<UnaryOp> {
        final List<String> seen = new java.util.ArrayList<>();

        CountUnaryTries() { super(UnaryOp.ANY, 1); }

        @Override protected MatchResult matchAndRewrite(UnaryOp op, PatternRewriter rewriter) {
            seen.add(op.name());
            return rewriter.notifyMatchFailure(op.op(), "only counting");
        }
    }

    private static GreedyPatternRewriteDriver driver(List<RewritePattern> patterns) {
        return new GreedyPatternRewriteDriver(patterns, GreedyPatternRewriteDriver.Config.defaults());
    }

    @Test
    void opsCreatedByARewriteAreRewrittenInTheSameIteration() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        ModuleOp m = f.returning(f.op("ov.Exp", Map.of(), "e", f.arg(0)));
        var patterns = List.<RewritePattern>of(new Rename("ov.Exp", "ov.Sigmoid", 1), new Rename("ov.Sigmoid", "ov.ReLU", 1));

        var result = driver(patterns).rewrite(m.functions().get(0).op(), new PassContext(false));

        assertThat(count(m, "ov.ReLU")).isEqualTo(1);
        assertThat(count(m, "ov.Exp") + count(m, "ov.Sigmoid")).isZero();
        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isEqualTo(2); // one that rewrites, one that confirms the fixpoint
        assertThat(result.changes()).isEqualTo(2);
        assertThat(m.functions().get(0).body().operations().first().location()).isEqualTo(Location.name("e"));
        assertThat(Verifier.verify(m.op())).isEmpty();
    }

    @Test
    void higherBenefitIsTriedFirst() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        ModuleOp m = f.returning(f.op("ov.Exp", f.arg(0)));
        var patterns = List.<RewritePattern>of(new Rename("ov.Exp", "ov.Sigmoid", 1), new Rename("ov.Exp", "ov.ReLU", 2));

        driver(patterns).rewrite(m.op(), new PassContext(false));

        assertThat(count(m, "ov.ReLU")).isEqualTo(1);
        assertThat(count(m, "ov.Sigmoid")).isZero();
    }

    @Test
    void nonConvergenceStopsAtMaxIterationsWithAWarningNamingThePattern() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value axis = f.constant("axis", longs(shape(), 0));
        ModuleOp m = f.returning(f.op("ov.CumSum", f.arg(0), axis));
        PassContext ctx = new PassContext(false);
        var config = GreedyPatternRewriteDriver.Config.defaults().withMaxIterations(3).withMaxRewritesPerIteration(50);

        var result = new GreedyPatternRewriteDriver(List.of(new FlipReverse()), config).rewrite(m.functions().get(0).op(), ctx);

        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.changes()).isEqualTo(150);
        assertThat(ctx.diagnostics()).hasSize(1);
        Diagnostic warning = ctx.diagnostics().get(0);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.message()).isEqualTo("pattern rewriting of @main did not converge after 3 iterations; "
                + "still firing: FlipReverse on 'ov.CumSum' (50 times)");
        assertThat(ctx.hasErrors()).isFalse();
    }

    @Test
    void failureReasonsAndSuccessesAreRecordedAsRemarks() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        ModuleOp m = f.returning(f.op("ov.Exp", Map.of(), "e", f.arg(0)));
        PassContext ctx = new PassContext(true);

        driver(List.of(new Picky(), new Rename("ov.Exp", "ov.ReLU", 1))).rewrite(m.functions().get(0).op(), ctx);

        assertThat(ctx.remarks()).extracting(Diagnostic::render).containsSubsequence(
                "\"e\": remark: pattern Picky on 'ov.Exp': failed: bias is not a rank-1 constant",
                "\"e\": remark: pattern Rename(ov.Exp->ov.ReLU) on 'ov.Exp': applied",
                "\"e\": remark: pattern Picky on 'ov.ReLU': failed: bias is not a rank-1 constant");
        // The same decision in the confirming iteration is not repeated.
        assertThat(ctx.remarks()).extracting(Diagnostic::message).doesNotHaveDuplicates();
    }

    @Test
    void deadPureOpsAreErasedUnlessDisabled() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        f.op("ov.Sigmoid", f.op("ov.Exp", f.arg(0)));
        ModuleOp m = f.returning(f.arg(0));

        new GreedyPatternRewriteDriver(List.of(), GreedyPatternRewriteDriver.Config.defaults().withRemoveDeadOps(false))
                .rewrite(m.op(), new PassContext(false));
        assertThat(count(m, "ov.Exp")).isEqualTo(1);

        var result = driver(List.of()).rewrite(m.op(), new PassContext(false));
        assertThat(count(m, "ov.Exp") + count(m, "ov.Sigmoid")).isZero();
        assertThat(result.changes()).isEqualTo(2);
    }

    @Test
    void rewriterReportsEveryMutationToItsListener() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value exp = f.op("ov.Exp", f.arg(0));
        ModuleOp m = f.returning(f.op("ov.ReLU", exp));
        List<String> events = new java.util.ArrayList<>();
        PatternRewriter rewriter = new PatternRewriter(new PatternRewriter.Listener() {
            @Override public void notifyOperationInserted(Operation op) { events.add("inserted " + op.name()); }

            @Override public void notifyOperationModified(Operation op) { events.add("modified " + op.name()); }

            @Override public void notifyOperationErased(Operation op) { events.add("erased " + op.name()); }
        }, null);
        Operation expOp = exp.definingOp();

        rewriter.setInsertionPointBefore(expOp);
        Operation sig = rewriter.create("ov.Sigmoid", List.of(f.arg(0)), Map.of(), Location.UNKNOWN);
        rewriter.replaceOp(expOp, sig.result());

        assertThat(events).containsExactly("inserted ov.Sigmoid", "modified ov.ReLU", "modified ov.Exp", "erased ov.Exp");
        assertThat(m.functions().get(0).body().operations()).extracting(Operation::name)
                .containsExactly("ov.Sigmoid", "ov.ReLU", "func.return");
    }

    @Test
    void aPatternRootedAtAViewFamilyIsTriedOnEveryMemberAndNothingElse() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value e = f.op("ov.Exp", f.arg(0));
        Value s = f.op("ov.Sigmoid", e);
        ModuleOp m = f.returning(f.op("ov.Add", s, f.op("ov.ReLU", e)));
        CountUnaryTries counter = new CountUnaryTries();

        driver(List.of(counter)).rewrite(m.functions().get(0).op(), new PassContext(false));

        assertThat(counter.rootNames()).isEqualTo(UnaryOp.ANY.names());
        assertThat(counter.seen).containsExactly("ov.Exp", "ov.Sigmoid", "ov.ReLU");
    }
}
