package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.f32;
import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static dev.xamba.opt.legalize.OnnxGraph.list;
import static dev.xamba.opt.legalize.OnnxGraph.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.TensorType;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractionLoweringTest {

    @Test
    void matMulOfVectorsAndBatches() {
        OnnxGraph g = OnnxGraph.of(f32t(4), f32t(2, 4, 3), f32t(3));
        Value vm = g.op("onnx.MatMul", g.arg(0), g.arg(1));
        Value mv = g.op("onnx.MatMul", g.arg(1), g.arg(2));
        ModuleOp m = g.returning(vm, mv);
        assertThat(Legalization.sameNumerics(m, 1e-6)).contains("-> tensor<2x3xf32>").contains("-> tensor<2x4xf32>");
    }

    @Test
    void gemmWithScalesAndTransposesDecomposes() {
        OnnxGraph g = OnnxGraph.of(f32t(4, 3), f32t(5, 4), f32t(5));
        Map<String, Attribute> attrs = Map.of("alpha", f32(0.5), "beta", f32(2.0), "transA", i64(1), "transB", i64(1));
        ModuleOp m = g.returning(g.op("onnx.Gemm", attrs, g.arg(0), g.arg(1), g.arg(2)));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("{transpose_a = true, transpose_b = true}").contains("dense<0.5> : tensor<f32>")
                .contains("dense<2.0> : tensor<f32>").contains("ov.Add");
    }

    @Test
    void plainGemmIsMatMulPlusBias() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3), f32t(3, 4), f32t(2, 4));
        ModuleOp m = g.returning(g.op("onnx.Gemm", g.arg(0), g.arg(1), g.arg(2)), g.op("onnx.Gemm", g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).doesNotContain("ov.Multiply").contains("\"ov.Add\"(%0, %arg2)");
    }

    @Test
    void depthwiseConvWithBiasIsGroupConvolutionPlusAdd() {
        // Mamba's causal conv1d: weights [D, 1, K], group D, pads K-1 on both sides, bias [D].
        OnnxGraph g = OnnxGraph.of(f32t(1, 6, 16));
        Value w = g.constant(random(f32t(6, 1, 4), 7));
        Value b = g.constant(random(f32t(6), 8));
        Map<String, Attribute> attrs = Map.of("group", i64(6), "kernel_shape", list(4), "pads", list(3, 3));
        ModuleOp m = g.returning(g.op("onnx.Conv", attrs, g.arg(0), w, b));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains(": () -> tensor<6x1x1x4xf32>").contains(": () -> tensor<1x6x1xf32>")
                .contains("{dilations = [1], pads_begin = [3], pads_end = [3], strides = [1]}")
                .contains("\"ov.GroupConvolution\"").contains("ov.Add").contains("-> tensor<1x6x19xf32>");
    }

    @Test
    void groupedConvWithRunTimeWeightsReshapesThem() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 4, 9), f32t(6, 2, 3));
        ModuleOp m = g.returning(g.op("onnx.Conv", Map.of("group", i64(2), "strides", list(2)), g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("dense<[2, 3, 2, 3]> : tensor<4xi64>").contains("-> tensor<2x3x2x3xf32>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAME_UPPER", "SAME_LOWER", "VALID"})
    void autoPadBecomesExplicitPads(String autoPad) {
        OnnxGraph g = OnnxGraph.of(f32t(1, 2, 7, 6));
        Value w = g.constant(random(f32t(3, 2, 2, 3), 3));
        Map<String, Attribute> attrs = Map.of("auto_pad", str(autoPad), "strides", list(2, 1), "dilations", list(1, 2));
        ModuleOp m = g.returning(g.op("onnx.Conv", attrs, g.arg(0), w));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("\"ov.Convolution\"").doesNotContain("auto_pad");
        String pads = switch (autoPad) {
            case "SAME_UPPER" -> "pads_begin = [0, 2], pads_end = [1, 2]";
            case "SAME_LOWER" -> "pads_begin = [1, 2], pads_end = [0, 2]";
            default -> "pads_begin = [0, 0], pads_end = [0, 0]";
        };
        assertThat(ir).contains(pads);
    }

    @Test
    void cumSumTakesA0DAxisAndBooleanFlags() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 8));
        Value axis = g.constant(Tensor.ofLongs(i64t(1), new long[] {-1}));
        ModuleOp m = g.returning(g.op("onnx.CumSum", Map.of("exclusive", i64(1), "reverse", i64(1)), g.arg(0), axis),
                g.op("onnx.CumSum", g.arg(0), g.scalarInt(0)));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("dense<-1> : tensor<i64>").contains("{exclusive = true, reverse = true}");
    }

    @Test
    void cumSumWithARunTimeAxisSqueezesIt() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 8), i64t(1));
        ModuleOp m = g.returning(g.op("onnx.CumSum", g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 1e-6, Legalization.ints(0, 1));
        assertThat(ir).contains("\"ov.Squeeze\"(%arg1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin"})
    void reductionsKeepOrDropDims(String op) {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        Value kept = g.op("onnx." + op, g.arg(0), g.ints(-1, 0));
        Value dropped = g.op("onnx." + op, Map.of("keepdims", i64(0)), g.arg(0), g.ints(1));
        ModuleOp m = g.returning(kept, dropped);
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("\"ov." + op + "\"").contains("{keep_dims = true}").contains("{keep_dims = false}")
                .contains("-> tensor<1x3x1xf32>").contains("-> tensor<2x4xf32>");
    }

    @Test
    void reductionWithoutAxesReducesEverything() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3), i64t(2, 3));
        ModuleOp m = g.returning(g.op("onnx.ReduceMean", Map.of("keepdims", i64(0)), g.arg(0)),
                g.op("onnx.ReduceSum", g.arg(1), g.ints()));
        String ir = Legalization.sameNumerics(m, 1e-6);
        assertThat(ir).contains("dense<[0, 1]> : tensor<2xi64>").contains("-> tensor<f32>").contains("-> tensor<1x1xi64>");
    }

    @Test
    void reductionOfEmptyAxesWithNoopIsTheIdentity() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3));
        ModuleOp m = g.returning(g.op("onnx.ReduceSum", Map.of("noop_with_empty_axes", i64(1)), g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("func.return %arg0");
    }

    @Test
    void reductionOverRunTimeAxesNeedsNoopWithEmptyAxes() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3), i64t(1));
        ModuleOp m = g.returning(g.op("onnx.ReduceMax", Map.of("noop_with_empty_axes", i64(1)), g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 0, Legalization.ints(0, 1));
        assertThat(ir).contains("\"ov.ReduceMax\"(%arg0, %arg1) {keep_dims = true}");
    }

    static Tensor random(TensorType type, long seed) {
        return Legalization.uniform(type, new Random(seed), -1, 1, 0, 0);
    }
}
