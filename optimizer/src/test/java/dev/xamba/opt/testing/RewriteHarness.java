package dev.xamba.opt.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.RewriteDecision;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The test mode of rewrite patterns: runs a pipeline on a test module (verifying after each pass) and checks
 * either that a pattern that does not apply leaves the IR byte-identical (printed before and after), or that one
 * that applies keeps @main's numerics on seeded random inputs in xamba's reference interpreter.
 */
public final class RewriteHarness {
    private RewriteHarness() {}

    /** Runs {@code pipeline} on {@code m} with verification after each pass. */
    public static PassContext run(ModuleOp m, String pipeline) {
        PassContext ctx = PassManager.parse(pipeline, PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
        assertThat(ctx.hasErrors()).as("errors: %s", ctx.diagnostics()).isFalse();
        return ctx;
    }

    /**
     * Runs {@code pipeline}, requires the IR to print byte-identically before and after and every decision to be
     * "not applied"; returns the decisions (their reasons say which guard failed).
     */
    public static List<RewriteDecision> assertLeavesIrUnchanged(ModuleOp m, String pipeline) {
        String before = AsmPrinter.print(m.op());
        PassContext ctx = run(m, pipeline);
        assertThat(AsmPrinter.print(m.op())).as("a rewrite that does not apply must not touch the IR").isEqualTo(before);
        assertThat(ctx.decisions()).as("decisions").isNotEmpty().allSatisfy(d -> assertThat(d.applied()).isFalse());
        return ctx.decisions();
    }

    /**
     * Runs {@code pipeline} and requires @main to give the same results as before on three seeded random inputs
     * (uniform in [-2, 2)), within {@code tolerance} relative to max(1, |expected|). Returns the decisions.
     */
    public static List<RewriteDecision> assertSameNumerics(ModuleOp m, String pipeline, double tolerance) {
        FuncOp main = m.function("main").orElseThrow();
        List<List<Tensor>> feeds = new ArrayList<>();
        List<List<Tensor>> expected = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            List<Tensor> feed = new ArrayList<>();
            for (Value a : main.body().arguments()) feed.add(uniform(a.tensorType(), rnd));
            feeds.add(feed);
            expected.add(Interpreter.run(main, feed));
        }
        PassContext ctx = run(m, pipeline);
        for (int i = 0; i < feeds.size(); i++) {
            List<Tensor> actual = Interpreter.run(main, feeds.get(i));
            for (int r = 0; r < actual.size(); r++) assertClose(actual.get(r), expected.get(i).get(r), tolerance);
        }
        return ctx.decisions();
    }

    public static Tensor uniform(TensorType type, Random rnd) {
        int n = Math.toIntExact(type.numElements());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = -2 + 4 * rnd.nextDouble();
        return Tensor.ofDoubles(type, v);
    }

    public static void assertClose(Tensor actual, Tensor expected, double tolerance) {
        assertThat(actual.type()).isEqualTo(expected.type());
        for (int i = 0; i < expected.size(); i++) {
            double a = actual.getDouble(i);
            double e = expected.getDouble(i);
            if (!(Math.abs(a - e) <= tolerance * Math.max(1.0, Math.abs(e)))) {
                fail("element " + i + " of " + expected.type() + ": " + a + " != " + e + " (tolerance " + tolerance + ")");
            }
        }
    }
}
