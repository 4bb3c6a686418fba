package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.f32;
import static dev.xamba.codegen.TestGraph.ints;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Random;

/** Larger test models. */
final class SampleModels {
    private SampleModels() {}

    /**
     * A Mamba-like block on x [1, L=8, D=4] with weights in resource blobs: in-projection, split, depthwise causal
     * conv1d, SiLU, a softplus "dt", a cumulative sum over the sequence, gating and the out-projection.
     */
    static Operation mambaBlockLike() {
        Random r = new Random(7);
        TestGraph g = TestGraph.named("mamba_block", f32(1, 8, 4));
        g.arg(0).setNameHint("hidden");
        Value win = weight(g, "in_proj.weight", r, 4, 16);
        Value xz = g.create("ov.MatMul", Map.of(), Location.name("/in_proj/MatMul"), g.arg(0), win).result();
        Operation split = g.create("ov.VariadicSplit", Map.of(), Location.name("/split"), xz, g.i64(-1), g.i64s(8, 8));
        Value x = split.result(0);
        Value z = split.result(1);
        Value xt = g.op("ov.Transpose", Map.of(), x, g.i64s(0, 2, 1));
        Value conv = g.create("ov.GroupConvolution", attrs("strides", ints(1), "pads_begin", ints(3), "pads_end", ints(3),
                "dilations", ints(1)), Location.name("/conv1d/Conv"), xt, weight(g, "conv1d.weight", r, 8, 1, 1, 4)).result();
        Value causal = g.op("ov.StridedSlice", attrs("begin_mask", ints(1, 1, 0), "end_mask", ints(1, 1, 0)),
                conv, g.i64s(0, 0, 0), g.i64s(0, 0, 8), g.i64s(1, 1, 1));
        Value u = g.op("ov.Swish", Map.of(), g.op("ov.Transpose", Map.of(), causal, g.i64s(0, 2, 1)));
        Value dtLinear = g.op("ov.Add", Map.of(), g.op("ov.MatMul", Map.of(), u, weight(g, "dt_proj.weight", r, 8, 8)),
                weight(g, "dt_proj.bias", r, 8));
        Value dt = g.create("ov.SoftPlus", Map.of(), Location.name("/dt/Softplus"), dtLinear).result();
        Value scan = g.create("ov.CumSum", Map.of(), Location.name("/scan/CumSum"), g.op("ov.Multiply", Map.of(), dt, u),
                g.i64(1)).result();
        Value gated = g.op("ov.Multiply", Map.of(), scan, g.op("ov.Swish", Map.of(), z));
        Value out = g.create("ov.MatMul", Map.of(), Location.name("/out_proj/MatMul"), gated,
                weight(g, "out_proj.weight", r, 8, 4)).result();
        out.setNameHint("out");
        return g.ret(out);
    }

    /** An f32 constant of the given shape held in a resource blob, values ~ N(0, 0.5). */
    static Value weight(TestGraph g, String name, Random r, long... shape) {
        TensorType t = f32(shape);
        int n = Math.toIntExact(t.numElements());
        ByteBuffer bytes = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) bytes.putFloat((float) (0.5 * r.nextGaussian()));
        DenseResourceAttr value = new DenseResourceAttr(new ResourceHandle(name, bytes.flip()), t);
        return g.create("ov.Constant", attrs("value", value), Location.name(name)).result();
    }
}
