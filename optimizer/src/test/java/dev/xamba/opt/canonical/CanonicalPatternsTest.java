package dev.xamba.opt.canonical;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.floats;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical patterns keep what the function computes (exactly: they only move or relabel elements) and reach
 * a fixpoint: a second canonicalize changes nothing. The lit tests in {@code lit-tests/canonicalize/} pin the
 * printed IR of each pattern; these tests pin the values.
 */
class CanonicalPatternsTest {

    /** Canonicalizes {@code m}, checks the values of @main on seeded inputs and that a second run is a no-op. */
    private static PassContext canonicalizeKeepingValues(ModuleOp m) {
        FuncOp main = m.function("main").orElseThrow();
        List<List<Tensor>> feeds = new ArrayList<>();
        List<List<Tensor>> expected = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            Random rnd = new Random(seed);
            List<Tensor> feed = new ArrayList<>();
            for (Value a : main.body().arguments()) feed.add(random(a.tensorType(), rnd));
            feeds.add(feed);
            expected.add(Interpreter.run(main, feed));
        }
        PassContext ctx = canonicalize(m);
        for (int i = 0; i < feeds.size(); i++) assertSameValues(Interpreter.run(main, feeds.get(i)), expected.get(i));
        String once = AsmPrinter.print(m.op());
        PassContext again = canonicalize(m);
        assertThat(AsmPrinter.print(m.op())).as("canonicalize is idempotent").isEqualTo(once);
        assertThat(again.statistic("canonicalize", "patterns-applied")).isZero();
        return ctx;
    }

    /**
     * Equal types and numerically equal elements: {@code -0.0} equals {@code 0.0}, the one difference
     * {@link AddZeroElimination} may make (x + 0 turns -0 into +0; without the Add it stays -0).
     */
    private static void assertSameValues(List<Tensor> actual, List<Tensor> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            Tensor a = actual.get(r);
            Tensor e = expected.get(r);
            assertThat(a.type()).isEqualTo(e.type());
            for (int i = 0; i < e.size(); i++) {
                assertThat(a.getDouble(i) == e.getDouble(i)).as("element %d of result %d: %s vs %s", i, r, a, e).isTrue();
            }
        }
    }

    private static PassContext canonicalize(ModuleOp m) {
        return PassManager.parse("canonicalize", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
    }

    private static Tensor random(TensorType type, Random rnd) {
        double[] v = new double[Math.toIntExact(type.numElements())];
        for (int i = 0; i < v.length; i++) v[i] = Math.rint(rnd.nextDouble() * 20 - 10) / 4;
        return Tensor.ofDoubles(type, v);
    }

    @Test
    void transposeChainsComposeIntoOneOrNone() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 3, 4));
        Value p = f.constant("p", longs(shape(3), 2, 0, 1));
        Value q = f.constant("q", longs(shape(3), 0, 2, 1));
        Value a = f.op("ov.Transpose", f.arg(0), p);      // 4x2x3
        Value b = f.op("ov.Transpose", a, q);              // 4x3x2
        Value c = f.op("ov.Transpose", b, f.constant("r", longs(shape(3), 1, 2, 0))); // 3x2x4
        ModuleOp m = f.returning(c);

        canonicalizeKeepingValues(m);

        assertThat(count(m, "ov.Transpose")).isEqualTo(1);
    }

    @Test
    void transposesFeedingMatMulBecomeItsFlags() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 5, 3), f32(2, 4, 5));
        Value swap = f.constant("swap", longs(shape(3), 0, 2, 1));
        Value a = f.op("ov.Transpose", f.arg(0), swap);  // 2x3x5
        Value b = f.op("ov.Transpose", f.arg(1), swap);  // 2x5x4
        ModuleOp m = f.returning(f.op("ov.MatMul", a, b));

        canonicalizeKeepingValues(m);

        assertThat(count(m, "ov.Transpose")).isZero();
        assertThat(AsmPrinter.print(m.op())).contains("{transpose_a = true, transpose_b = true}");
    }

    @Test
    void aBatchMovingTransposeKeepsOnlyTheBatchMoveAndMergesWithItsTwin() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 3, 8), f32(3, 4, 2));
        Value rows = f.op("ov.Transpose", f.arg(0), f.constant("rows", longs(shape(3), 1, 0, 2)));   // 3x4x8
        Value moved = f.op("ov.Transpose", f.arg(0), f.constant("moved", longs(shape(3), 1, 2, 0))); // 3x8x4
        Value product = f.op("ov.MatMul", moved, f.arg(1));                                          // 3x8x2
        ModuleOp m = f.returning(product, rows);

        canonicalizeKeepingValues(m);
        PassManager.parse("cse", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());

        assertThat(count(m, "ov.Transpose")).isEqualTo(1);
        assertThat(AsmPrinter.print(m.op())).contains("{transpose_a = true}");
    }

    @Test
    void aTransposedOperandAlreadyFlaggedFlipsBack() {
        FunctionBuilder f = FunctionBuilder.main(f32(3, 4), f32(4, 2));
        Value at = f.op("ov.Transpose", f.arg(0), f.constant("swap", longs(shape(2), 1, 0)));  // 4x3
        ModuleOp m = f.returning(f.op("ov.MatMul", Map.of("transpose_a", BoolAttr.TRUE), null, at, f.arg(1)));

        canonicalizeKeepingValues(m);

        assertThat(count(m, "ov.Transpose")).isZero();
        assertThat(AsmPrinter.print(m.op())).doesNotContain("transpose_a");
    }

    @Test
    void shapeChainsCollapseAndUnitReductionsVanish() {
        FunctionBuilder f = FunctionBuilder.main(f32(1, 6, 1));
        Value squeezed = f.op("ov.Squeeze", f.arg(0), f.constant("ax", longs(shape(1), 0)));          // 6x1
        Value reshaped = f.op("ov.Reshape", Map.of("special_zero", BoolAttr.FALSE), null, squeezed,
                f.constant("s", longs(shape(3), 2, 3, 1)));                                          // 2x3x1
        Value summed = f.op("ov.ReduceSum", reshaped, f.constant("last", longs(shape(1), -1)));     // 2x3
        Value scaled = f.op("ov.Multiply", summed, f.constant("one", floats(shape(), 1.0)));
        ModuleOp m = f.returning(f.op("ov.Add", f.constant("zero", Tensor.splat(f32(1, 3), 0.0)), scaled));

        PassContext ctx = canonicalizeKeepingValues(m);

        assertThat(count(m, "ov.Reshape")).isEqualTo(1);
        assertThat(count(m, "ov.Squeeze") + count(m, "ov.ReduceSum") + count(m, "ov.Multiply") + count(m, "ov.Add")).isZero();
        // Squeeze+Reshape collapse, ReduceSum becomes a Reshape, which collapses with the first; x·1; x+0.
        assertThat(ctx.statistic("canonicalize", "patterns-applied")).isEqualTo(5);
    }

    @Test
    void staticShapeOfFoldsAndItsArithmeticWithIt() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 3));
        Value shapeOf = f.op("ov.ShapeOf", f.arg(0));
        Value relu = f.op("ov.ReLU", f.arg(0));
        ModuleOp m = f.returning(f.op("ov.Reshape", Map.of("special_zero", BoolAttr.FALSE), null, relu,
                f.op("ov.Gather", shapeOf, f.constant("rev", longs(shape(2), 1, 0)), f.constant("axis", longs(shape(), 0)))));

        canonicalizeKeepingValues(m);

        assertThat(count(m, "ov.ShapeOf") + count(m, "ov.Gather")).isZero();
        assertThat(AsmPrinter.print(m.op())).contains("dense<[3, 2]> : tensor<2xi64>");
    }
}
