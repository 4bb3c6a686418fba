package dev.xamba.opt.canonical;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.floats;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsePassTest {

    private static PassContext cse(ModuleOp m) {
        return PassManager.parse("cse", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
    }

    @Test
    void duplicatesMergeIntoTheFirstWithFusedLocations() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        Value a = f.op("ov.Add", Map.of(), "first", f.arg(0), f.arg(0));
        Value b = f.op("ov.Add", Map.of(), "second", f.arg(0), f.arg(0));
        ModuleOp m = f.returning(f.op("ov.Multiply", Map.of(), "mul", a, b));

        PassContext ctx = cse(m);

        assertThat(AsmPrinter.print(m.op())).isEqualTo("""
                module @test {
                  func.func @main(%arg0: tensor<2xf32>) -> tensor<2xf32> {
                    %0 = "ov.Add"(%arg0, %arg0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32> loc(fused["first", "second"])
                    %1 = "ov.Multiply"(%0, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32> loc("mul")
                    func.return %1 : tensor<2xf32>
                  }
                }
                """);
        assertThat(ctx.statistic("cse", "ops-merged")).isEqualTo(1);
    }

    @Test
    void equalConstantsMergeAndDifferentOnesDoNot() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        Value c1 = f.constant("c1", floats(shape(2), 1, 2));
        Value c2 = f.constant("c2", floats(shape(2), 1, 2));
        Value c3 = f.constant("c3", floats(shape(2), 1, 3));
        Value x = f.op("ov.Add", f.arg(0), c1);
        Value y = f.op("ov.Add", x, c2);
        ModuleOp m = f.returning(f.op("ov.Add", y, c3));

        cse(m);

        assertThat(count(m, "ov.Constant")).isEqualTo(2);
        assertThat(AsmPrinter.print(m.op())).contains("(%0, %c1)").doesNotContain("%c2");
    }

    @Test
    void opsWithDifferentAttributesAreKept() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value axis = f.constant("axis", longs(shape(), 0));
        Value inclusive = f.op("ov.CumSum", f.arg(0), axis);
        Value exclusive = f.op("ov.CumSum", Map.of("exclusive", BoolAttr.TRUE), null, f.arg(0), axis);
        ModuleOp m = f.returning(f.op("ov.Add", inclusive, exclusive));

        cse(m);

        assertThat(count(m, "ov.CumSum")).isEqualTo(2);
    }

    @Test
    void opsWithDifferentOperandsAreKept() {
        FunctionBuilder f = FunctionBuilder.main(f32(4), f32(4));
        Value a = f.op("ov.ReLU", f.arg(0));
        Value b = f.op("ov.ReLU", f.arg(1));
        ModuleOp m = f.returning(f.op("ov.Add", a, b));

        cse(m);

        assertThat(count(m, "ov.ReLU")).isEqualTo(2);
    }

    @Test
    void identicalChainsCollapseOneLevelAtATime() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value a1 = f.op("ov.Exp", f.arg(0));
        Value a2 = f.op("ov.Exp", f.arg(0));
        Value b1 = f.op("ov.Sigmoid", a1);
        Value b2 = f.op("ov.Sigmoid", a2);
        Value c1 = f.op("ov.ReLU", b1);
        Value c2 = f.op("ov.ReLU", b2);
        ModuleOp m = f.returning(f.op("ov.Add", c1, c2));

        PassContext ctx = cse(m);

        assertThat(count(m, "ov.Exp")).isEqualTo(1);
        assertThat(count(m, "ov.Sigmoid")).isEqualTo(1);
        assertThat(count(m, "ov.ReLU")).isEqualTo(1);
        assertThat(ctx.statistic("cse", "ops-merged")).isEqualTo(3);
    }

    @Test
    void constantsWhoseNaNsDifferInPayloadStayApart() {
        // Value equality (Arrays.equals) takes every NaN for one; the bits differ, so do the constants.
        FunctionBuilder f = FunctionBuilder.main(FunctionBuilder.f32(1));
        TensorType t = FunctionBuilder.f32(1);
        Value a = f.constant("a", dev.xamba.ir.eval.Tensor.ofFloats(t, new float[] {Float.intBitsToFloat(0x7fc00000)}));
        Value b = f.constant("b", dev.xamba.ir.eval.Tensor.ofFloats(t, new float[] {Float.intBitsToFloat(0x7fc00001)}));
        Value c = f.constant("c", dev.xamba.ir.eval.Tensor.ofFloats(t, new float[] {Float.intBitsToFloat(0x7fc00001)}));
        ModuleOp m = f.returning(a, b, c);
        PassManager.parse("cse", PassManager.Options.defaults()).run(m.op());
        assertThat(FunctionBuilder.count(m, "ov.Constant")).as("b and c are one; a stays").isEqualTo(2);
    }
}
