package dev.xamba.ir.onnx;

import static dev.xamba.ir.onnx.OnnxOps.attrs;
import static dev.xamba.ir.onnx.OnnxOps.eval;
import static dev.xamba.ir.onnx.OnnxOps.f32;
import static dev.xamba.ir.onnx.OnnxOps.f32s;
import static dev.xamba.ir.onnx.OnnxOps.i64s;
import static dev.xamba.ir.onnx.OnnxOps.shape;
import static dev.xamba.ir.onnx.OnnxOps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Conv, MatMul and the reductions. */
class ContractionOpsTest {
    private static Tensor iota(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return f32(shape, LongStream.range(1, n + 1).asDoubleStream().toArray());
    }

    @Test
    void depthwiseConv1dWithPaddingAndBias() {
        // Mamba's causal conv in miniature: group = channels, kernel 2, pads [1, 1].
        Tensor x = f32(shape(1, 2, 3), 1, 2, 3, 4, 5, 6);
        Tensor w = f32(shape(2, 1, 2), 1, 10, 2, -1);
        Tensor b = f32s(0.5f, -1);
        Tensor r = eval("onnx.Conv", attrs("group", 2, "kernel_shape", new long[] {2}, "pads", new long[] {1, 1},
                "strides", new long[] {1}, "dilations", new long[] {1}), x, w, b);
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 1, 2, 4));
        assertThat(r.toDoubles()).containsExactly(10.5, 21.5, 32.5, 3.5, -5, 2, 3, 11);
    }

    @Test
    void denseConv1dSumsOverChannels() {
        Tensor x = f32(shape(1, 2, 3), 1, 2, 3, 4, 5, 6);
        Tensor w = f32(shape(1, 2, 2), 1, 1, 1, 1);
        assertThat(eval("onnx.Conv", x, w).toDoubles()).containsExactly(12, 16);
    }

    @Test
    void conv1dWithDilation() {
        Tensor r = eval("onnx.Conv", attrs("dilations", new long[] {2}), f32(shape(1, 1, 5), 1, 2, 3, 4, 5), f32(shape(1, 1, 2), 1, 1));
        assertThat(r.toDoubles()).containsExactly(4, 6, 8);
    }

    @Test
    void conv2dWithStridesAndPads() {
        Tensor x = iota(1, 1, 3, 3);
        Tensor w = f32(shape(1, 1, 2, 2), 1, 1, 1, 1);
        assertThat(eval("onnx.Conv", x, w).toDoubles()).containsExactly(12, 16, 24, 28);
        Tensor r = eval("onnx.Conv", attrs("strides", new long[] {2, 2}, "pads", new long[] {1, 1, 1, 1}), x, w);
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 1, 1, 2, 2));
        assertThat(r.toDoubles()).containsExactly(1, 5, 11, 28);
    }

    @Test
    void convSameUpperPadsAtTheEnd() {
        Tensor r = eval("onnx.Conv", attrs("auto_pad", "SAME_UPPER"), f32(shape(1, 1, 3), 1, 2, 3), f32(shape(1, 1, 2), 1, 1));
        assertThat(r.toDoubles()).containsExactly(3, 5, 3);
        Tensor lower = eval("onnx.Conv", attrs("auto_pad", "SAME_LOWER"), f32(shape(1, 1, 3), 1, 2, 3), f32(shape(1, 1, 2), 1, 1));
        assertThat(lower.toDoubles()).containsExactly(1, 3, 5);
    }

    @Test
    void matmulFollowsNumpyForRankOneAndBatches() {
        Tensor a = iota(2, 3);
        assertThat(eval("onnx.MatMul", a, f32s(1, 0, -1)).toDoubles()).containsExactly(-2, -2);
        assertThat(eval("onnx.MatMul", f32s(1, 1), a).toDoubles()).containsExactly(5, 7, 9);
        Tensor dot = eval("onnx.MatMul", f32s(1, 2, 3), f32s(4, 5, 6));
        assertThat(dot.type()).isEqualTo(type(ElementType.F32));
        assertThat(dot.toDoubles()).containsExactly(32);
        Tensor batched = eval("onnx.MatMul", iota(2, 1, 2, 2), iota(3, 2, 2));
        assertThat(batched.type()).isEqualTo(type(ElementType.F32, 2, 3, 2, 2));
        // batch (1, 2): [[5,6],[7,8]] x [[9,10],[11,12]]
        assertThat(java.util.Arrays.copyOfRange(batched.toDoubles(), 20, 24)).containsExactly(111, 122, 151, 166);
    }

    @Test
    void reduceSumOverAxes() {
        Tensor x = iota(2, 3);
        Tensor rows = eval("onnx.ReduceSum", attrs("keepdims", 0), x, i64s(1));
        assertThat(rows.type()).isEqualTo(type(ElementType.F32, 2));
        assertThat(rows.toDoubles()).containsExactly(6, 15);
        Tensor cols = eval("onnx.ReduceSum", x, i64s(-2));
        assertThat(cols.type()).isEqualTo(type(ElementType.F32, 1, 3));
        assertThat(cols.toDoubles()).containsExactly(5, 7, 9);
    }

    @Test
    void reduceSumWithoutAxesReducesAllUnlessNoop() {
        Tensor x = iota(2, 3);
        Tensor all = eval("onnx.ReduceSum", x);
        assertThat(all.type()).isEqualTo(type(ElementType.F32, 1, 1));
        assertThat(all.toDoubles()).containsExactly(21);
        assertThat(eval("onnx.ReduceSum", attrs("keepdims", 0), x, i64s()).type()).isEqualTo(type(ElementType.F32));
        assertThat(eval("onnx.ReduceSum", attrs("noop_with_empty_axes", 1), x)).isEqualTo(x);
        assertThat(eval("onnx.ReduceSum", attrs("noop_with_empty_axes", 1), x, i64s())).isEqualTo(x);
    }

    @Test
    void reduceMeanAndMax() {
        Tensor x = iota(2, 3);
        assertThat(eval("onnx.ReduceMean", x, i64s(-1)).toDoubles()).containsExactly(2, 5);
        assertThat(eval("onnx.ReduceMax", attrs("keepdims", 0), x, i64s(0)).toDoubles()).containsExactly(4, 5, 6);
        assertThat(eval("onnx.ReduceMin", attrs("keepdims", 0), x).toDoubles()).containsExactly(1);
    }

    @Test
    void integerReductionsAreExact() {
        long big = (1L << 53) + 1;
        assertThat(eval("onnx.ReduceSum", OnnxOps.i64(shape(2), big, 1), i64s(0)).toLongs()).containsExactly(big + 1);
        assertThat(eval("onnx.ReduceMean", OnnxOps.i64(shape(2), -3, 0), i64s(0)).toLongs()).containsExactly(-1);
    }

    @Test
    void gemmTransposesScalesAndAddsBias() {
        Tensor r = eval("onnx.Gemm", attrs("transA", 1, "alpha", 2.0, "beta", 0.5), iota(2, 3), iota(2, 2), f32s(2, 4));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 3, 2));
        assertThat(r.toDoubles()).containsExactly(27, 38, 35, 50, 43, 62);
        assertThat(eval("onnx.Gemm", attrs("transB", 1), iota(2, 3), iota(2, 3)).toDoubles()).containsExactly(14, 32, 32, 77);
    }
}
