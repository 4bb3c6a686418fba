package dev.xamba.opt.canonical;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.floats;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.testing.FunctionBuilder;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantFoldingTest {

    private static PassContext canonicalize(ModuleOp m) {
        return PassManager.parse("canonicalize", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
    }

    /** The single constant left in @main, printed. */
    private static String onlyConstant(ModuleOp m) {
        assertThat(count(m, "ov.Constant")).isEqualTo(1);
        assertThat(m.functions().get(0).body().operations()).hasSize(2);
        return AsmPrinter.print(m.functions().get(0).body().operations().first());
    }

    @Test
    void addOfConstantsFoldsKeepingNameHintAndLocation() {
        FunctionBuilder f = FunctionBuilder.main();
        Value a = f.constant("a", floats(shape(2), 1, 2));
        Value b = f.constant("b", floats(shape(2), 10, 20));
        Value sum = f.op("ov.Add", Map.of(), "add", a, b);
        sum.setNameHint("sum");
        ModuleOp m = f.returning(sum);

        canonicalize(m);

        assertThat(AsmPrinter.print(m.op())).isEqualTo("""
                module @test {
                  func.func @main() -> tensor<2xf32> {
                    %sum = "ov.Constant"() {value = dense<[11.0, 22.0]> : tensor<2xf32>} : () -> tensor<2xf32> loc("add")
                    func.return %sum : tensor<2xf32>
                  }
                }
                """);
    }

    @Test
    void multiplyBroadcastsBeforeFolding() {
        FunctionBuilder f = FunctionBuilder.main();
        Value two = f.constant("two", floats(shape(), 2));
        Value x = f.constant("x", floats(shape(2, 2), 1, 2, 3, 4));
        ModuleOp m = f.returning(f.op("ov.Multiply", x, two));

        canonicalize(m);

        assertThat(onlyConstant(m)).contains("dense<[[2.0, 4.0], [6.0, 8.0]]> : tensor<2x2xf32>");
    }

    @Test
    void matMulFoldsWithAndWithoutTransposeB() {
        FunctionBuilder f = FunctionBuilder.main();
        Value a = f.constant("a", floats(shape(2, 3), 1, 2, 3, 4, 5, 6));
        Value b = f.constant("b", floats(shape(3, 2), 7, 8, 9, 10, 11, 12));
        Value bt = f.constant("bt", floats(shape(2, 3), 7, 9, 11, 8, 10, 12));
        Value plain = f.op("ov.MatMul", a, b);
        Value transposed = f.op("ov.MatMul", Map.of("transpose_b", BoolAttr.TRUE), null, a, bt);
        ModuleOp m = f.returning(plain, transposed);

        canonicalize(m);

        String ir = AsmPrinter.print(m.op());
        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [58 64; 139 154], both ways.
        assertThat(ir.split("dense<\\[\\[58.0, 64.0\\], \\[139.0, 154.0\\]\\]> : tensor<2x2xf32>", -1)).hasSize(3);
        assertThat(count(m, "ov.MatMul")).isZero();
        assertThat(count(m, "ov.Constant")).isEqualTo(2);
    }

    @Test
    void transposeOfConstantFolds() {
        FunctionBuilder f = FunctionBuilder.main();
        Value x = f.constant("x", floats(shape(2, 3), 1, 2, 3, 4, 5, 6));
        Value order = f.constant("order", longs(shape(2), 1, 0));
        ModuleOp m = f.returning(f.op("ov.Transpose", x, order));

        canonicalize(m);

        assertThat(onlyConstant(m)).contains("dense<[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]> : tensor<3x2xf32>");
    }

    @Test
    void reshapeOfConstantFoldsInferringMinusOne() {
        FunctionBuilder f = FunctionBuilder.main();
        Value x = f.constant("x", floats(shape(2, 3), 1, 2, 3, 4, 5, 6));
        Value target = f.constant("target", longs(shape(2), 3, -1));
        ModuleOp m = f.returning(f.op("ov.Reshape", Map.of("special_zero", BoolAttr.FALSE), null, x, target));

        canonicalize(m);

        assertThat(onlyConstant(m)).contains("dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>");
    }

    @Test
    void cumSumFoldsHonouringExclusiveAndReverse() {
        FunctionBuilder f = FunctionBuilder.main();
        Value x = f.constant("x", floats(shape(4), 1, 2, 3, 4));
        Value axis = f.constant("axis", longs(shape(), 0));
        Value inclusive = f.op("ov.CumSum", x, axis);
        Value exclusive = f.op("ov.CumSum", Map.of("exclusive", BoolAttr.TRUE), null, x, axis);
        Value reverse = f.op("ov.CumSum", Map.of("reverse", BoolAttr.TRUE), null, x, axis);
        ModuleOp m = f.returning(inclusive, exclusive, reverse);

        canonicalize(m);

        assertThat(AsmPrinter.print(m.op()))
                .contains("dense<[1.0, 3.0, 6.0, 10.0]>")
                .contains("dense<[0.0, 1.0, 3.0, 6.0]>")
                .contains("dense<[10.0, 9.0, 7.0, 4.0]>")
                .doesNotContain("ov.CumSum");
        assertThat(count(m, "ov.Constant")).isEqualTo(3);
    }

    @Test
    void reduceSumFoldsOverTheGivenAxes() {
        FunctionBuilder f = FunctionBuilder.main();
        Value x = f.constant("x", floats(shape(2, 3), 1, 2, 3, 4, 5, 6));
        Value axes = f.constant("axes", longs(shape(1), 1));
        Value dropped = f.op("ov.ReduceSum", x, axes);
        Value kept = f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.TRUE), null, x, axes);
        ModuleOp m = f.returning(dropped, kept);

        canonicalize(m);

        assertThat(AsmPrinter.print(m.op()))
                .contains("dense<[6.0, 15.0]> : tensor<2xf32>")
                .contains("dense<[[6.0], [15.0]]> : tensor<2x1xf32>")
                .doesNotContain("ov.ReduceSum");
    }

    @Test
    void chainsFoldCompletelyAndLeaveNoDeadConstants() {
        FunctionBuilder f = FunctionBuilder.main();
        Value c = f.constant("c", floats(shape(2), 1, 2));
        Value square = f.op("ov.Multiply", c, c);
        Value plus = f.op("ov.Add", square, c);
        ModuleOp m = f.returning(f.op("ov.ReLU", plus));

        PassContext ctx = canonicalize(m);

        assertThat(onlyConstant(m)).contains("dense<[2.0, 6.0]> : tensor<2xf32>");
        assertThat(ctx.statistic("canonicalize", "ops-folded")).isEqualTo(3);
        // c, then the constants that Multiply and Add folded into, each dead once its user folded.
        assertThat(ctx.statistic("canonicalize", "ops-erased")).isEqualTo(3);
    }

    @Test
    void opsWithNonConstantOperandsAreNotFolded() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        Value c = f.constant("c", floats(shape(2), 1, 2));
        ModuleOp m = f.returning(f.op("ov.Add", f.arg(0), c));
        String before = AsmPrinter.print(m.op());

        canonicalize(m);

        assertThat(AsmPrinter.print(m.op())).isEqualTo(before);
    }

    @Test
    void resultsLargerThanMaxFoldElementsStayWithARemark() {
        FunctionBuilder f = FunctionBuilder.main();
        Value a = f.constant("a", floats(shape(2, 2), 1, 2, 3, 4));
        ModuleOp m = f.returning(f.op("ov.Add", Map.of(), "big", a, a));
        String before = AsmPrinter.print(m.op());
        var options = PassManager.Options.defaults().withRemarks(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        PassContext ctx = PassManager.parse("canonicalize{max-fold-elements=3}", options).run(m.op());

        assertThat(AsmPrinter.print(m.op())).isEqualTo(before);
        assertThat(ctx.remarks()).extracting(d -> d.render()).contains(
                "\"big\": remark: [canonicalize] not folding 'ov.Add': result #0 has 4 elements, more than max-fold-elements=3");
    }

    @Test
    void evaluationErrorsLeaveTheOpAlone() {
        FunctionBuilder f = FunctionBuilder.main();
        Value one = f.constant("one", longs(shape(1), 1));
        Value zero = f.constant("zero", longs(shape(1), 0));
        ModuleOp m = f.returning(f.op("ov.Divide", Map.of(), "div", one, zero));
        // The verifier rejects this Divide (OpenVINO cannot load it), so it is not verified here: the folder must
        // still leave it alone rather than fail.
        var options = PassManager.Options.defaults()
                .withRemarks(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        PassContext ctx = PassManager.parse("canonicalize", options).run(m.op());

        assertThat(count(m, "ov.Divide")).isEqualTo(1);
        assertThat(ctx.remarks()).extracting(d -> d.message())
                .contains("[canonicalize] not folding 'ov.Divide': evaluation failed: integer division by zero");
    }

    @Test
    void canonicalizeIsIdempotent() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        Value c = f.constant("c", floats(shape(2), 1, 2));
        Value folded = f.op("ov.Add", c, c);
        ModuleOp m = f.returning(f.op("ov.Multiply", f.arg(0), folded));

        canonicalize(m);
        String once = AsmPrinter.print(m.op());
        PassContext again = canonicalize(m);

        assertThat(AsmPrinter.print(m.op())).isEqualTo(once);
        assertThat(again.statistics()).isEmpty();
        assertThat(again.diagnostics()).isEmpty();
    }

    @Test
    void denseResourceOperandsFoldToInlineConstants() {
        FunctionBuilder f = FunctionBuilder.main();
        Tensor weights = floats(shape(2, 2), 1, 2, 3, 4);
        var handle = new ResourceHandle("w0", ByteBuffer.wrap(weights.toBytes()));
        Value w = f.create("ov.Constant", Map.of("value", new DenseResourceAttr(handle, weights.type())), "w").result();
        Value order = f.constant("order", longs(shape(2), 1, 0));
        ModuleOp m = f.returning(f.op("ov.Transpose", w, order));

        canonicalize(m);

        assertThat(onlyConstant(m)).contains("dense<[[1.0, 3.0], [2.0, 4.0]]> : tensor<2x2xf32>");
        assertThat(AsmPrinter.print(m.op())).doesNotContain("dialect_resources");
    }

    @Test
    void constantsAreMaterializedOnlyInDialectsThatHaveAConstantOp() {
        assertThat(ConstantMaterializer.constantOpFor("ov")).contains("ov.Constant");
        assertThat(ConstantMaterializer.constantOpFor("onnx"))
                .isEqualTo(OpRegistry.lookup("onnx.Constant").map(d -> d.name()));
        assertThat(ConstantMaterializer.constantOpFor("func")).isEmpty();
    }
}
