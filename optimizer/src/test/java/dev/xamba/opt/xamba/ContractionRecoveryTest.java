package dev.xamba.opt.xamba;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.RewriteDecision;
import dev.xamba.opt.testing.FunctionBuilder;
import dev.xamba.opt.testing.RewriteHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code xamba-contract} (forced): each axis case keeps the numerics; each guard leaves the IR unchanged. */
class ContractionRecoveryTest {
    private static final String FORCED = "xamba-contract{force}";

    /** {@code ReduceSum(Multiply(a, b), axes)} as @main's only result. */
    private static ModuleOp sumOfProduct(TensorType a, TensorType b, long[] axes, boolean keepDims) {
        FunctionBuilder f = FunctionBuilder.main(a, b);
        Value p = f.op("ov.Multiply", f.arg(0), f.arg(1));
        Value ax = f.constant("axes", longs(shape(axes.length), axes));
        return f.returning(f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.of(keepDims)), "sum", p, ax));
    }

    private static List<RewriteDecision> assertRecovered(ModuleOp m) {
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(m, FORCED, 1e-5);
        assertThat(d).singleElement().satisfies(x -> assertThat(x.applied()).as(x.reason()).isTrue());
        assertThat(count(m, "ov.Multiply")).as("the product is never materialized").isZero();
        assertThat(count(m, "ov.MatMul")).isEqualTo(1);
        return d;
    }

    @Test void ssdScoresCTimesBTransposedPerHead() {
        // Mamba-2's G = (C ⊗ B).sum(-1): batch = heads, rows = C's time, cols = B's time, contracted = state.
        assertRecovered(sumOfProduct(f32(1, 1, 6, 1, 3, 5), f32(1, 1, 1, 6, 3, 5), new long[] {-1}, false));
    }

    @Test void ssdOutputMTimesXContractsAnInnerAxis() {
        assertRecovered(sumOfProduct(f32(1, 2, 4, 4, 3, 1), f32(1, 2, 1, 4, 3, 5), new long[] {3}, false));
    }

    @Test void keepDimsKeepsTheSummedAxesAsOnes() {
        ModuleOp m = sumOfProduct(f32(2, 4, 1, 5), f32(2, 1, 3, 5), new long[] {3}, true);
        assertRecovered(m);
    }

    @Test void severalContractedAxesAndNegativeAxes() {
        assertRecovered(sumOfProduct(f32(2, 3, 1, 4, 5), f32(2, 1, 6, 4, 5), new long[] {-1, -2}, false));
    }

    @Test void rowBroadcastIsAMatrixVectorProduct() {
        assertRecovered(sumOfProduct(f32(5), f32(4, 5), new long[] {1}, false));
    }

    @Test void everyAxisSummedGivesAScalar() {
        assertRecovered(sumOfProduct(f32(3, 4), f32(1, 4), new long[] {0, 1}, false));
    }

    @Test void anAxisOnlyOneOperandHasIsSummedBeforeTheProduct() {
        ModuleOp m = sumOfProduct(f32(3, 4, 5), f32(1, 4, 5), new long[] {0, 2}, false);
        RewriteHarness.assertSameNumerics(m, FORCED, 1e-5);
        assertThat(count(m, "ov.Multiply")).isZero();
        assertThat(count(m, "ov.ReduceSum")).as("a's own sum over axis 0").isEqualTo(1);
    }

    @Test void scalarTimesTensorSumsTheTensorFirst() {
        // sum(a * b) = a * sum(b): the same op counts as before, so the proof is that the sum now reads b itself.
        ModuleOp m = sumOfProduct(f32(), f32(4, 5), new long[] {1}, false);
        assertThat(RewriteHarness.assertSameNumerics(m, FORCED, 1e-5)).singleElement()
                .satisfies(d -> assertThat(d.applied()).as(d.reason()).isTrue());
        assertThat(count(m, "ov.MatMul")).isZero();
        dev.xamba.ir.Operation sum = m.functions().get(0).body().operations().stream()
                .filter(o -> o.isA("ov.ReduceSum")).findFirst().orElseThrow();
        assertThat(sum.operand(0)).isInstanceOf(dev.xamba.ir.BlockArgument.class);
        assertThat(count(m, "ov.Multiply")).isEqualTo(1);
    }

    @Test void aProductTheRewriteSumsOnItsOwnIsDecidedToo() {
        // sum over 0 and 2 of (u[3,1,5] * v[1,4,5]) * w[1,4,5]: axis 0 is the left factor's alone, so the rewrite
        // sums it first, ReduceSum(u * v, [0]): a new candidate, which one sweep over the ops it started with missed.
        FunctionBuilder f = FunctionBuilder.main(f32(3, 1, 5), f32(1, 4, 5), f32(1, 4, 5));
        Value uv = f.op("ov.Multiply", f.arg(0), f.arg(1));
        Value p = f.op("ov.Multiply", uv, f.arg(2));
        ModuleOp m = f.returning(f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.FALSE), "s", p,
                f.constant("axes", longs(shape(2), 0, 2))));
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(m, FORCED, 1e-5);
        assertThat(d).hasSize(2).allSatisfy(x -> assertThat(x.applied()).as(x.reason()).isTrue());
        // sum_0(u) * v, then contracted with w over axis 2: no sum of a product is left undecided.
        assertThat(m.functions().get(0).body().operations().stream().filter(o -> o.isA("ov.ReduceSum")))
                .singleElement().satisfies(sum -> assertThat(sum.operand(0)).isInstanceOf(dev.xamba.ir.BlockArgument.class));
        assertThat(count(m, "ov.MatMul")).isEqualTo(1);
    }

    @Test void sumOverSizeOneAxesIsTheProductReshaped() {
        ModuleOp m = sumOfProduct(f32(1, 2, 4, 3, 1), f32(1, 2, 4, 3, 1), new long[] {-1}, false);
        RewriteHarness.assertSameNumerics(m, FORCED, 0);
        assertThat(count(m, "ov.ReduceSum")).isZero();
        assertThat(count(m, "ov.Multiply")).isEqualTo(1);
        assertThat(count(m, "ov.Reshape")).isEqualTo(1);
    }

    @Test void aProductWithAnotherUserIsNotRewritten() {
        FunctionBuilder f = FunctionBuilder.main(f32(1, 6, 1, 5), f32(1, 1, 6, 5));
        Value p = f.op("ov.Multiply", f.arg(0), f.arg(1));
        Value ax = f.constant("axes", longs(shape(1), -1));
        ModuleOp m = f.returning(f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.FALSE), "sum", p, ax), p);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("the product has 2 users"));
    }

    @Test void aSameShapeProductIsLeftToReduba() {
        ModuleOp m = sumOfProduct(f32(3, 5), f32(3, 5), new long[] {1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("no operand is broadcast"));
    }

    @Test void aDynamicDimIsNotRewritten() {
        ModuleOp m = sumOfProduct(f32(TensorType.DYNAMIC, 6, 1, 5), f32(1, 1, 6, 5), new long[] {-1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("dynamic"));
    }

    @Test void aProductOfNoElementsIsNotRewritten() {
        ModuleOp m = sumOfProduct(f32(0, 1, 3), f32(1, 4, 3), new long[] {-1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("has no elements"));
    }

    @Test void integerProductsAreNotRewritten() {
        ModuleOp m = sumOfProduct(FunctionBuilder.i64(3, 1), FunctionBuilder.i64(1, 4), new long[] {0}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("integers"));
    }

    /** Mamba-2's SSD: G = (C ⊗ B).sum(-1); M = (G[..., None] * L.permute(0, 2, 3, 1)[..., None]).sum(-1); Y = (M[..., None] * X).sum(2). */
    private static ModuleOp ssdChain() {
        FunctionBuilder f = FunctionBuilder.main(f32(1, 6, 1, 3, 5), f32(1, 1, 6, 3, 5), f32(1, 3, 6, 6), f32(1, 1, 6, 3, 4));
        Value last = f.constant("last", longs(shape(1), -1));
        Value g = f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.FALSE), "g", f.op("ov.Multiply", f.arg(0), f.arg(1)), last);
        Value lp = f.op("ov.Transpose", f.arg(2), f.constant("order", longs(shape(4), 0, 2, 3, 1)));
        Value gm = f.op("ov.Multiply", f.op("ov.Unsqueeze", g, last), f.op("ov.Unsqueeze", lp, last));
        Value m = f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.FALSE), "m", gm, last);
        Value y = f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.FALSE), "y",
                f.op("ov.Multiply", f.op("ov.Unsqueeze", m, last), f.arg(3)), f.constant("two", longs(shape(1), 2)));
        return f.returning(y);
    }

    @Test void mamba2SsdChainKeepsHeadsFirstBetweenItsContractions() {
        ModuleOp module = ssdChain();
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(module, FORCED + ",canonicalize", 1e-5);
        assertThat(d).hasSize(3).allSatisfy(x -> assertThat(x.applied()).as(x.reason()).isTrue());
        assertThat(count(module, "ov.MatMul")).isEqualTo(2);
        // C, B and X to heads-first, Y back: G's result, L's permute and M's operand need none.
        assertThat(count(module, "ov.Transpose")).isEqualTo(4);
    }

    @Test void afterCanonicalizeDroppedTheSizeOneSumTheProductIsStillSunk() {
        ModuleOp module = ssdChain();
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(module, "canonicalize," + FORCED + ",canonicalize", 1e-5);
        assertThat(d).hasSize(2).allSatisfy(x -> assertThat(x.applied()).as(x.reason()).isTrue());
        assertThat(count(module, "ov.Transpose")).isEqualTo(4);
    }
}
