package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import org.junit.jupiter.api.Test;

class ClipAndSwishLoweringTest {

    @Test
    void clipWithConstantBoundsIsClamp() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 8));
        ModuleOp m = g.returning(g.op("onnx.Clip", g.arg(0), g.scalarFloat(-1.5), g.scalarFloat(2.25)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("\"ov.Clamp\"(%arg0) {max = 2.25 : f32, min = -1.5 : f32}").doesNotContain("ov.Maximum");
    }

    @Test
    void clipOfIntegersWithConstantBoundsIsClamp() {
        OnnxGraph g = OnnxGraph.of(i64t(16));
        Value lo = g.constant(Tensor.ofLongs(i64t(), new long[] {-2}));
        Value hi = g.constant(Tensor.ofLongs(i64t(1), new long[] {3}));
        ModuleOp m = g.returning(g.op("onnx.Clip", g.arg(0), lo, hi));
        assertThat(Legalization.sameNumerics(m, 0)).contains("{max = 3.0 : f64, min = -2.0 : f64}");
    }

    @Test
    void clipWithOnlyAMinimumIsMaximum() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        ModuleOp m = g.returning(g.op("onnx.Clip", g.arg(0), g.scalarFloat(0.5)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("ov.Maximum").doesNotContain("ov.Minimum").doesNotContain("ov.Clamp");
    }

    @Test
    void clipWithRunTimeBoundsIsMaximumThenMinimum() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 4), f32t(), f32t(1));
        ModuleOp m = g.returning(g.op("onnx.Clip", g.arg(0), g.arg(1), g.arg(2)));
        String ir = Legalization.sameNumerics(m, 0);
        // The [1] bound is squeezed to a scalar so that it cannot change the result's rank.
        assertThat(ir).contains("\"ov.Maximum\"(%arg0, %arg1)").contains("\"ov.Squeeze\"(%arg2)").contains("ov.Minimum");
    }

    @Test
    void clipWithMinAboveMaxGivesMaxEverywhereAsOnnxDefines() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        ModuleOp m = g.returning(g.op("onnx.Clip", g.arg(0), g.scalarFloat(2), g.scalarFloat(-1)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("ov.Maximum").contains("ov.Minimum").doesNotContain("ov.Clamp");
    }

    @Test
    void clipWithoutBoundsIsTheIdentity() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        ModuleOp m = g.returning(g.op("onnx.Clip", g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("func.return %arg0");
    }

    @Test
    void xTimesSigmoidOfXFusesIntoSwishInEitherOrder() {
        OnnxGraph g = OnnxGraph.of(f32t(4, 16));
        Value sigmoid = g.op("onnx.Sigmoid", g.arg(0));
        Value left = g.op("onnx.Mul", g.arg(0), sigmoid);
        Value right = g.op("onnx.Mul", sigmoid, g.arg(0));
        ModuleOp m = g.returning(left, right);
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("\"ov.Swish\"(%arg0)").contains("loc(fused[\"Mul_1\", \"Sigmoid_0\"])")
                .doesNotContain("ov.Sigmoid").doesNotContain("ov.Multiply");
    }

    @Test
    void sigmoidWithOtherUsersSurvivesTheFusion() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        Value sigmoid = g.op("onnx.Sigmoid", g.arg(0));
        ModuleOp m = g.returning(g.op("onnx.Mul", g.arg(0), sigmoid), sigmoid);
        assertThat(Legalization.sameNumerics(m, 1e-6)).contains("ov.Swish").contains("ov.Sigmoid");
    }

    @Test
    void productWithTheSigmoidOfAnotherValueIsNotSwish() {
        OnnxGraph g = OnnxGraph.of(f32t(8), f32t(8));
        Value sigmoid = g.op("onnx.Sigmoid", g.arg(0));
        ModuleOp m = g.returning(g.op("onnx.Mul", g.arg(1), sigmoid));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("\"ov.Sigmoid\"(%arg0)").contains("ov.Multiply").doesNotContain("ov.Swish");
    }

    @Test
    void productWithAnEqualButDistinctValueIsNotSwish() {
        OnnxGraph g = OnnxGraph.of(f32t(8));
        Value x1 = g.op("onnx.Relu", g.arg(0));
        Value x2 = g.op("onnx.Relu", g.arg(0));
        ModuleOp m = g.returning(g.op("onnx.Mul", x1, g.op("onnx.Sigmoid", x2)));
        assertThat(Legalization.sameNumerics(m, 0)).doesNotContain("ov.Swish");
    }

    @Test
    void f16SwishStaysF16() {
        TensorType half = TensorType.of(ElementType.F16, 8);
        OnnxGraph g = OnnxGraph.of(half);
        ModuleOp m = g.returning(g.op("onnx.Mul", g.arg(0), g.op("onnx.Sigmoid", g.arg(0))));
        assertThat(Legalization.sameNumerics(m, 1e-3)).contains("\"ov.Swish\"(%arg0) : (tensor<8xf16>) -> tensor<8xf16>");
    }
}
