package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.boolt;
import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementwiseLoweringTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"onnx.Neg, ov.Negative", "onnx.Abs, ov.Abs", "onnx.Relu, ov.ReLU", "onnx.Sqrt, ov.Sqrt",
        "onnx.Exp, ov.Exp", "onnx.Log, ov.Log", "onnx.Tanh, ov.Tanh", "onnx.Sigmoid, ov.Sigmoid",
        "onnx.Softplus, ov.SoftPlus"})
    void unaryFloatOpsMapOneToOne(String onnx, String ov) {
        OnnxGraph g = OnnxGraph.of(f32t(2, 8));
        ModuleOp m = g.returning(g.op(onnx, g.arg(0)));
        // Sqrt and Log of negatives are NaN on both sides; Softplus is tested over a wide range below.
        String ir = Legalization.sameNumerics(m, 0, (type, rnd) -> Legalization.uniform(type, rnd, -30, 30, 0, 0));
        assertThat(ir).contains("\"" + ov + "\"(%arg0)");
    }

    @Test
    void integerNegAbsReluStayExact() {
        OnnxGraph g = OnnxGraph.of(i64t(16));
        ModuleOp m = g.returning(g.op("onnx.Neg", g.arg(0)), g.op("onnx.Abs", g.arg(0)), g.op("onnx.Relu", g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("ov.Negative").contains("ov.Abs").contains("ov.ReLU");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"onnx.Add, ov.Add", "onnx.Sub, ov.Subtract", "onnx.Mul, ov.Multiply", "onnx.Div, ov.Divide",
        "onnx.Equal, ov.Equal", "onnx.Greater, ov.Greater", "onnx.GreaterOrEqual, ov.GreaterEqual",
        "onnx.Less, ov.Less", "onnx.LessOrEqual, ov.LessEqual", "onnx.Max, ov.Maximum", "onnx.Min, ov.Minimum"})
    void binaryFloatOpsBroadcastLikeNumpy(String onnx, String ov) {
        OnnxGraph g = OnnxGraph.of(f32t(3, 1, 4), f32t(5, 1));
        ModuleOp m = g.returning(g.op(onnx, g.arg(0), g.arg(1)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("\"" + ov + "\"(%arg0, %arg1)");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"onnx.And, ov.LogicalAnd", "onnx.Or, ov.LogicalOr", "onnx.Xor, ov.LogicalXor"})
    void booleanConnectives(String onnx, String ov) {
        OnnxGraph g = OnnxGraph.of(boolt(4, 4), boolt(4));
        ModuleOp m = g.returning(g.op(onnx, g.arg(0), g.arg(1)), g.op("onnx.Not", g.arg(1)));
        assertThat(Legalization.sameNumerics(m, 0)).contains(ov).contains("ov.LogicalNot");
    }

    @Test
    void integerDivisionTruncatesTowardZeroLikeOnnx() {
        OnnxGraph g = OnnxGraph.of(i64t(64), i64t(64));
        ModuleOp m = g.returning(g.op("onnx.Div", g.arg(0), g.arg(1)));
        // Operands in ±[1, 9]: -7 / 2 must be -3 (ONNX), not -4 (OpenVINO's Python division).
        String ir = Legalization.sameNumerics(m, 0, nonZeroInts());
        assertThat(ir).contains("\"ov.Divide\"(%arg0, %arg1) {m_pythondiv = false}");
    }

    @Test
    void reciprocalIsOneDividedByX() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        ModuleOp m = g.returning(g.op("onnx.Reciprocal", g.arg(0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{value = dense<1.0> : tensor<f32>}").contains("\"ov.Divide\"(%0, %arg0)");
    }

    @Test
    void powWithSameTypesIsPower() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        ModuleOp m = g.returning(g.op("onnx.Pow", g.arg(0), g.scalarFloat(2.0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("ov.Power").doesNotContain("ov.Convert");
    }

    @Test
    void powWithIntegerExponentConvertsTheExponent() {
        OnnxGraph g = OnnxGraph.of(f32t(8), i64t(8));
        ModuleOp m = g.returning(g.op("onnx.Pow", g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 1e-6, (type, rnd) ->
                Legalization.uniform(type, rnd, 0.5, 3, -3, 3));
        assertThat(ir).contains("\"ov.Convert\"(%arg1) {destination_type = \"f32\"}").contains("ov.Power");
    }

    @Test
    void powOfIntegersByFloatsGoesThroughF64() {
        OnnxGraph g = OnnxGraph.of(i64t(8), f32t(8));
        ModuleOp m = g.returning(g.op("onnx.Pow", g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 0, (type, rnd) -> Legalization.uniform(type, rnd, 0, 3, 1, 9));
        assertThat(ir).contains("destination_type = \"f64\"").contains("destination_type = \"i64\"");
    }

    @Test
    void modWithFmodZeroIsFloorMod() {
        OnnxGraph g = OnnxGraph.of(i64t(32), i64t(32));
        ModuleOp m = g.returning(g.op("onnx.Mod", g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 0, nonZeroInts());
        assertThat(ir).contains("ov.FloorMod");
    }

    @Test
    void integerFmodTakesTheDividendsSign() {
        OnnxGraph g = OnnxGraph.of(i64t(32), i64t(32));
        ModuleOp m = g.returning(g.op("onnx.Mod", Map.of("fmod", i64(1)), g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 0, nonZeroInts());
        assertThat(ir).contains("m_pythondiv = false").contains("ov.Subtract").doesNotContain("ov.FloorMod");
    }

    @Test
    void floatFmodTakesTheDividendsSign() {
        OnnxGraph g = OnnxGraph.of(f32t(64), f32t(64));
        ModuleOp m = g.returning(g.op("onnx.Mod", Map.of("fmod", i64(1)), g.arg(0), g.arg(1)));
        assertThat(Legalization.sameNumerics(m, 1e-6)).contains("ov.FloorMod").contains("ov.Select");
    }

    @Test
    void variadicMaxChainsMaximum() {
        OnnxGraph g = OnnxGraph.of(f32t(4), f32t(2, 1), f32t(1, 4));
        ModuleOp m = g.returning(g.op("onnx.Max", g.arg(0), g.arg(1), g.arg(2)), g.op("onnx.Min", g.arg(0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir.split("ov.Maximum", -1)).hasSize(3);
        assertThat(ir).doesNotContain("ov.Minimum").contains("func.return %1, %arg0");
    }

    @Test
    void whereBecomesSelect() {
        OnnxGraph g = OnnxGraph.of(boolt(4, 1), f32t(4, 3), f32t(3));
        ModuleOp m = g.returning(g.op("onnx.Where", g.arg(0), g.arg(1), g.arg(2)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("\"ov.Select\"(%arg0, %arg1, %arg2)");
    }

    @Test
    void castToAnotherTypeIsConvertAndToTheSameTypeVanishes() {
        OnnxGraph g = OnnxGraph.of(f32t(16), i64t(16));
        Value toInt = g.op("onnx.Cast", Map.of("to", i64(6)), g.arg(0));
        Value intToBool = g.op("onnx.Cast", Map.of("to", i64(9)), g.arg(1));
        Value same = g.op("onnx.Cast", Map.of("to", i64(1)), g.arg(0));
        ModuleOp m = g.returning(toInt, intToBool, same);
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{destination_type = \"i32\"}").contains("{destination_type = \"boolean\"}")
                .contains("func.return %0, %1, %arg0");
    }

    @Test
    void eightBitArithmeticIsComputedInI32AndWrapsBack() {
        // OpenVINO's CPU plugin saturates u8/i8 Add/Sub/Mul/Neg/Abs; ONNX wraps. i16 and wider stay direct.
        OnnxGraph g = OnnxGraph.of(OnnxGraph.t(ElementType.U8, 8), OnnxGraph.t(ElementType.U8, 8), OnnxGraph.t(ElementType.I16, 8));
        ModuleOp m = g.returning(g.op("onnx.Add", g.arg(0), g.arg(1)), g.op("onnx.Neg", g.arg(2)));
        String ir = Legalization.sameNumerics(m, 0, (type, rnd) -> Legalization.uniform(type, rnd, 0, 0, 0, 255));
        assertThat(ir).contains("\"ov.Add\"(%0, %1) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>")
                .contains("{destination_type = \"u8\"}").contains("\"ov.Negative\"(%arg2) : (tensor<8xi16>) -> tensor<8xi16>");
    }

    @Test
    void castOfFloatToBoolIsNotEqualZeroSoThatNanIsTrue() {
        // OpenVINO's CPU plugin converts NaN to false; ONNX's Cast gives true for it, as for any non-zero value.
        OnnxGraph g = OnnxGraph.of(f32t(16));
        ModuleOp m = g.returning(g.op("onnx.Cast", Map.of("to", i64(9)), g.arg(0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("ov.NotEqual").doesNotContain("ov.Convert");
    }

    @Test
    void identityForwardsItsOperand() {
        OnnxGraph g = OnnxGraph.of(f32t(3));
        ModuleOp m = g.returning(g.op("onnx.Identity", g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("func.return %arg0");
    }

    private static Legalization.Inputs nonZeroInts() {
        return (type, rnd) -> {
            long[] v = new long[(int) type.numElements()];
            for (int i = 0; i < v.length; i++) v[i] = (rnd.nextInt(9) + 1) * (rnd.nextBoolean() ? 1 : -1);
            return Tensor.ofLongs(type, v);
        };
    }
}
