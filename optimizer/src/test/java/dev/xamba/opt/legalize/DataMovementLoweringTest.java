package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static dev.xamba.opt.legalize.OnnxGraph.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.builtin.ModuleOp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataMovementLoweringTest {

    @Test
    void concatNormalizesItsAxis() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3), f32t(2, 1), f32t(2, 4));
        ModuleOp m = g.returning(g.op("onnx.Concat", Map.of("axis", i64(-1)), g.arg(0), g.arg(1), g.arg(2)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("\"ov.Concat\"(%arg0, %arg1, %arg2) {axis = 1 : i64}");
    }

    @Test
    void splitWithLengthsIsVariadicSplit() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 9));
        Operation split = g.create("onnx.Split", Map.of("axis", i64(-1)), g.arg(0), g.ints(2, 3, 4));
        ModuleOp m = g.returning(split.result(0), split.result(1), split.result(2));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("dense<1> : tensor<i64>").contains("dense<[2, 3, 4]> : tensor<3xi64>")
                .contains("\"ov.VariadicSplit\"");
    }

    @Test
    void unevenNumOutputsSplitsWithASmallerLastPiece() {
        OnnxGraph g = OnnxGraph.of(f32t(7, 2));
        Operation split = g.create("onnx.Split", Map.of("num_outputs", i64(3)), g.arg(0));
        ModuleOp m = g.returning(split.result(0), split.result(1), split.result(2));
        assertThat(Legalization.sameNumerics(m, 0)).contains("dense<[3, 3, 1]> : tensor<3xi64>");
    }

    @Test
    void sliceReordersOperandsAndClampsLikeOnnx() {
        OnnxGraph g = OnnxGraph.of(f32t(4, 10));
        // Axis 1 from -3 to INT64_MAX, axis 0 backwards from 100 (clamped to 3) to INT64_MIN by -2.
        Value starts = g.ints(-3, 100);
        Value ends = g.ints(Long.MAX_VALUE, Long.MIN_VALUE);
        Value axes = g.ints(1, 0);
        Value steps = g.ints(1, -2);
        ModuleOp m = g.returning(g.op("onnx.Slice", g.arg(0), starts, ends, axes, steps));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("\"ov.Slice\"(%arg0, %0, %1, %3, %2)").contains("-> tensor<2x3xf32>");
    }

    @Test
    void sliceWithoutStepsGetsOnes() {
        OnnxGraph g = OnnxGraph.of(f32t(4, 10));
        ModuleOp m = g.returning(g.op("onnx.Slice", g.arg(0), g.ints(1, 2), g.ints(3, -1)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("dense<1> : tensor<2xi64>").contains("-> tensor<2x7xf32>");
    }

    @Test
    void gatherTakesItsAxisAsAScalarAndNegativeIndices() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 5, 2), i64t(2, 3));
        ModuleOp m = g.returning(g.op("onnx.Gather", Map.of("axis", i64(-2)), g.arg(0), g.arg(1)));
        String ir = Legalization.sameNumerics(m, 0, Legalization.ints(-5, 4));
        assertThat(ir).contains("dense<1> : tensor<i64>").contains("-> tensor<3x2x3x2xf32>");
    }

    @Test
    void gatherWithAScalarIndexDropsTheAxis() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 16, 8));
        ModuleOp m = g.returning(g.op("onnx.Gather", Map.of("axis", i64(1)), g.arg(0), g.scalarInt(-1)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("-> tensor<2x8xf32>");
    }

    @Test
    void constantPadSplitsPadsIntoBeginsAndEnds() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        ModuleOp m = g.returning(g.op("onnx.Pad", g.arg(0), g.ints(0, 1, 2, 0, 3, -1), g.scalarFloat(7)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("dense<[0, 1, 2]> : tensor<3xi64>").contains("dense<[0, 3, -1]> : tensor<3xi64>")
                .contains("{pad_mode = \"constant\"}").contains("-> tensor<2x7x5xf32>");
    }

    @Test
    void padOfSomeAxesScattersThePads() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        Value value = g.floats(new long[] {1}, -2);
        ModuleOp m = g.returning(g.op("onnx.Pad", g.arg(0), g.ints(1, 2, 0, 3), value, g.ints(-1, 0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("dense<[2, 0, 1]> : tensor<3xi64>").contains("dense<[3, 0, 0]> : tensor<3xi64>")
                .contains("dense<-2.0> : tensor<f32>");
    }

    @Test
    void reflectAndEdgePadsKeepTheirModeAndDropTheValue() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 4));
        Value reflect = g.op("onnx.Pad", Map.of("mode", str("reflect")), g.arg(0), g.ints(1, 2, 2, 3), g.scalarFloat(5));
        Value edge = g.op("onnx.Pad", Map.of("mode", str("edge")), g.arg(0), g.ints(2, 0, 0, 3));
        ModuleOp m = g.returning(reflect, edge);
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{pad_mode = \"reflect\"}").contains("{pad_mode = \"edge\"}").doesNotContain("dense<5.0>");
    }
}
