package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static dev.xamba.opt.legalize.OnnxGraph.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeLoweringTest {

    @Test
    void reshapeCopiesZerosWithSpecialZero() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        ModuleOp m = g.returning(g.op("onnx.Reshape", g.arg(0), g.ints(0, -1)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{special_zero = true} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>");
    }

    @Test
    void reshapeWithAllowZeroReadsZerosLiterally() {
        OnnxGraph g = OnnxGraph.of(f32t(0, 3));
        ModuleOp m = g.returning(g.op("onnx.Reshape", Map.of("allowzero", i64(1)), g.arg(0), g.ints(3, 0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{special_zero = false} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<3x0xf32>");
    }

    @Test
    void flattenIsAReshapeToTheResultShape() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4, 5));
        ModuleOp m = g.returning(g.op("onnx.Flatten", Map.of("axis", i64(-2)), g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("dense<[6, 20]> : tensor<2xi64>").contains("special_zero = false");
    }

    @Test
    void squeezeWithAndWithoutAxes() {
        OnnxGraph g = OnnxGraph.of(f32t(1, 3, 1, 2));
        ModuleOp m = g.returning(g.op("onnx.Squeeze", g.arg(0), g.ints(-2)), g.op("onnx.Squeeze", g.arg(0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("-> tensor<1x3x2xf32>").contains("\"ov.Squeeze\"(%arg0) : (tensor<1x3x1x2xf32>) -> tensor<3x2xf32>");
    }

    @Test
    void squeezeWithEmptyConstantAxesIsWrittenWithoutThem() {
        // A zero-byte axes Const made OpenVINO's CPU plugin fail ("ptr is Null"); empty axes mean all size-1 dims here.
        OnnxGraph g = OnnxGraph.of(f32t(1, 3, 1, 2));
        ModuleOp m = g.returning(g.op("onnx.Squeeze", g.arg(0), g.ints()));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("\"ov.Squeeze\"(%arg0) : (tensor<1x3x1x2xf32>) -> tensor<3x2xf32>").doesNotContain("tensor<0xi64>");
    }

    @Test
    void unsqueezeCountsAxesInTheResult() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 2));
        ModuleOp m = g.returning(g.op("onnx.Unsqueeze", g.arg(0), g.ints(0, -1)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("\"ov.Unsqueeze\"").contains("-> tensor<1x3x2x1xf32>");
    }

    @Test
    void transposeNormalizesNegativePermutationEntries() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4, 5));
        ModuleOp m = g.returning(g.op("onnx.Transpose", Map.of("perm", list(0, -2, -1, 1)), g.arg(0)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("dense<[0, 2, 3, 1]> : tensor<4xi64>").contains("-> tensor<2x4x5x3xf32>");
    }

    @Test
    void transposeWithoutPermReversesTheDims() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        ModuleOp m = g.returning(g.op("onnx.Transpose", g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("dense<[2, 1, 0]> : tensor<3xi64>");
    }

    @Test
    void expandBroadcastsBothWays() {
        OnnxGraph g = OnnxGraph.of(f32t(3, 1));
        // The shape is shorter than x in one place and has a 1 where x is 3: Expand keeps the larger dim.
        ModuleOp m = g.returning(g.op("onnx.Expand", g.arg(0), g.ints(2, 1, 4)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{mode = \"bidirectional\"}").contains("-> tensor<2x3x4xf32>");
    }

    @Test
    void tileMapsOneToOne() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3));
        ModuleOp m = g.returning(g.op("onnx.Tile", g.arg(0), g.ints(2, 1)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("\"ov.Tile\"").contains("-> tensor<4x3xf32>");
    }

    @Test
    void shapeOfAStaticTensorIsAConstant() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3, 4));
        ModuleOp m = g.returning(g.op("onnx.Shape", Map.of("start", i64(1)), g.arg(0)));
        assertThat(Legalization.sameNumerics(m, 0)).contains("dense<[3, 4]> : tensor<2xi64>").doesNotContain("ov.ShapeOf");
    }

    @Test
    void shapeOfADynamicTensorIsShapeOfThenSlice() {
        OnnxGraph g = OnnxGraph.of(f32t(-1, 3, 4));
        ModuleOp m = g.returning(g.op("onnx.Shape", Map.of("end", i64(-1)), g.arg(0)));
        Legalization.run(m);
        String ir = Legalization.print(m);
        assertThat(ir).contains("\"ov.ShapeOf\"(%arg0)").contains("ov.Slice").contains("-> tensor<2xi64>");
        Tensor x = Tensor.ofDoubles(f32t(5, 3, 4), new double[60]);
        var out = Interpreter.run(m.function("main").orElseThrow(), List.of(x));
        assertThat(out.get(0).toLongs()).containsExactly(5, 3);
    }

    @Test
    void constantOfShapeBroadcastsTheValue() {
        OnnxGraph g = OnnxGraph.of();
        Tensor seven = Tensor.ofLongs(TensorType.of(ElementType.I64, 1), new long[] {7});
        ModuleOp m = g.returning(g.op("onnx.ConstantOfShape", Map.of("value", new DenseElementsAttr(seven)), g.ints(2, 3)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{value = dense<7> : tensor<i64>}").contains("\"ov.Broadcast\"").contains("-> tensor<2x3xi64>");
    }

    @Test
    void rangeTakesScalarsAndTheOutputType() {
        OnnxGraph g = OnnxGraph.of(f32t(), f32t());
        Value limit = g.constant(Tensor.ofDoubles(f32t(1), new double[] {7.5}));
        ModuleOp m = g.returning(g.op("onnx.Range", g.scalarFloat(1.0), limit, g.scalarFloat(0.5)));
        String ir = Legalization.sameNumerics(m, 0);
        assertThat(ir).contains("{output_type = \"f32\"}").contains("-> tensor<13xf32>").contains("dense<7.5> : tensor<f32>");
    }

    @Test
    void integerRangeOfRunTimeScalars() {
        OnnxGraph g = OnnxGraph.of(i64t(), i64t(1), i64t());
        ModuleOp m = g.returning(g.op("onnx.Range", g.arg(0), g.arg(1), g.arg(2)));
        Legalization.run(m);
        String ir = Legalization.print(m);
        assertThat(ir).contains("{output_type = \"i64\"}").contains("\"ov.Squeeze\"(%arg1)").contains("-> tensor<?xi64>");
        var out = Interpreter.run(m.function("main").orElseThrow(), List.of(
                Tensor.ofLongs(i64t(), new long[] {10}), Tensor.ofLongs(i64t(1), new long[] {1}),
                Tensor.ofLongs(i64t(), new long[] {-3})));
        assertThat(out.get(0).toLongs()).containsExactly(10, 7, 4);
    }
}
