package dev.xamba.ir.ov;

import static dev.xamba.ir.ov.OvFixture.attrs;
import static dev.xamba.ir.ov.OvFixture.none;
import static dev.xamba.ir.ov.OvFixture.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import org.junit.jupiter.api.Test;

/** Type inference and reference values of the elementwise ov ops, against hand-computed results. */
class OvElementwiseTest {
    private final OvFixture fx = new OvFixture();

    @Test
    void arithmeticBroadcasts() {
        var a = fx.f32(shape(2, 2), 1, 2, 3, 4);
        var b = fx.f32(shape(2), 10, 20);
        Tensor sum = fx.eval1("ov.Add", none(), a, b);
        assertThat(sum.type()).isEqualTo(TensorType.of(ElementType.F32, 2, 2));
        assertThat(sum.toDoubles()).containsExactly(11, 22, 13, 24);
        assertThat(fx.eval1("ov.Maximum", none(), a, fx.scalarF(2.5)).toDoubles()).containsExactly(2.5, 2.5, 3, 4);
        assertThat(fx.eval1("ov.Minimum", none(), a, fx.scalarF(2.5)).toDoubles()).containsExactly(1, 2, 2.5, 2.5);
        assertThat(fx.eval1("ov.Power", none(), a, fx.scalarF(0.5)).toDoubles()[3]).isEqualTo(2);
        assertThat(fx.eval1("ov.Subtract", none(), b, a).toDoubles()).containsExactly(9, 18, 7, 16);
    }

    @Test
    void integerDivisionFloorsUnlessPythonDivIsOff() {
        var a = fx.ints(7, -7, 7, -7);
        var b = fx.ints(2, 2, -2, -2);
        assertThat(fx.eval1("ov.Divide", none(), a, b).toLongs()).containsExactly(3, -4, -4, 3);
        assertThat(fx.eval1("ov.Divide", attrs("m_pythondiv", false), a, b).toLongs()).containsExactly(3, -3, -3, 3);
        assertThat(fx.eval1("ov.Divide", none(), fx.f32(shape(2), 7, -7), fx.f32(shape(2), 2, 2)).toDoubles())
                .containsExactly(3.5, -3.5);
    }

    @Test
    void floorModTakesTheDivisorsSign() {
        assertThat(fx.eval1("ov.FloorMod", none(), fx.ints(7, -7, 7, -7), fx.ints(2, 2, -2, -2)).toLongs())
                .containsExactly(1, 1, -1, -1);
        assertThat(fx.eval1("ov.FloorMod", none(), fx.f32(shape(4), 7.5, -6.5, 7.5, -6.5), fx.f32(shape(4), 2, 2, -2, -2))
                .toDoubles()).containsExactly(1.5, 1.5, -0.5, -0.5);
    }

    @Test
    void integerPowerTruncatesLikeStdPow() {
        assertThat(fx.eval1("ov.Power", none(), fx.ints(2, 3, -2, 5), fx.ints(3, 0, 3, -1)).toLongs()).containsExactly(8, 1, -8, 0);
    }

    @Test
    void comparisonsGiveBooleans() {
        var a = fx.f32(shape(3), 1, 2, 3);
        var b = fx.scalarF(2);
        Tensor less = fx.eval1("ov.Less", none(), a, b);
        assertThat(less.elementType()).isEqualTo(ElementType.I1);
        assertThat(less.toLongs()).containsExactly(1, 0, 0);
        assertThat(fx.eval1("ov.Equal", none(), a, b).toLongs()).containsExactly(0, 1, 0);
        assertThat(fx.eval1("ov.NotEqual", none(), a, b).toLongs()).containsExactly(1, 0, 1);
        assertThat(fx.eval1("ov.LessEqual", none(), a, b).toLongs()).containsExactly(1, 1, 0);
        assertThat(fx.eval1("ov.Greater", none(), a, b).toLongs()).containsExactly(0, 0, 1);
        assertThat(fx.eval1("ov.GreaterEqual", none(), fx.ints(1, 5), fx.scalar(5)).toLongs()).containsExactly(0, 1);
    }

    @Test
    void logicalOps() {
        var a = fx.bools(shape(4), 0, 0, 1, 1);
        var b = fx.bools(shape(4), 0, 1, 0, 1);
        assertThat(fx.eval1("ov.LogicalAnd", none(), a, b).toLongs()).containsExactly(0, 0, 0, 1);
        assertThat(fx.eval1("ov.LogicalOr", none(), a, b).toLongs()).containsExactly(0, 1, 1, 1);
        assertThat(fx.eval1("ov.LogicalXor", none(), a, b).toLongs()).containsExactly(0, 1, 1, 0);
        assertThat(fx.eval1("ov.LogicalNot", none(), a).toLongs()).containsExactly(1, 1, 0, 0);
        assertThat(fx.error("ov.LogicalNot", none(), fx.ints(1))).contains("must be a boolean (i1) tensor");
    }

    @Test
    void activations() {
        var x = fx.f32(shape(4), -2, 0, 1, 30);
        assertThat(fx.eval1("ov.ReLU", none(), x).toDoubles()).containsExactly(0, 0, 1, 30);
        assertThat(fx.eval1("ov.ReLU", none(), fx.ints(-3, 4)).toLongs()).containsExactly(0, 4);
        assertThat(fx.eval1("ov.Abs", none(), fx.ints(-3, 4)).toLongs()).containsExactly(3, 4);
        assertThat(fx.eval1("ov.Negative", none(), x).toDoubles()).containsExactly(2, -0.0, -1, -30);
        double[] sp = fx.eval1("ov.SoftPlus", none(), x).toDoubles();
        assertThat(sp[0]).isCloseTo(Math.log1p(Math.exp(-2)), within(1e-7));
        assertThat(sp[1]).isCloseTo(Math.log(2), within(1e-7));
        assertThat(sp[3]).isEqualTo(30); // above SoftPlus-4's threshold the result is x itself (to f32 precision)
        assertThat(fx.eval1("ov.Sigmoid", none(), x).toDoubles()[1]).isEqualTo(0.5);
        assertThat(fx.eval1("ov.Tanh", none(), x).toDoubles()[2]).isCloseTo(Math.tanh(1), within(1e-7));
        assertThat(fx.eval1("ov.Exp", none(), x).toDoubles()[2]).isCloseTo(Math.E, within(1e-6));
        assertThat(fx.eval1("ov.Log", none(), x).toDoubles()[2]).isZero();
        assertThat(fx.eval1("ov.Sqrt", none(), fx.f32(shape(1), 9)).toDoubles()).containsExactly(3);
        assertThat(fx.error("ov.Exp", none(), fx.ints(1))).contains("operand #0 must be a float tensor, got tensor<1xi64>");
    }

    @Test
    void swishWithAndWithoutBeta() {
        var x = fx.f32(shape(2), 0, 2);
        assertThat(fx.eval1("ov.Swish", none(), x).toDoubles()[1]).isCloseTo(2 / (1 + Math.exp(-2)), within(1e-6));
        assertThat(fx.eval1("ov.Swish", none(), x, fx.scalarF(0.5)).toDoubles()[1]).isCloseTo(2 / (1 + Math.exp(-1)), within(1e-6));
        assertThat(fx.error("ov.Swish", none(), x, fx.f32(shape(1), 1))).contains("beta (operand #1) must be a scalar");
    }

    @Test
    void clampRoundsIntegerBoundsInward() {
        assertThat(fx.eval1("ov.Clamp", attrs("min", -1.5, "max", 2.5), fx.ints(-5, -1, 0, 2, 3, 9)).toLongs())
                .containsExactly(-1, -1, 0, 2, 2, 2);
        assertThat(fx.eval1("ov.Clamp", attrs("min", -1.5, "max", 2.5), fx.f32(shape(3), -5, 1, 9)).toDoubles())
                .containsExactly(-1.5, 1, 2.5);
        assertThat(fx.error("ov.Clamp", attrs("min", 2.0, "max", 1.0), fx.ints(1))).contains("needs min <= max");
    }

    @Test
    void convertTruncatesWrapsAndTestsNonZero() {
        var x = fx.f32(shape(5), -2.7, -0.5, 0.1, 2.5, 300.7);
        assertThat(fx.eval1("ov.Convert", attrs("destination_type", "i32"), x).toLongs()).containsExactly(-2, 0, 0, 2, 300);
        assertThat(fx.eval1("ov.Convert", attrs("destination_type", "u8"), x).toLongs()).containsExactly(254, 0, 0, 2, 44);
        Tensor b = fx.eval1("ov.Convert", attrs("destination_type", "boolean"), x);
        assertThat(b.elementType()).isEqualTo(ElementType.I1);
        assertThat(b.toLongs()).containsExactly(1, 1, 1, 1, 1);
        assertThat(fx.eval1("ov.Convert", attrs("destination_type", "f16"), fx.f32(shape(1), 0.1)).toDoubles()[0])
                .isEqualTo(0.0999755859375);
        assertThat(fx.error("ov.Convert", attrs("destination_type", "bool"), x))
                .contains("attribute 'destination_type' is \"bool\", expected an OpenVINO element type");
    }

    @Test
    void convertOfLargeIntegersToFloatsRoundsOnce() {
        // Rounded twice, the first became 2^60 in f32 (through double) and the second 2^24 in bf16 (through f32).
        var x = fx.ints((1L << 60) + (1L << 36) + 1, (1 << 24) + (1 << 16) + 1);
        assertThat(fx.eval1("ov.Convert", attrs("destination_type", "f32"), x).toDoubles())
                .containsExactly((double) ((1L << 60) + (1L << 37)), (1 << 24) + (1 << 16));
        assertThat(fx.eval1("ov.Convert", attrs("destination_type", "bf16"), x).toDoubles())
                .containsExactly((double) (1L << 60), (1 << 24) + (1 << 17));
    }

    @Test
    void selectBroadcastsAllThree() {
        Tensor r = fx.eval1("ov.Select", none(), fx.bools(shape(2, 1), 1, 0), fx.f32(shape(3), 1, 2, 3), fx.scalarF(-1));
        assertThat(r.type().shape()).containsExactly(2, 3);
        assertThat(r.toDoubles()).containsExactly(1, 2, 3, -1, -1, -1);
        assertThat(fx.error("ov.Select", none(), fx.ints(1), fx.scalarF(1), fx.scalarF(2))).contains("cond (operand #0) must be a boolean");
    }

    @Test
    void elementTypesMustMatchAndShapesBroadcast() {
        assertThat(fx.error("ov.Add", none(), fx.scalarF(1), fx.scalar(1))).contains("have different element types (f32 vs i64)");
        assertThat(fx.error("ov.Equal", none(), fx.f32(shape(2), 1, 2), fx.f32(shape(3), 1, 2, 3))).contains("do not broadcast");
        assertThat(fx.error("ov.Add", attrs("auto_broadcast", "pdpd"), fx.scalarF(1), fx.scalarF(1)))
                .contains("unsupported auto_broadcast \"pdpd\"");
    }
}
