package dev.xamba.ir.onnx;

import static dev.xamba.ir.onnx.OnnxOps.attrs;
import static dev.xamba.ir.onnx.OnnxOps.bools;
import static dev.xamba.ir.onnx.OnnxOps.eval;
import static dev.xamba.ir.onnx.OnnxOps.evalAll;
import static dev.xamba.ir.onnx.OnnxOps.f32;
import static dev.xamba.ir.onnx.OnnxOps.f32s;
import static dev.xamba.ir.onnx.OnnxOps.i64;
import static dev.xamba.ir.onnx.OnnxOps.i64s;
import static dev.xamba.ir.onnx.OnnxOps.infer;
import static dev.xamba.ir.onnx.OnnxOps.shape;
import static dev.xamba.ir.onnx.OnnxOps.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ShapeOpsTest {
    private static Tensor iota(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return f32(shape, LongStream.range(0, n).asDoubleStream().toArray());
    }

    @Test
    void reshapeCopiesZerosAndInfersMinusOne() {
        assertThat(eval("onnx.Reshape", iota(2, 3, 4), i64s(0, -1)).type()).isEqualTo(type(ElementType.F32, 2, 12));
        assertThat(eval("onnx.Reshape", iota(2, 3, 4), i64s(4, 0, 2)).type()).isEqualTo(type(ElementType.F32, 4, 3, 2));
        assertThat(eval("onnx.Reshape", attrs("allowzero", 1), iota(0, 3), i64s(3, 0)).type())
                .isEqualTo(type(ElementType.F32, 3, 0));
    }

    @Test
    void reshapeCancelsUnknownCopiedDims() {
        assertThat(infer("onnx.Reshape", Map.of(), type(ElementType.F32, -1, 16, 64), i64s(0, -1, 4)))
                .containsExactly(type(ElementType.F32, -1, 256, 4));
        assertThat(infer("onnx.Reshape", Map.of(), type(ElementType.F32, 2, -1), i64s(-1)))
                .containsExactly(type(ElementType.F32, -1));
    }

    @Test
    void shapeSlicesWithStartAndEnd() {
        Tensor x = iota(2, 3, 4, 5);
        assertThat(eval("onnx.Shape", x).toLongs()).containsExactly(2, 3, 4, 5);
        assertThat(eval("onnx.Shape", attrs("start", 1), x).toLongs()).containsExactly(3, 4, 5);
        assertThat(eval("onnx.Shape", attrs("end", -1), x).toLongs()).containsExactly(2, 3, 4);
        assertThat(eval("onnx.Shape", attrs("start", -2, "end", 10), x).toLongs()).containsExactly(4, 5);
        assertThat(eval("onnx.Shape", attrs("start", 3, "end", 1), x).type()).isEqualTo(type(ElementType.I64, 0));
    }

    @Test
    void shapeOfDynamicInputHasStaticLength() {
        assertThat(infer("onnx.Shape", Map.of(), type(ElementType.F32, -1, 8))).containsExactly(type(ElementType.I64, 2));
    }

    @Test
    void squeezeAndUnsqueeze() {
        assertThat(eval("onnx.Squeeze", iota(1, 3, 1), i64s(-1)).type()).isEqualTo(type(ElementType.F32, 1, 3));
        assertThat(eval("onnx.Squeeze", iota(1, 3, 1)).type()).isEqualTo(type(ElementType.F32, 3));
        assertThat(eval("onnx.Unsqueeze", iota(3, 4), i64s(0, -1)).type()).isEqualTo(type(ElementType.F32, 1, 3, 4, 1));
        assertThat(eval("onnx.Unsqueeze", iota(3), i64s(1)).toDoubles()).containsExactly(0, 1, 2);
    }

    @Test
    void transposeNormalizesNegativePerm() {
        Tensor x = iota(2, 3, 4, 5);
        Tensor r = eval("onnx.Transpose", attrs("perm", new long[] {0, -2, -1, 1}), x);
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 4, 5, 3));
        // r[a, c, d, b] = x[a, b, c, d]; check r[1, 2, 3, 1] = x[1, 1, 2, 3].
        assertThat(r.getDouble(((1 * 4 + 2) * 5 + 3) * 3 + 1)).isEqualTo(((1 * 3 + 1) * 4 + 2) * 5 + 3);
    }

    @Test
    void transposeWithoutPermReverses() {
        Tensor r = eval("onnx.Transpose", iota(2, 3));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 3, 2));
        assertThat(r.toDoubles()).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void expandIsBidirectional() {
        Tensor r = eval("onnx.Expand", f32(shape(3, 1), 1, 2, 3), i64s(2, 1, 4));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 3, 4));
        assertThat(r.getDouble(4 * 2 + 3)).isEqualTo(3);
        assertThat(r.getDouble(12 + 4 + 1)).isEqualTo(2);
        assertThat(eval("onnx.Expand", iota(2, 3), i64s(3)).type()).isEqualTo(type(ElementType.F32, 2, 3));
        assertThat(eval("onnx.Expand", iota(2, 3), i64s(1, 1)).type()).isEqualTo(type(ElementType.F32, 2, 3));
    }

    @Test
    void tileRepeatsEachDim() {
        Tensor r = eval("onnx.Tile", f32(shape(1, 2), 1, 2), i64s(2, 3));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 6));
        assertThat(r.toDoubles()).containsExactly(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2);
    }

    @Test
    void concatJoinsAlongNegativeAxis() {
        Tensor r = eval("onnx.Concat", attrs("axis", -1), f32(shape(2, 1), 1, 2), f32(shape(2, 2), 3, 4, 5, 6));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 3));
        assertThat(r.toDoubles()).containsExactly(1, 3, 4, 2, 5, 6);
        assertThat(eval("onnx.Concat", attrs("axis", 0), i64s(1), i64s(), i64s(2, 3)).toLongs()).containsExactly(1, 2, 3);
    }

    @Test
    void splitUnevenNumOutputsMakesTheLastSmaller() {
        List<Tensor> r = evalAll("onnx.Split", attrs("num_outputs", 3), f32s(0, 1, 2, 3, 4));
        assertThat(r).hasSize(3);
        assertThat(r.get(0).toDoubles()).containsExactly(0, 1);
        assertThat(r.get(1).toDoubles()).containsExactly(2, 3);
        assertThat(r.get(2).toDoubles()).containsExactly(4);
    }

    @Test
    void splitByLengthsAlongLastAxis() {
        List<Tensor> r = evalAll("onnx.Split", attrs("axis", -1), iota(2, 5), i64s(1, 4));
        assertThat(r.get(0).type()).isEqualTo(type(ElementType.F32, 2, 1));
        assertThat(r.get(0).toDoubles()).containsExactly(0, 5);
        assertThat(r.get(1).toDoubles()).containsExactly(1, 2, 3, 4, 6, 7, 8, 9);
    }

    @Test
    void constantOfShapeTakesItsTypeFromValue() {
        Tensor zeros = eval("onnx.ConstantOfShape", i64s(2, 3));
        assertThat(zeros.type()).isEqualTo(type(ElementType.F32, 2, 3));
        assertThat(zeros.isSplat() && zeros.getDouble(0) == 0).isTrue();
        Tensor ones = eval("onnx.ConstantOfShape", attrs("value", bools(shape(1), 1)), i64s(2));
        assertThat(ones.type()).isEqualTo(type(ElementType.I1, 2));
        assertThat(ones.toLongs()).containsExactly(1, 1);
        Tensor sevens = eval("onnx.ConstantOfShape", attrs("value", OnnxOps.i64(shape(1), 7)), i64s());
        assertThat(sevens.type()).isEqualTo(type(ElementType.I64));
        assertThat(sevens.toLongs()).containsExactly(7);
    }

    @Test
    void rangeCountsWithCeil() {
        assertThat(eval("onnx.Range", i64(1), i64(10), i64(3)).toLongs()).containsExactly(1, 4, 7);
        assertThat(eval("onnx.Range", i64(10), i64(4), i64(-3)).toLongs()).containsExactly(10, 7);
        assertThat(eval("onnx.Range", i64(5), i64(1), i64(1)).type()).isEqualTo(type(ElementType.I64, 0));
        assertThat(eval("onnx.Range", OnnxOps.scalar(0), OnnxOps.scalar(1), OnnxOps.scalar(0.25)).toDoubles())
                .containsExactly(0, 0.25, 0.5, 0.75);
    }

    @Test
    void rangeCountsExactlyAcrossTheWholeLongRange() {
        // limit - start overflows a long here; the count used to become infinite and the range was refused.
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        long q = 1L << 62;
        assertThat(eval("onnx.Range", i64(min), i64(max), i64(q)).toLongs()).containsExactly(min, -q, 0, q);
        assertThat(eval("onnx.Range", i64(max), i64(min), i64(min)).toLongs()).containsExactly(max, -1);
        assertThatThrownBy(() -> eval("onnx.Range", i64(min), i64(max), i64(1)))
                .hasMessageContaining("range of 18446744073709551615 elements is too large");
    }

    @Test
    void reshapeKeepsElementOrder() {
        assertThat(eval("onnx.Reshape", f32s(1, 2, 3, 4), i64s(2, 2)).toDoubles()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void flattenAroundAnAxis() {
        assertThat(eval("onnx.Flatten", iota(2, 3, 4)).type()).isEqualTo(type(ElementType.F32, 2, 12));
        assertThat(eval("onnx.Flatten", attrs("axis", 0), iota(2, 3)).type()).isEqualTo(type(ElementType.F32, 1, 6));
        assertThat(eval("onnx.Flatten", attrs("axis", -1), iota(2, 3, 4)).type()).isEqualTo(type(ElementType.F32, 6, 4));
        assertThat(infer("onnx.Flatten", Map.of(), type(ElementType.F32, -1, 3, 4))).containsExactly(type(ElementType.F32, -1, 12));
    }
}
