package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Gathering;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.Broadcast(x, target_shape[, axes_mapping]) {mode}}: OpenVINO Broadcast-3. {@code numpy}: x broadcasts
 * one way to exactly target_shape; {@code bidirectional}: the NumPy broadcast of both shapes (ONNX Expand);
 * {@code explicit}: x's dim i becomes output axis {@code axes_mapping[i]} (increasing), other axes are repeated.
 */
final class BroadcastDef extends OvOpDefinition {
    BroadcastDef() {
        super("Broadcast", "opset3", "repeats a tensor to a shape", 2, 3,
                List.of(AttrSpec.optional("mode", AttrSpec.Kind.STRING, new StringAttr("numpy"))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OvShapes.requireIntegerVector(ctx, 1, "target_shape");
        String mode = ctx.stringAttr("mode");
        if (mode.equals("explicit") != (ctx.numOperands() == 3)) {
            throw new OpError("mode \"" + mode + "\" " + (mode.equals("explicit") ? "needs" : "takes no") + " axes_mapping (operand #2)");
        }
        TensorType x = ctx.operandType(0);
        Optional<long[]> target = OvShapes.constantLongs(ctx, 1);
        if (target.isEmpty()) {
            int n = OvShapes.staticLength(ctx, 1, "target_shape");
            if (!mode.equals("bidirectional")) return List.of(x.withShape(OvShapes.dynamic(n)));
            // Bidirectionally, a dim of x other than 1 is the output's whatever the target holds, as for onnx.Expand.
            return List.of(x.withShape(Shapes.broadcastWithUnknown(x.shape(), n)));
        }
        long[] t = target.get();
        for (long d : t) if (d < 0) throw new OpError("target_shape " + Arrays.toString(t) + " has a negative dim");
        return List.of(x.withShape(switch (mode) {
            case "numpy" -> numpy(x.shape(), t);
            case "bidirectional" -> Shapes.broadcast(x.shape(), t);
            case "explicit" -> {
                explicitShape(x.shape(), t, mapping(ctx));
                yield t;
            }
            default -> throw new OpError("unsupported mode \"" + mode + "\" (expected numpy, bidirectional or explicit)");
        }));
    }

    private static long[] numpy(long[] x, long[] target) {
        if (x.length > target.length) throw new OpError("cannot broadcast rank " + x.length + " to rank " + target.length);
        int off = target.length - x.length;
        for (int d = 0; d < x.length; d++) {
            if (x[d] != 1 && x[d] != TensorType.DYNAMIC && x[d] != target[off + d]) {
                throw new OpError("cannot broadcast [" + Shapes.format(x) + "] to [" + Shapes.format(target) + "]");
            }
        }
        return target;
    }

    private static long[] mapping(OpContext ctx) {
        OvShapes.requireIntegerVector(ctx, 2, "axes_mapping");
        return OvShapes.constantLongs(ctx, 2).orElseThrow(() -> new OpError("axes_mapping (operand #2) must be a constant"));
    }

    /** x reshaped to the target's rank with its dims at the mapped axes (1 elsewhere). */
    private static long[] explicitShape(long[] x, long[] target, long[] mapping) {
        if (mapping.length != x.length) throw new OpError("axes_mapping has " + mapping.length + " entries for rank " + x.length);
        long[] r = new long[target.length];
        Arrays.fill(r, 1);
        long previous = -1;
        for (int i = 0; i < mapping.length; i++) {
            long a = mapping[i];
            if (a <= previous || a >= target.length) throw new OpError("axes_mapping " + Arrays.toString(mapping)
                    + " must increase and stay below rank " + target.length);
            if (x[i] != 1 && x[i] != TensorType.DYNAMIC && x[i] != target[(int) a]) {
                throw new OpError("dim " + i + " of size " + x[i] + " cannot map to target dim " + target[(int) a]);
            }
            r[(int) a] = x[i];
            previous = a;
        }
        return r;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor x = ctx.constantOperand(0).orElseThrow();
        if (ctx.stringAttr("mode").equals("explicit")) {
            x = x.reshape(x.type().withShape(explicitShape(x.type().shape(), out.shape(), mapping(ctx))));
        }
        return List.of(Gathering.expand(x, out));
    }
}
