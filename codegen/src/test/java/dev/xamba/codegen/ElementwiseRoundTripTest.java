package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.bool;
import static dev.xamba.codegen.TestGraph.f32;
import static dev.xamba.codegen.TestGraph.i64t;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Elementwise ov ops, written by the writer and run on OpenVINO's CPU, against the Java reference. */
class ElementwiseRoundTripTest {
    /** Exp/SoftPlus/Sigmoid/Tanh/Swish go through the CPU plugin's vectorized approximations. */
    private static final Tolerance TRANSCENDENTAL = new Tolerance(5e-6, 2e-6);

    @ParameterizedTest
    @ValueSource(strings = {"ov.Add", "ov.Subtract", "ov.Multiply", "ov.Divide", "ov.Maximum", "ov.Minimum"})
    void arithmeticWithBroadcasting(String op) {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 4), f32(3, 1));
        g.arg(0).setNameHint("a");
        RoundTrip.check(g.ret(g.op(op, Map.of(), g.arg(0), g.arg(1))), Tolerance.F32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ov.Add", "ov.Subtract", "ov.Multiply", "ov.Maximum", "ov.Minimum", "ov.FloorMod"})
    void integerArithmetic(String op) {
        TestGraph g = TestGraph.withInputs(i64t(4, 5), i64t(5));
        // FloorMod needs non-zero divisors: the divisor is 1..6 and the dividend any sign.
        Value divisor = op.equals("ov.FloorMod") ? g.op("ov.Add", Map.of(), g.op("ov.Abs", Map.of(), g.arg(1)), g.i64(1)) : g.arg(1);
        RoundTrip.check(g.ret(g.op(op, Map.of(), g.arg(0), divisor)), Tolerance.F32);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void integerDivideOfPositiveOperands(boolean pythonDiv) {
        // OpenVINO's CPU plugin truncates integer division even when m_pythondiv asks to floor (its constant
        // folding floors); with positive operands the two agree.
        TestGraph g = TestGraph.withInputs(i64t(3, 4), i64t(3, 4));
        RoundTrip.check(g.ret(g.op("ov.Divide", attrs("m_pythondiv", pythonDiv), g.arg(0), g.arg(1))), Tolerance.F32,
                RoundTrip.POSITIVE);
    }

    @Test
    void floatFloorModAndPower() {
        TestGraph g = TestGraph.withInputs(f32(3, 4), f32(3, 4), f32(4));
        Value mod = g.op("ov.FloorMod", Map.of(), g.arg(0), g.f32(0.75f));
        Value negMod = g.op("ov.FloorMod", Map.of(), g.arg(0), g.f32(-1.25f));
        Value pow = g.op("ov.Power", Map.of(), g.op("ov.Abs", Map.of(), g.arg(1)), g.arg(2));
        RoundTrip.check(g.ret(mod, negMod, pow), new Tolerance(1e-5, 1e-6));
    }

    static Stream<Arguments> unaries() {
        return Stream.of(
                Arguments.of("ov.ReLU", Tolerance.F32, RoundTrip.GAUSSIAN),
                Arguments.of("ov.Negative", Tolerance.F32, RoundTrip.GAUSSIAN),
                Arguments.of("ov.Abs", Tolerance.F32, RoundTrip.GAUSSIAN),
                Arguments.of("ov.Sqrt", Tolerance.F32, RoundTrip.POSITIVE),
                Arguments.of("ov.Log", Tolerance.F32, RoundTrip.POSITIVE),
                Arguments.of("ov.Exp", TRANSCENDENTAL, RoundTrip.GAUSSIAN),
                Arguments.of("ov.Sigmoid", TRANSCENDENTAL, RoundTrip.GAUSSIAN),
                Arguments.of("ov.Tanh", TRANSCENDENTAL, RoundTrip.GAUSSIAN),
                Arguments.of("ov.SoftPlus", TRANSCENDENTAL, RoundTrip.GAUSSIAN),
                Arguments.of("ov.Swish", TRANSCENDENTAL, RoundTrip.GAUSSIAN));
    }

    @ParameterizedTest
    @MethodSource("unaries")
    void unaryFloat(String op, Tolerance tol, RoundTrip.Inputs inputs) {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 5));
        RoundTrip.check(g.ret(g.op(op, Map.of(), g.arg(0))), tol, inputs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ov.ReLU", "ov.Negative", "ov.Abs"})
    void unaryInteger(String op) {
        TestGraph g = TestGraph.withInputs(i64t(7));
        RoundTrip.check(g.ret(g.op(op, Map.of(), g.arg(0))), Tolerance.F32);
    }

    @Test
    void softPlusOverItsWholeRange() {
        // Large |x| exercises SoftPlus-4's threshold (identity above ~20) and the underflow below.
        TestGraph g = TestGraph.withInputs(f32(4, 6));
        RoundTrip.check(g.ret(g.op("ov.SoftPlus", Map.of(), g.op("ov.Multiply", Map.of(), g.arg(0), g.f32(15f)))), TRANSCENDENTAL);
    }

    @Test
    void swishWithBetaAndClamp() {
        TestGraph g = TestGraph.withInputs(f32(3, 4));
        Value swish = g.op("ov.Swish", Map.of(), g.arg(0), g.f32(1.7f));
        Value clamp = g.op("ov.Clamp", attrs("min", -0.5, "max", 0.75), g.arg(0));
        Value clampInt = g.op("ov.Clamp", attrs("min", -1.5, "max", 2.5),
                g.op("ov.Convert", attrs("destination_type", "i64"), g.op("ov.Multiply", Map.of(), g.arg(0), g.f32(3f))));
        RoundTrip.check(g.ret(swish, clamp, clampInt), TRANSCENDENTAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ov.Equal", "ov.NotEqual", "ov.Less", "ov.LessEqual", "ov.Greater", "ov.GreaterEqual"})
    void comparisons(String op) {
        TestGraph g = TestGraph.withInputs(f32(3, 4), f32(4), i64t(3, 4));
        Value floats = g.op(op, Map.of(), g.arg(0), g.arg(1));
        Value ints = g.op(op, Map.of(), g.arg(2), g.i64(0));
        RoundTrip.check(g.ret(floats, ints), Tolerance.F32, RoundTrip.COARSE);
    }

    @Test
    void logicalOps() {
        TestGraph g = TestGraph.withInputs(bool(2, 5), bool(5));
        Value and = g.op("ov.LogicalAnd", Map.of(), g.arg(0), g.arg(1));
        Value or = g.op("ov.LogicalOr", Map.of(), g.arg(0), g.arg(1));
        Value xor = g.op("ov.LogicalXor", Map.of(), g.arg(0), g.arg(1));
        RoundTrip.check(g.ret(and, or, xor, g.op("ov.LogicalNot", Map.of(), g.arg(0))), Tolerance.F32);
    }

    @Test
    void selectWithThreeWayBroadcast() {
        TestGraph g = TestGraph.withInputs(bool(3, 1), f32(4), f32(3, 4));
        RoundTrip.check(g.ret(g.op("ov.Select", Map.of(), g.arg(0), g.arg(1), g.arg(2))), Tolerance.F32);
    }

    @Test
    void converts() {
        TestGraph g = TestGraph.withInputs(f32(2, 6), i64t(5));
        Value scaled = g.op("ov.Multiply", Map.of(), g.arg(0), g.f32(3.3f));
        // Floats truncate toward zero, then wrap to the width (-2.7 to u8 is 254); non-zero is true.
        Value wide = g.op("ov.Multiply", Map.of(), g.arg(0), g.f32(100f));
        Operation module = g.ret(g.op("ov.Convert", attrs("destination_type", "i32"), scaled),
                g.op("ov.Convert", attrs("destination_type", "i64"), scaled),
                g.op("ov.Convert", attrs("destination_type", "boolean"), g.arg(0)),
                g.op("ov.Convert", attrs("destination_type", "f32"), g.arg(1)),
                g.op("ov.Convert", attrs("destination_type", "f16"), g.arg(0)),
                g.op("ov.Convert", attrs("destination_type", "u8"), wide));
        RoundTrip.check(module, Tolerance.F32);
    }
}
