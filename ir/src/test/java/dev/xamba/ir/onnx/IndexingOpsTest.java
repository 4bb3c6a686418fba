package dev.xamba.ir.onnx;

import static dev.xamba.ir.onnx.OnnxOps.attrs;
import static dev.xamba.ir.onnx.OnnxOps.bools;
import static dev.xamba.ir.onnx.OnnxOps.eval;
import static dev.xamba.ir.onnx.OnnxOps.f32;
import static dev.xamba.ir.onnx.OnnxOps.f32s;
import static dev.xamba.ir.onnx.OnnxOps.i32;
import static dev.xamba.ir.onnx.OnnxOps.i64;
import static dev.xamba.ir.onnx.OnnxOps.i64s;
import static dev.xamba.ir.onnx.OnnxOps.scalar;
import static dev.xamba.ir.onnx.OnnxOps.shape;
import static dev.xamba.ir.onnx.OnnxOps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IndexingOpsTest {
    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    private static Tensor iota(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return f32(shape, LongStream.range(0, n).asDoubleStream().toArray());
    }

    @Test
    void gatherTakesNegativeIndices() {
        Tensor data = f32(shape(3, 2), 1, 2, 3, 4, 5, 6);
        assertThat(eval("onnx.Gather", data, i64s(-1, 0)).toDoubles()).containsExactly(5, 6, 1, 2);
        Tensor column = eval("onnx.Gather", attrs("axis", 1), data, i64(-1));
        assertThat(column.type()).isEqualTo(type(ElementType.F32, 3));
        assertThat(column.toDoubles()).containsExactly(2, 4, 6);
        Tensor matrix = eval("onnx.Gather", data, i64(shape(2, 2), 0, 1, 2, 2));
        assertThat(matrix.type()).isEqualTo(type(ElementType.F32, 2, 2, 2));
        assertThat(matrix.toDoubles()).containsExactly(1, 2, 3, 4, 5, 6, 5, 6);
    }

    @Test
    void sliceClampsInt64MaxEnds() {
        assertThat(eval("onnx.Slice", iota(10), i64s(7), i64s(MAX)).toDoubles()).containsExactly(7, 8, 9);
        assertThat(eval("onnx.Slice", iota(10), i64s(-3), i64s(MAX)).toDoubles()).containsExactly(7, 8, 9);
        assertThat(eval("onnx.Slice", iota(10), i64s(20), i64s(30)).type()).isEqualTo(type(ElementType.F32, 0));
    }

    @Test
    void sliceWithNegativeStepsWalksBackwards() {
        assertThat(eval("onnx.Slice", iota(5), i64s(-1), i64s(MIN), i64s(0), i64s(-1)).toDoubles()).containsExactly(4, 3, 2, 1, 0);
        assertThat(eval("onnx.Slice", iota(10), i64s(8), i64s(1), i64s(0), i64s(-3)).toDoubles()).containsExactly(8, 5, 2);
        assertThat(eval("onnx.Slice", iota(4), i64s(MAX), i64s(-MAX), i64s(0), i64s(-2)).toDoubles()).containsExactly(3, 1);
    }

    @Test
    void sliceWithAxesAndSteps() {
        Tensor r = eval("onnx.Slice", iota(3, 4), i64s(0, 1), i64s(MAX, -1), i64s(-2, 1), i64s(2, 1));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 2));
        assertThat(r.toDoubles()).containsExactly(1, 2, 9, 10);
    }

    @Test
    void oneHotWrapsNegativeIndicesAndIgnoresOutOfRange() {
        Tensor r = eval("onnx.OneHot", i64s(0, -1, 3, 2), i64(3), f32s(0, 5));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 4, 3));
        assertThat(r.toDoubles()).containsExactly(5, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 5);
        Tensor first = eval("onnx.OneHot", attrs("axis", 0), i64s(1, -3), i64s(3), i64s(-1, 1));
        assertThat(first.type()).isEqualTo(type(ElementType.I64, 3, 2));
        assertThat(first.toLongs()).containsExactly(-1, 1, 1, -1, -1, -1);
    }

    @Test
    void triluKeepsTheChosenTriangle() {
        Tensor x = f32(shape(3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(eval("onnx.Trilu", x).toDoubles()).containsExactly(1, 2, 3, 0, 5, 6, 0, 0, 9);
        assertThat(eval("onnx.Trilu", x, i64(-1)).toDoubles()).containsExactly(1, 2, 3, 4, 5, 6, 0, 8, 9);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), x, i64(-1)).toDoubles()).containsExactly(0, 0, 0, 4, 0, 0, 7, 8, 0);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), x).toDoubles()).containsExactly(1, 0, 0, 4, 5, 0, 7, 8, 9);
        assertThat(eval("onnx.Trilu", x, i64(1)).toDoubles()).containsExactly(0, 2, 3, 0, 0, 6, 0, 0, 0);
    }

    @Test
    void triluOnWideAndTallMatricesAndFarDiagonals() {
        Tensor wide = f32(shape(2, 3), 1, 2, 3, 4, 5, 6);
        assertThat(eval("onnx.Trilu", wide, i64(1)).toDoubles()).containsExactly(0, 2, 3, 0, 0, 6);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), wide, i64(1)).toDoubles()).containsExactly(1, 2, 0, 4, 5, 6);
        Tensor tall = f32(shape(3, 2), 1, 2, 3, 4, 5, 6);
        assertThat(eval("onnx.Trilu", tall, i64(-1)).toDoubles()).containsExactly(1, 2, 3, 4, 0, 6);
        // k beyond the matrix, up to the int64 extremes, keeps everything or nothing (no overflow)
        assertThat(eval("onnx.Trilu", wide, i64(Long.MIN_VALUE)).toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(eval("onnx.Trilu", wide, i64(Long.MAX_VALUE)).toDoubles()).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), wide, i64(Long.MAX_VALUE)).toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), wide, i64(Long.MIN_VALUE)).toDoubles()).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), wide, i64(-2)).toDoubles()).containsExactly(0, 0, 0, 0, 0, 0);
    }

    @Test
    void triluWorksOnBatchesOfBooleans() {
        Tensor ones = bools(shape(2, 2, 2), 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(eval("onnx.Trilu", attrs("upper", 0), ones, i64(-1)).toLongs()).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
    }

    @Test
    void whereBroadcastsAllThree() {
        Tensor r = eval("onnx.Where", bools(shape(2, 1), 1, 0), f32(shape(1, 3), 1, 2, 3), scalar(Float.NEGATIVE_INFINITY));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 3));
        assertThat(r.toDoubles()).containsExactly(1, 2, 3, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void padModes() {
        Tensor x = f32(shape(1, 3), 1, 2, 3);
        assertThat(eval("onnx.Pad", x, i64s(2, 2), scalar(9), i64s(1)).toDoubles()).containsExactly(9, 9, 1, 2, 3, 9, 9);
        assertThat(eval("onnx.Pad", attrs("mode", "reflect"), x, i64s(2, 2), scalar(0), i64s(-1)).toDoubles())
                .containsExactly(3, 2, 1, 2, 3, 2, 1);
        assertThat(eval("onnx.Pad", attrs("mode", "edge"), x, i64s(0, 2, 0, 2)).toDoubles()).containsExactly(1, 1, 1, 2, 3, 3, 3);
        assertThat(eval("onnx.Pad", attrs("mode", "wrap"), x, i64s(0, 2, 0, 2)).toDoubles()).containsExactly(2, 3, 1, 2, 3, 1, 2);
    }

    @Test
    void padDefaultsToZeroAndNegativePadsCrop() {
        Tensor x = f32(shape(1, 3), 1, 2, 3);
        Tensor r = eval("onnx.Pad", x, i64s(1, 0, 0, 1));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 4));
        assertThat(r.toDoubles()).containsExactly(0, 0, 0, 0, 1, 2, 3, 0);
        assertThat(eval("onnx.Pad", x, i64s(0, -1, 0, 1)).toDoubles()).containsExactly(2, 3, 0);
    }

    @Test
    void cumsumExclusiveAndReverse() {
        Tensor x = f32s(1, 2, 3);
        assertThat(eval("onnx.CumSum", x, i64(0)).toDoubles()).containsExactly(1, 3, 6);
        assertThat(eval("onnx.CumSum", attrs("exclusive", 1), x, i64(0)).toDoubles()).containsExactly(0, 1, 3);
        assertThat(eval("onnx.CumSum", attrs("reverse", 1), x, i64(0)).toDoubles()).containsExactly(6, 5, 3);
        assertThat(eval("onnx.CumSum", attrs("exclusive", 1, "reverse", 1), x, i64(0)).toDoubles()).containsExactly(5, 3, 0);
    }

    @Test
    void cumsumAlongAnAxisGivenAsOneElementVector() {
        Tensor r = eval("onnx.CumSum", f32(shape(2, 3), 1, 2, 3, 4, 5, 6), i32(shape(1), -2));
        assertThat(r.toDoubles()).containsExactly(1, 2, 3, 5, 7, 9);
        long big = 1L << 53;
        assertThat(eval("onnx.CumSum", i64s(big, 1, 1), i64(0)).toLongs()).containsExactly(big, big + 1, big + 2);
    }

    @Test
    void cumsumOfAnEmptyTensorIsEmpty() {
        // A dim of 0 after the axis: the count of slices before it was the size divided by 0.
        Tensor r = eval("onnx.CumSum", f32(shape(2, 0)), i64(0));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 0));
        assertThat(eval("onnx.CumSum", f32(shape(0, 3)), i64(1)).type()).isEqualTo(type(ElementType.F32, 0, 3));
    }
}
