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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code xamba-reduba}: sums and means over any axes set, keep_dims either way. */
class ReduceToOnesMatMulTest {
    private static final String FORCED = "xamba-reduba{force}";

    private static ModuleOp reduce(String op, TensorType x, long[] axes, boolean keepDims) {
        FunctionBuilder f = FunctionBuilder.main(x);
        Value ax = f.constant("axes", longs(shape(axes.length), axes));
        return f.returning(f.op(op, Map.of("keep_dims", BoolAttr.of(keepDims)), "r", f.arg(0), ax));
    }

    @ParameterizedTest(name = "{0} over {1}, keep_dims {2}, transposes {3}")
    @CsvSource({"ov.ReduceSum,2,false,0", "ov.ReduceSum,-1,true,0", "ov.ReduceSum,1,false,0", "ov.ReduceSum,0,true,0",
            "ov.ReduceSum,1:2,false,0", "ov.ReduceSum,0:2,true,1", "ov.ReduceMean,2,true,0", "ov.ReduceMean,0:-1,false,1",
            "ov.ReduceMean,0:1:2,false,0"})
    void anyAxesSetBecomesOneMatMul(String op, String axes, boolean keepDims, int transposes) {
        long[] a = java.util.Arrays.stream(axes.split(":")).mapToLong(Long::parseLong).toArray();
        ModuleOp m = reduce(op, f32(3, 4, 5), a, keepDims);
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(m, FORCED, 1e-5);
        assertThat(d).singleElement().satisfies(x -> assertThat(x.applied()).as(x.reason()).isTrue());
        assertThat(count(m, op)).isZero();
        assertThat(count(m, "ov.MatMul")).isEqualTo(1);
        assertThat(count(m, "ov.Transpose")).isEqualTo(transposes);
    }

    @Test void sizeOneDimsDoNotBreakContiguity() {
        ModuleOp m = reduce("ov.ReduceSum", f32(3, 1, 4, 1, 5), new long[] {0, 2}, false);
        assertThat(RewriteHarness.assertSameNumerics(m, FORCED, 1e-5)).singleElement()
                .satisfies(d -> assertThat(d.applied()).as(d.reason()).isTrue());
        assertThat(count(m, "ov.ReduceSum")).isZero();
        assertThat(count(m, "ov.MatMul")).isEqualTo(1);
        assertThat(count(m, "ov.Transpose")).isZero();
    }

    @Test void aSumOverSizeOneDimsIsLeftToCanonicalize() {
        ModuleOp m = reduce("ov.ReduceSum", f32(3, 1), new long[] {1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("size 1"));
    }

    @Test void aDynamicShapeIsNotRewritten() {
        ModuleOp m = reduce("ov.ReduceSum", f32(TensorType.DYNAMIC, 4), new long[] {1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("dynamic"));
    }

    @Test void aSumOfNoElementsIsNotRewritten() {
        // A reduced dim of size 0 (a fuzzed model): the plan looked for the reduced run among the dims larger than 1
        // and indexed -1.
        for (TensorType x : List.of(f32(3, 0, 5), f32(0, 4))) {
            ModuleOp m = reduce("ov.ReduceSum", x, new long[] {1}, false);
            assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                    .satisfies(d -> assertThat(d.reason()).contains("has no elements"));
        }
    }

    @Test void anF16MeanKeepsItsWeightExactEnough() {
        // The weight 1/N is an f16 constant: up to N = 16384 it is a normal number (1/N = 6.1e-5 is f16's smallest),
        // past it a subnormal with ever fewer bits (1/20000 is stored as 4.995e-5, 0.1% low), so that mean stays.
        // The input is 1 + a small wave, so the mean is near 1 and an error relative to it shows.
        for (long n : new long[] {16384, 20000}) {
            TensorType x = TensorType.of(dev.xamba.ir.type.ElementType.F16, 2, n);
            ModuleOp m = reduce("ov.ReduceMean", x, new long[] {1}, false);
            double[] v = new double[(int) (2 * n)];
            for (int i = 0; i < v.length; i++) v[i] = 1 + 0.25 * Math.sin(i);
            dev.xamba.ir.eval.Tensor in = dev.xamba.ir.eval.Tensor.ofDoubles(x, v);
            dev.xamba.ir.eval.Tensor before = run(m, in);
            List<RewriteDecision> d = RewriteHarness.run(m, FORCED).decisions();
            assertThat(d).singleElement().satisfies(x1 -> assertThat(x1.applied()).as(x1.reason()).isEqualTo(n == 16384));
            if (n == 16384) {
                assertThat(count(m, "ov.MatMul")).isEqualTo(1);
                dev.xamba.ir.eval.Tensor after = run(m, in);
                for (int i = 0; i < 2; i++) assertThat(after.getDouble(i)).isCloseTo(before.getDouble(i), org.assertj.core.data.Offset.offset(2e-3));
            } else {
                assertThat(d.get(0).reason()).contains("1/20000", "smallest normal");
                assertThat(count(m, "ov.ReduceMean")).isEqualTo(1);
            }
        }
    }

    private static dev.xamba.ir.eval.Tensor run(ModuleOp m, dev.xamba.ir.eval.Tensor in) {
        return dev.xamba.ir.eval.Interpreter.run(m.function("main").orElseThrow(), List.of(in)).get(0);
    }

    @Test void aOnesVectorOverTheBudgetIsNotBuilt() {
        // Like CumBA's masks, the constant is bounded (a sum over 10^8 elements would embed 400 MB): 4×1000 f32 is
        // 16000 bytes, so 4000 elements pass a 16000-byte budget and 4001 do not.
        ModuleOp fits = reduce("ov.ReduceSum", f32(2, 4000), new long[] {1}, false);
        assertThat(RewriteHarness.assertSameNumerics(fits, "xamba-reduba{force max-ones-bytes=16000}", 1e-4)).singleElement()
                .satisfies(d -> assertThat(d.applied()).as(d.reason()).isTrue());
        ModuleOp over = reduce("ov.ReduceSum", f32(2, 4001), new long[] {1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(over, "xamba-reduba{force max-ones-bytes=16000}")).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the ones vector of 4001 f32 elements is over max-ones-bytes=16000"));
    }

    @Test void integerSumsAreNotRewritten() {
        ModuleOp m = reduce("ov.ReduceSum", FunctionBuilder.i64(3, 4), new long[] {1}, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("integers"));
    }
}
