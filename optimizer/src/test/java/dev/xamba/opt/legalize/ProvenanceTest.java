package dev.xamba.opt.legalize;

import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.pass.IrWalk;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New ops keep the replaced op's location and result name; weights stay where they are. */
class ProvenanceTest {

    @Test
    void newOpsTakeTheLocationAndTheResultNameOfTheReplacedOp() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3));
        Value t = g.op("onnx.Transpose", Map.of("perm", list(1, 0)), g.arg(0));
        t.setNameHint("transposed");
        ModuleOp m = g.returning(t);

        Legalization.run(m);

        assertThat(Legalization.print(m)).isEqualTo("""
                module @test {
                  func.func @main(%arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
                    %0 = "ov.Constant"() {value = dense<[1, 0]> : tensor<2xi64>} : () -> tensor<2xi64> loc("Transpose_0")
                    %transposed = "ov.Transpose"(%arg0, %0) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32> loc("Transpose_0")
                    func.return %transposed : tensor<3x2xf32>
                  }
                }
                """);
    }

    @Test
    void constantsKeepTheirNameAndLocation() {
        OnnxGraph g = OnnxGraph.of(f32t(2));
        Value c = g.floats(new long[] {2}, 1, 2);
        c.setNameHint("bias");
        ModuleOp m = g.returning(g.op("onnx.Add", g.arg(0), c));

        Legalization.run(m);

        assertThat(Legalization.print(m)).contains(
                "%bias = \"ov.Constant\"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32> loc(\"Constant_0\")");
    }

    @Test
    void resourceConstantsShareTheirBytesAlsoWhenReshapedForGroupConvolution() {
        ByteBuffer bytes = ByteBuffer.allocate(4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) bytes.putFloat(i * 0.25f);
        ResourceHandle weights = new ResourceHandle("conv_w", bytes.flip());
        OnnxGraph g = OnnxGraph.of(f32t(1, 2, 5));
        Value w = g.op("onnx.Constant", Map.of("value", new DenseResourceAttr(weights, f32t(2, 1, 4))));
        Value kept = g.op("onnx.Constant", Map.of("value", new DenseResourceAttr(weights, f32t(8))));
        Value conv = g.op("onnx.Conv", Map.of("group", i64(2), "pads", list(3, 0)), g.arg(0), w);
        ModuleOp m = g.returning(conv, kept);

        Legalization.sameNumerics(m, 1e-6);

        List<Operation> constants = IrWalk.nestedOps(m.op()).stream().filter(o -> o.isA("ov.Constant")).toList();
        assertThat(constants).hasSize(2).allSatisfy(c -> {
            assertThat(c.attr("value")).isInstanceOf(DenseResourceAttr.class);
            assertThat(((DenseResourceAttr) c.attr("value")).handle()).isSameAs(weights);
        });
        assertThat(constants.stream().map(c -> c.result().type().toString()).toList())
                .containsExactlyInAnyOrder("tensor<2x1x1x4xf32>", "tensor<8xf32>");
    }

    @Test
    void aFusionTakesTheFusedLocationOfEverythingItReplaced() {
        OnnxGraph g = OnnxGraph.of(f32t(4));
        Value silu = g.op("onnx.Mul", g.arg(0), g.op("onnx.Sigmoid", g.arg(0)));
        silu.setNameHint("silu");
        ModuleOp m = g.returning(silu);

        Legalization.run(m);

        Operation swish = IrWalk.nestedOps(m.op()).stream().filter(o -> o.isA("ov.Swish")).findFirst().orElseThrow();
        assertThat(swish.location()).isEqualTo(Location.fuse(List.of(Location.name("Mul_1"), Location.name("Sigmoid_0"))));
        assertThat(swish.result().nameHint()).isEqualTo("silu");
    }

    @Test
    void multiResultOpsPassEveryNameOn() {
        OnnxGraph g = OnnxGraph.of(f32t(4));
        Operation split = g.create("onnx.Split", Map.of("num_outputs", i64(2)), g.arg(0));
        split.result(0).setNameHint("lo");
        split.result(1).setNameHint("hi");
        ModuleOp m = g.returning(split.result(0), split.result(1));

        Legalization.sameNumerics(m, 0);

        Operation vs = IrWalk.nestedOps(m.op()).stream().filter(o -> o.isA("ov.VariadicSplit")).findFirst().orElseThrow();
        assertThat(vs.result(0).nameHint()).isEqualTo("lo");
        assertThat(vs.result(1).nameHint()).isEqualTo("hi");
    }
}
