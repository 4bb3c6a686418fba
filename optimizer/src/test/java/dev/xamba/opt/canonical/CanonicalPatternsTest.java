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

    // A result type declared less specific than the inferred one (a '?' where inference knows the size) is valid IR:
    // the verifier accepts it, and textual IR can say it. Patterns must neither change what such a program computes
    // nor crash on it.

    /** {@code name(operands)} with a declared result type, inserted before the function's end. */
    private static Value declared(FunctionBuilder f, Value after, String name, TensorType type, Value... operands) {
        dev.xamba.ir.Operation op = dev.xamba.ir.Operation.create(name, List.of(operands), List.of(type), Map.of(), 0,
                dev.xamba.ir.loc.Location.UNKNOWN);
        after.definingOp().parentBlock().insertAfter(after.definingOp(), op);
        return op.result();
    }

    @Test
    void aNeutralConstantThatBroadcastsADynamicDimIsKept() {
        // x : tensor<?xf32> times ones : tensor<4xf32>, declared tensor<?xf32>: with one element in x the product has
        // four, so the Multiply is not x (it was removed: the result shrank to one element).
        TensorType dyn = TensorType.of(dev.xamba.ir.type.ElementType.F32, TensorType.DYNAMIC);
        for (String op : List.of("ov.Multiply", "ov.Add")) {
            FunctionBuilder f = FunctionBuilder.main(dyn);
            Value c = f.constant("c", floats(shape(4), op.equals("ov.Multiply") ? new double[] {1, 1, 1, 1} : new double[] {0, 0, 0, 0}));
            ModuleOp m = f.returning(declared(f, c, op, dyn, f.arg(0), c));
            assertThat(dev.xamba.ir.verify.Verifier.verify(m.op())).isEmpty();
            FuncOp main = m.function("main").orElseThrow();
            Tensor x = Tensor.ofDoubles(f32(1), new double[] {3});
            List<Tensor> before = Interpreter.run(main, List.of(x));
            PassManager.parse("canonicalize", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
            assertThat(count(m, op)).as(op).isEqualTo(1);
            assertThat(Interpreter.run(main, List.of(x)).get(0).size()).isEqualTo(before.get(0).size()).isEqualTo(4);
        }
        // Static and equal, or a size-1 constant: still removed.
        FunctionBuilder f = FunctionBuilder.main(f32(2, 4));
        ModuleOp m = f.returning(f.op("ov.Multiply", f.arg(0), f.constant("one", floats(shape(1, 4), 1, 1, 1, 1))));
        PassManager.parse("canonicalize", PassManager.Options.defaults()).run(m.op());
        assertThat(count(m, "ov.Multiply")).isZero();
    }

    @Test
    void aPatternWhoseFormDoesNotMatchADeclaredTypeFailsWithoutTouchingTheIr() {
        // Transpose(Transpose(x, [1,0,2]), [0,2,1]) declared tensor<?x?x?xf32>: the composed Transpose gives
        // tensor<3x4x2xf32>, which replace refuses; that failure came after the new op was inserted and crashed the
        // pass (exit 3), the IR half-changed. Likewise MatMul(Transpose(a), b) declared tensor<?x5xf32>.
        TensorType dyn3 = TensorType.of(dev.xamba.ir.type.ElementType.F32, TensorType.DYNAMIC, TensorType.DYNAMIC, TensorType.DYNAMIC);
        FunctionBuilder f = FunctionBuilder.main(f32(2, 3, 4));
        Value t1 = f.op("ov.Transpose", f.arg(0), f.constant("p", longs(shape(3), 1, 0, 2)));
        Value q = f.constant("q", longs(shape(3), 0, 2, 1));
        ModuleOp m = f.returning(declared(f, q, "ov.Transpose", dyn3, t1, q));
        String before = AsmPrinter.print(m.op());
        PassContext ctx = PassManager.parse("canonicalize", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
        assertThat(ctx.hasErrors()).isFalse();
        assertThat(count(m, "ov.Transpose")).isEqualTo(2);
        assertThat(AsmPrinter.print(m.op())).isEqualTo(before);

        FunctionBuilder g = FunctionBuilder.main(f32(3, 4), f32(3, 5));
        Value at = g.op("ov.Transpose", g.arg(0), g.constant("perm", longs(shape(2), 1, 0)));
        ModuleOp mm = g.returning(declared(g, at, "ov.MatMul", TensorType.of(dev.xamba.ir.type.ElementType.F32, TensorType.DYNAMIC, 5), at, g.arg(1)));
        PassContext ctx2 = PassManager.parse("canonicalize", PassManager.Options.defaults().withVerifyEach(true)).run(mm.op());
        assertThat(ctx2.hasErrors()).isFalse();
        assertThat(count(mm, "ov.Transpose")).isEqualTo(1);
        assertThat(count(mm, "ov.MatMul")).isEqualTo(1);
    }
}
