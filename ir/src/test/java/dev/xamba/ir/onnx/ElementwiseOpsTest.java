package dev.xamba.ir.onnx;

import static dev.xamba.ir.onnx.OnnxOps.attrs;
import static dev.xamba.ir.onnx.OnnxOps.bools;
import static dev.xamba.ir.onnx.OnnxOps.eval;
import static dev.xamba.ir.onnx.OnnxOps.f32;
import static dev.xamba.ir.onnx.OnnxOps.f32s;
import static dev.xamba.ir.onnx.OnnxOps.i64;
import static dev.xamba.ir.onnx.OnnxOps.i64s;
import static dev.xamba.ir.onnx.OnnxOps.infer;
import static dev.xamba.ir.onnx.OnnxOps.scalar;
import static dev.xamba.ir.onnx.OnnxOps.shape;
import static dev.xamba.ir.onnx.OnnxOps.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementwiseOpsTest {
    @Test
    void addBroadcastsBothWays() {
        Tensor r = eval("onnx.Add", f32(shape(2, 1), 1, 2), f32s(10, 20, 30));
        assertThat(r.type()).isEqualTo(type(ElementType.F32, 2, 3));
        assertThat(r.toDoubles()).containsExactly(11, 21, 31, 12, 22, 32);
    }

    @Test
    void subAndMulOnIntegersAreExact() {
        long big = (1L << 53) + 1;
        assertThat(eval("onnx.Sub", i64s(big, 5), i64s(0, 7)).toLongs()).containsExactly(big, -2);
        assertThat(eval("onnx.Mul", i64s(big, -3), i64(2)).toLongs()).containsExactly(2 * big, -6);
    }

    @Test
    void integerDivTruncatesTowardZero() {
        assertThat(eval("onnx.Div", i64s(7, -7, 7, -7), i64s(2, 2, -2, -2)).toLongs()).containsExactly(3, -3, -3, 3);
        assertThat(eval("onnx.Div", f32s(1, -3), f32s(4, 2)).toDoubles()).containsExactly(0.25, -1.5);
    }

    @Test
    void integerDivisionByZeroIsAnError() {
        assertThatThrownBy(() -> eval("onnx.Div", i64s(1), i64s(0)))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("integer division by zero");
    }

    @Test
    void modFollowsTheDivisorUnlessFmod() {
        assertThat(eval("onnx.Mod", i64s(-7, 7, 7, -7), i64s(3, -3, 3, -3)).toLongs()).containsExactly(2, -2, 1, -1);
        assertThat(eval("onnx.Mod", attrs("fmod", 1), i64s(-7, 7), i64s(3, -3)).toLongs()).containsExactly(-1, 1);
        assertThat(eval("onnx.Mod", attrs("fmod", 1), f32s(-7.5f, 7.5f), f32s(2, -2)).toDoubles()).containsExactly(-1.5, 1.5);
    }

    @Test
    void floatModNeedsFmod() {
        assertThatThrownBy(() -> eval("onnx.Mod", f32s(1), f32s(2)))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("floating-point Mod needs fmod = 1");
    }

    @Test
    void powHandlesMixedTypesExactly() {
        assertThat(eval("onnx.Pow", f32s(2, -3, 0.5f, 1.1f), scalar(2)).toDoubles())
                .containsExactly(4, 9, 0.25, (float) (1.1f * 1.1f));
        assertThat(eval("onnx.Pow", i64s(2, -3, 7), i64s(10, 3, 0)).toLongs()).containsExactly(1024, -27, 1);
        assertThat(eval("onnx.Pow", f32s(2, 4), i64s(3, -1)).toDoubles()).containsExactly(8, 0.25);
        Tensor intBase = eval("onnx.Pow", i64s(4, 10), f32s(0.5f, -1));
        assertThat(intBase.elementType()).isEqualTo(ElementType.I64);
        assertThat(intBase.toLongs()).containsExactly(2, 0);
    }

    @Test
    void unaryMathIsFaithful() {
        assertThat(eval("onnx.Neg", i64s(3, -4)).toLongs()).containsExactly(-3, 4);
        assertThat(eval("onnx.Abs", f32s(-1.5f, 2)).toDoubles()).containsExactly(1.5, 2);
        assertThat(eval("onnx.Sqrt", f32s(4, 2)).toDoubles()).containsExactly(2, (float) Math.sqrt(2));
        assertThat(eval("onnx.Exp", f32s(0, 1)).toDoubles()).containsExactly(1, (float) Math.E);
        assertThat(eval("onnx.Log", f32s(1)).toDoubles()).containsExactly(0);
        assertThat(eval("onnx.Tanh", f32s(0)).toDoubles()).containsExactly(0);
        assertThat(eval("onnx.Reciprocal", f32s(4, -0.5f)).toDoubles()).containsExactly(0.25, -2);
        assertThat(eval("onnx.Relu", f32s(-1, 3)).toDoubles()).containsExactly(0, 3);
        assertThat(eval("onnx.Floor", f32s(-1.5f, 1.5f)).toDoubles()).containsExactly(-2, 1);
        assertThat(eval("onnx.Identity", i64s(5)).toLongs()).containsExactly(5);
    }

    @Test
    void sigmoidAndSoftplusAreStableAtTheExtremes() {
        assertThat(eval("onnx.Sigmoid", f32s(0, -1000, 1000)).toDoubles()).containsExactly(0.5, 0, 1);
        double[] sp = eval("onnx.Softplus", f32s(0, 100, -100, 1000)).toDoubles();
        assertThat(sp[0]).isEqualTo((float) Math.log(2));
        assertThat(sp[1]).isEqualTo(100);
        assertThat(sp[2]).isBetween(0.0, 1e-40);
        assertThat(sp[3]).isEqualTo(1000);
    }

    @Test
    void notAndLogicWorkOnBooleans() {
        assertThat(eval("onnx.Not", bools(shape(2), 1, 0)).toLongs()).containsExactly(0, 1);
        assertThat(eval("onnx.And", bools(shape(4), 0, 0, 1, 1), bools(shape(4), 0, 1, 0, 1)).toLongs()).containsExactly(0, 0, 0, 1);
        assertThat(eval("onnx.Or", bools(shape(4), 0, 0, 1, 1), bools(shape(4), 0, 1, 0, 1)).toLongs()).containsExactly(0, 1, 1, 1);
        assertThatThrownBy(() -> infer("onnx.Not", Map.of(), type(ElementType.F32, 2)))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("must be a boolean (i1) tensor");
    }

    @Test
    void comparisonsGiveBooleans() {
        Tensor eq = eval("onnx.Equal", i64s(1, 2, 3), i64(2));
        assertThat(eq.elementType()).isEqualTo(ElementType.I1);
        assertThat(eq.toLongs()).containsExactly(0, 1, 0);
        assertThat(eval("onnx.Greater", f32s(0.5f, 2, Float.NaN), scalar(1)).toLongs()).containsExactly(0, 1, 0);
        assertThat(eval("onnx.Less", f32s(0.5f, 2), scalar(1)).toLongs()).containsExactly(1, 0);
        assertThat(eval("onnx.Equal", f32s(Float.NaN), f32s(Float.NaN)).toLongs()).containsExactly(0);
    }

    @Test
    void maxAndMinTakeAnyNumberOfOperands() {
        assertThat(eval("onnx.Max", f32s(1, 5), scalar(3), f32(shape(2, 1), 0, 10)).toDoubles()).containsExactly(3, 5, 10, 10);
        assertThat(eval("onnx.Min", i64s(1, 5), i64(3)).toLongs()).containsExactly(1, 3);
        assertThat(eval("onnx.Max", f32s(Float.NaN, 1), f32s(0, 2)).toDoubles()).containsExactly(Double.NaN, 2);
    }

    @Test
    void operandsMustShareTheElementType() {
        assertThatThrownBy(() -> infer("onnx.Add", Map.of(), type(ElementType.F32, 2), type(ElementType.I64, 2)))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("'onnx.Add' op operands #0 and #1 must have the same element type, got f32 and i64");
    }

    @Test
    void shapesThatDoNotBroadcastAreAnError() {
        assertThatThrownBy(() -> infer("onnx.Mul", Map.of(), type(ElementType.F32, 2, 3), type(ElementType.F32, 4)))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("do not broadcast");
    }

    @Test
    void dynamicDimsBroadcastAgainstKnownOnes() {
        assertThat(infer("onnx.Add", Map.of(), type(ElementType.F32, -1, 1), type(ElementType.F32, 1, 8)))
                .containsExactly(type(ElementType.F32, -1, 8));
    }
}
