package dev.xamba.ir.onnx;

import static dev.xamba.ir.onnx.OnnxOps.attrs;
import static dev.xamba.ir.onnx.OnnxOps.f32s;
import static dev.xamba.ir.onnx.OnnxOps.i64;
import static dev.xamba.ir.onnx.OnnxOps.i64s;
import static dev.xamba.ir.onnx.OnnxOps.infer;
import static dev.xamba.ir.onnx.OnnxOps.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result types when constant operands are unknown (dynamic dims), and errors for invalid ops. */
class InferenceTest {
    private static final ElementType F32 = ElementType.F32;
    private static final ElementType I64 = ElementType.I64;
    private static final long Q = TensorType.DYNAMIC;

    private static TensorType f32(long... dims) { return type(F32, dims); }

    private static TensorType i64v(long n) { return type(I64, n); }

    private static void assertError(String op, Map<String, Attribute> attrs, String message, Object... operands) {
        assertThatThrownBy(() -> infer(op, attrs, operands))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("'" + op + "' op ").hasMessageContaining(message);
    }

    @Test
    void unknownShapeOperandsGiveDynamicDims() {
        assertThat(infer("onnx.Reshape", Map.of(), f32(2, 3), i64v(3))).containsExactly(f32(Q, Q, Q));
        assertThat(infer("onnx.Expand", Map.of(), f32(3, 1), i64v(3))).containsExactly(f32(Q, 3, Q));
        assertThat(infer("onnx.Tile", Map.of(), f32(3, 1), i64v(2))).containsExactly(f32(Q, Q));
        assertThat(infer("onnx.Unsqueeze", Map.of(), f32(3), i64v(2))).containsExactly(f32(Q, Q, Q));
        assertThat(infer("onnx.Squeeze", Map.of(), f32(1, 3, 1), i64v(2))).containsExactly(f32(Q));
        assertThat(infer("onnx.ConstantOfShape", Map.of(), i64v(2))).containsExactly(f32(Q, Q));
        assertThat(infer("onnx.Range", Map.of(), type(I64), type(I64), type(I64))).containsExactly(i64v(Q));
        assertThat(infer("onnx.OneHot", Map.of(), type(I64, 4), type(I64), f32s(0, 1))).containsExactly(f32(4, Q));
    }

    @Test
    void sliceWithUnknownBoundsKeepsTheDimsItDoesNotTouch() {
        assertThat(infer("onnx.Slice", Map.of(), f32(2, 3, 4), i64v(1), i64v(1), i64s(-1))).containsExactly(f32(2, 3, Q));
        assertThat(infer("onnx.Slice", Map.of(), f32(2, 3, 4), i64v(1), i64v(1))).containsExactly(f32(Q, 3, 4));
        assertThat(infer("onnx.Slice", Map.of(), f32(2, 3, 4), i64v(1), i64v(1), i64v(1))).containsExactly(f32(Q, Q, Q));
        assertThat(infer("onnx.Slice", Map.of(), f32(Q, 8), i64s(0, 2), i64s(Long.MAX_VALUE, 6))).containsExactly(f32(Q, 4));
    }

    @Test
    void padAndReduceWithUnknownOperands() {
        assertThat(infer("onnx.Pad", Map.of(), f32(2, 3), i64v(2), f32s(0), i64s(1))).containsExactly(f32(2, Q));
        assertThat(infer("onnx.Pad", Map.of(), f32(2, 3), i64v(4))).containsExactly(f32(Q, Q));
        assertThat(infer("onnx.ReduceSum", Map.of(), f32(2, 3), i64v(1))).containsExactly(f32(Q, Q));
        assertThat(infer("onnx.ReduceSum", attrs("keepdims", 0), f32(2, 3), i64v(1))).containsExactly(f32(Q));
    }

    @Test
    void dynamicInputDimsFlowThrough() {
        assertThat(infer("onnx.Gather", attrs("axis", 1), f32(Q, 5), i64(2))).containsExactly(f32(Q));
        assertThat(infer("onnx.Conv", attrs("group", 4, "pads", new long[] {3, 3}), f32(1, 4, Q), f32(4, 1, 4))).containsExactly(f32(1, 4, Q));
        assertThat(infer("onnx.Conv", attrs("group", 4, "pads", new long[] {3, 3}), f32(1, 4, 16), f32(4, 1, 4))).containsExactly(f32(1, 4, 19));
        assertThat(infer("onnx.Split", attrs("num_outputs", 2), f32(Q, 4))).containsExactly(f32(Q, 4), f32(Q, 4));
        assertThat(infer("onnx.Split", attrs("axis", 1), f32(2, 4), i64v(3))).containsExactly(f32(2, Q), f32(2, Q), f32(2, Q));
        assertThat(infer("onnx.Concat", attrs("axis", 0), f32(Q, 3), f32(2, 3))).containsExactly(f32(Q, 3));
        assertThat(infer("onnx.MatMul", Map.of(), f32(Q, 16, 64), f32(64, 8))).containsExactly(f32(Q, 16, 8));
        assertThat(infer("onnx.Transpose", attrs("perm", new long[] {0, -2, -1, 1}), f32(1, Q, 3, 4))).containsExactly(f32(1, 3, 4, Q));
    }

    @Test
    void invalidOpsSayWhatIsWrong() {
        assertError("onnx.Transpose", attrs("perm", new long[] {0, 0}), "perm [0, 0] is not a permutation", f32(2, 3));
        assertError("onnx.Transpose", attrs("perm", new long[] {0, 2}), "perm entry 2 is out of range for rank 2", f32(2, 3));
        assertError("onnx.Reshape", Map.of(), "cannot reshape [2x3] into [4]", f32(2, 3), i64s(4));
        assertError("onnx.Reshape", Map.of(), "shape [-1, -1] has more than one -1", f32(2, 3), i64s(-1, -1));
        assertError("onnx.Concat", attrs("axis", 1), "operand #1 (tensor<3x1xf32>) differs from the others in dim 0", f32(2, 3), f32(3, 1));
        assertError("onnx.Gather", Map.of(), "index 3 is out of range for axis 0 of size 3", f32(3), i64s(3));
        assertError("onnx.Squeeze", Map.of(), "cannot squeeze dim 1 of tensor<1x3xf32>", f32(1, 3), i64s(1));
        assertError("onnx.Squeeze", Map.of(), "squeezing without axes needs every dim known", f32(1, Q));
        assertError("onnx.Split", Map.of(), "split [1, 1] adds up to 2 but axis 0 has 3", f32(3), i64s(1, 1));
        assertError("onnx.Split", Map.of(), "needs a 'split' operand or a 'num_outputs' attribute", f32(3));
        assertError("onnx.Conv", attrs("group", 2), "the input needs 2 channels, got 4", f32(1, 4, 8), f32(4, 1, 3));
        assertError("onnx.Where", Map.of(), "condition (operand #0) must be a boolean (i1) tensor", f32(2), f32(2), f32(2));
        assertError("onnx.Slice", Map.of(), "steps must not be 0", f32(4), i64s(0), i64s(4), i64s(0), i64s(0));
        assertError("onnx.Pad", Map.of(), "pads has 2 entries but 2 axes are padded (needs 4)", f32(2, 3), i64s(1, 1));
        assertError("onnx.Tile", Map.of(), "repeats has 1 entries but the input tensor<2x3xf32> has rank 2", f32(2, 3), i64s(2));
        assertError("onnx.CumSum", Map.of(), "axis 2 is out of range for rank 2", f32(2, 3), i64(2));
        assertError("onnx.MatMul", Map.of(), "contract 3 with 4", f32(2, 3), f32(4, 2));
        assertError("onnx.Expand", Map.of(), "do not broadcast", f32(3), i64s(2));
        assertError("onnx.ReduceSum", attrs("keepdims", 0), "result rank depends on the number of axes", f32(2, 3), i64v(Q));
    }
}
