package dev.xamba.ir.onnx;

import static dev.xamba.ir.onnx.OnnxOps.attrs;
import static dev.xamba.ir.onnx.OnnxOps.eval;
import static dev.xamba.ir.onnx.OnnxOps.f32s;
import static dev.xamba.ir.onnx.OnnxOps.i64;
import static dev.xamba.ir.onnx.OnnxOps.i64s;
import static dev.xamba.ir.onnx.OnnxOps.infer;
import static dev.xamba.ir.onnx.OnnxOps.scalar;
import static dev.xamba.ir.onnx.OnnxOps.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import org.junit.jupiter.api.Test;

class CastClipTest {
    @Test
    void castFloatToIntTruncatesTowardZero() {
        Tensor r = eval("onnx.Cast", attrs("to", 7), f32s(-2.7f, 2.7f, -0.5f, 3));
        assertThat(r.elementType()).isEqualTo(ElementType.I64);
        assertThat(r.toLongs()).containsExactly(-2, 2, 0, 3);
        assertThat(eval("onnx.Cast", attrs("to", 6), f32s(-2.7f)).toLongs()).containsExactly(-2);
    }

    @Test
    void castToBoolIsNonZero() {
        Tensor r = eval("onnx.Cast", attrs("to", 9), f32s(0, -0.5f, Float.NaN, 2));
        assertThat(r.elementType()).isEqualTo(ElementType.I1);
        assertThat(r.toLongs()).containsExactly(0, 1, 1, 1);
        assertThat(eval("onnx.Cast", attrs("to", 9), i64s(0, 7)).toLongs()).containsExactly(0, 1);
    }

    @Test
    void castBetweenIntegersAndFloats() {
        assertThat(eval("onnx.Cast", attrs("to", 1), i64s(3, -16777217)).toDoubles()).containsExactly(3, -16777216);
        assertThat(eval("onnx.Cast", attrs("to", 6), i64s(1L << 32 | 5)).toLongs()).containsExactly(5);
        assertThat(eval("onnx.Cast", attrs("to", 2), i64s(-1)).toLongs()).containsExactly(255);
        assertThat(eval("onnx.Cast", attrs("to", 10), f32s(1.0009765625f)).toDoubles()).containsExactly(1.0009765625);
    }

    @Test
    void castOfLargeIntegersToFloatsRoundsOnce() {
        // Through double, 2^60 + 2^36 + 1 became the tie 2^60 + 2^36, which f32 rounded down to 2^60 (numpy: up).
        long x = (1L << 60) + (1L << 36) + 1;
        double up = (1L << 60) + (1L << 37);
        assertThat(eval("onnx.Cast", attrs("to", 1), i64s(x, -x)).toDoubles()).containsExactly(up, -up);
        // bf16 through f32 rounded twice as well: 2^24 + 2^16 + 1 became the tie 2^24 + 2^16, then 2^24.
        assertThat(eval("onnx.Cast", attrs("to", 16), i64s((1 << 24) + (1 << 16) + 1, (1L << 60) + (1L << 52) + 1)).toDoubles())
                .containsExactly((1 << 24) + (1 << 17), (double) ((1L << 60) + (1L << 53)));
        assertThat(eval("onnx.Cast", attrs("to", 10), i64s(2049, 2051, 65519, 65520, Long.MIN_VALUE)).toDoubles())
                .containsExactly(2048, 2052, 65504, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void castToATypeTheIrLacksIsAnError() {
        assertThatThrownBy(() -> infer("onnx.Cast", attrs("to", 4), type(ElementType.F32, 2)))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("cannot cast to UINT16 (4): the IR has no such element type");
    }

    @Test
    void clipLimitsBothWaysAndKeepsNaN() {
        assertThat(eval("onnx.Clip", f32s(-5, 0.5f, 5, Float.NaN), scalar(-1), scalar(1)).toDoubles())
                .containsExactly(-1, 0.5, 1, Double.NaN);
        assertThat(eval("onnx.Clip", f32s(-5, 5), scalar(0)).toDoubles()).containsExactly(0, 5);
        assertThat(eval("onnx.Clip", f32s(-5, 5)).toDoubles()).containsExactly(-5, 5);
        assertThat(eval("onnx.Clip", i64s(-5, 3, 9), i64(0), i64(4)).toLongs()).containsExactly(0, 3, 4);
    }

    @Test
    void clipBoundsMustBeScalars() {
        assertThatThrownBy(() -> infer("onnx.Clip", attrs(), type(ElementType.F32, 4), f32s(0, 1)))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("min (operand #1) must be a scalar");
    }
}
