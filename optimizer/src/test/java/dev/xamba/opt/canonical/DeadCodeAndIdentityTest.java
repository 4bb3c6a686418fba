package dev.xamba.opt.canonical;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadCodeAndIdentityTest {

    private static PassContext canonicalize(ModuleOp m) {
        return PassManager.parse("canonicalize", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
    }

    @Test
    void deadChainsDisappearCompletely() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value a = f.op("ov.ReLU", f.arg(0));
        Value b = f.op("ov.Exp", a);
        Value c = f.op("ov.Sigmoid", b);
        f.op("ov.Add", c, a); // unused end of a diamond
        ModuleOp m = f.returning(f.arg(0));

        PassContext ctx = canonicalize(m);

        assertThat(AsmPrinter.print(m.op())).isEqualTo("""
                module @test {
                  func.func @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {
                    func.return %arg0 : tensor<4xf32>
                  }
                }
                """);
        assertThat(ctx.statistic("canonicalize", "ops-erased")).isEqualTo(4);
    }

    @Test
    void usedOpsAndTheirOperandsStay() {
        FunctionBuilder f = FunctionBuilder.main(f32(4));
        Value live = f.op("ov.ReLU", f.arg(0));
        f.op("ov.Exp", live); // dead
        ModuleOp m = f.returning(live);

        canonicalize(m);

        assertThat(count(m, "ov.ReLU")).isEqualTo(1);
        assertThat(count(m, "ov.Exp")).isZero();
    }

    @Test
    void identityTransposeIsRemovedButARealOneStays() {
        FunctionBuilder f = FunctionBuilder.main(f32(3, 3));
        Value identity = f.op("ov.Transpose", f.arg(0), f.constant("id", longs(shape(2), 0, -1)));
        Value swap = f.op("ov.Transpose", identity, f.constant("swap", longs(shape(2), 1, 0)));
        ModuleOp m = f.returning(swap);

        canonicalize(m);

        assertThat(count(m, "ov.Transpose")).isEqualTo(1);
        assertThat(AsmPrinter.print(m.op())).contains("\"ov.Transpose\"(%arg0, %swap)").doesNotContain("%id");
    }

    @Test
    void reshapeToItsOwnShapeIsRemovedButARealOneStays() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 3));
        Value same = f.op("ov.Reshape", Map.of("special_zero", BoolAttr.TRUE), null, f.arg(0), f.constant("s", longs(shape(2), 0, 0)));
        Value other = f.op("ov.Reshape", Map.of("special_zero", BoolAttr.FALSE), null, same, f.constant("t", longs(shape(1), 6)));
        ModuleOp m = f.returning(other);

        canonicalize(m);

        assertThat(count(m, "ov.Reshape")).isEqualTo(1);
        assertThat(AsmPrinter.print(m.op())).contains("\"ov.Reshape\"(%arg0, %t)");
    }

    @Test
    void everyFunctionOfTheModuleIsCanonicalized() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        f.op("ov.Exp", f.arg(0));
        ModuleOp m = f.returning(f.arg(0));
        FunctionBuilder g = FunctionBuilder.in(m, "other", f32(2));
        g.op("ov.Sigmoid", g.arg(0));
        g.returning(g.arg(0));

        canonicalize(m);

        assertThat(count(m, "ov.Exp")).isZero();
        assertThat(count(m, "ov.Sigmoid")).isZero();
    }
}
