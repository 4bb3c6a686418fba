package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskLoweringTest {

    @Test
    void upperTriluIsSelectWithAConstantMask() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        ModuleOp m = g.returning(g.op("onnx.Trilu", g.arg(0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("dense<[[true, true, true, true], [false, true, true, true], [false, false, true, true]]> : tensor<3x4xi1>")
                .contains("\"ov.Select\"(%0, %arg0, %1)").contains("dense<0.0> : tensor<f32>");
    }

    @Test
    void lowerTriluBelowTheDiagonal() {
        // Mamba-2's segment sum: tril(diagonal = -1).
        OnnxGraph g = OnnxGraph.of(f32t(4, 4));
        ModuleOp m = g.returning(g.op("onnx.Trilu", Map.of("upper", i64(0)), g.arg(0), g.scalarInt(-1)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("[[false, false, false, false], [true, false, false, false], [true, true, false, false], [true, true, true, false]]");
    }

    @Test
    void triluZeroesNaNsToo() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 3));
        ModuleOp m = g.returning(g.op("onnx.Trilu", Map.of("upper", i64(0)), g.arg(0), g.scalarInt(1)));
        Legalization.sameNumerics(m, 0, (type, rnd) -> Tensor.splat(type, Double.NaN));
    }

    @Test
    void oneHotWrapsNegativeIndicesLikeOnnx() {
        OnnxGraph g = OnnxGraph.of(i64t(2, 5));
        Value values = g.floats(new long[] {2}, -1, 3);
        ModuleOp m = g.returning(g.op("onnx.OneHot", Map.of("axis", i64(1)), g.arg(0), g.scalarInt(4), values));
        // Indices in [-6, 5]: some wrap (-4..-1), some are out of range on either side (a row of off values).
        String ir = Legalization.sameNumerics(m, 0, Legalization.ints(-6, 5));
        assertThat(ir).contains("\"ov.OneHot\"").contains("{axis = 1 : i64}").contains("dense<3.0> : tensor<f32>")
                .contains("dense<-1.0> : tensor<f32>").contains("-> tensor<2x4x5xf32>");
    }

    @Test
    void oneHotWithFloatIndicesAndRunTimeValues() {
        OnnxGraph g = OnnxGraph.of(f32t(6), i64t(2));
        ModuleOp m = g.returning(g.op("onnx.OneHot", g.arg(0), g.constant(Tensor.ofDoubles(f32t(), new double[] {3.7})), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 0, (type, rnd) -> Legalization.uniform(type, rnd, -4, 4, -9, 9));
        assertThat(ir).contains("{destination_type = \"i64\"}").contains("\"ov.Gather\"(%arg1").contains("-> tensor<6x3xi64>");
    }
}
