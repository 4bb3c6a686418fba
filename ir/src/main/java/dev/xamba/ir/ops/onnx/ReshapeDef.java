package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.Reshape(data, shape) {allowzero}}: in {@code shape}, -1 (at most once) is inferred from the element
 * count, and 0 copies the input dim at the same position unless {@code allowzero = 1}, where it means 0.
 */
final class ReshapeDef extends OpDefinition {
    private static final long DYN = TensorType.DYNAMIC;

    ReshapeDef() {
        super("onnx.Reshape", "changes the shape, keeping the elements", 2, 2,
                List.of(AttrSpec.optional("allowzero", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        int rank = OnnxOperands.staticIntVector(ctx, 1, "shape");
        Optional<long[]> target = OnnxOperands.ints(ctx, 1);
        if (target.isEmpty()) return List.of(OnnxOperands.dynamic(x.elementType(), rank));
        return List.of(TensorType.of(x.elementType(), resolve(x.shape(), target.get(), ctx.intAttr("allowzero") != 0)));
    }

    /** The result shape; dims stay unknown only where unknown input dims make them so. */
    static long[] resolve(long[] in, long[] target, boolean allowZero) {
        long[] out = target.clone();
        boolean[] copied = new boolean[out.length];
        int inferred = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                if (i >= in.length) throw new OpError("shape " + Arrays.toString(target) + " copies dim " + i + " (0) of a rank-" + in.length + " input");
                out[i] = in[i];
                copied[i] = true;
            } else if (out[i] == -1) {
                if (inferred >= 0) throw new OpError("shape " + Arrays.toString(target) + " has more than one -1");
                inferred = i;
            } else if (out[i] < 0) {
                throw new OpError("shape " + Arrays.toString(target) + " has the invalid entry " + out[i]);
            }
        }
        if (allowZero && inferred >= 0 && Arrays.stream(target).anyMatch(d -> d == 0)) {
            throw new OpError("shape " + Arrays.toString(target) + " has both 0 and -1, which allowzero = 1 forbids");
        }
        // Copied dims appear on both sides and cancel, so an unknown copied dim does not hide the -1.
        long inCount = 1;
        boolean unknown = false;
        for (int i = 0; i < in.length; i++) {
            if (i < copied.length && copied[i]) continue;
            if (in[i] == DYN) unknown = true;
            else inCount = ElementCounts.multiply(inCount, in[i], () -> "element count of the input");
        }
        long outCount = 1;
        for (int i = 0; i < out.length; i++) {
            if (copied[i] || i == inferred) continue;
            outCount = ElementCounts.multiply(outCount, out[i], () -> "element count of shape " + Arrays.toString(target));
        }
        if (inferred >= 0) {
            if (unknown) {
                out[inferred] = DYN;
            } else if (outCount == 0 || inCount % outCount != 0) {
                throw new OpError("cannot reshape [" + Shapes.format(in) + "] into " + Arrays.toString(target)
                        + ": " + inCount + " elements do not divide by " + outCount);
            } else {
                out[inferred] = inCount / outCount;
            }
        } else if (!unknown && inCount != outCount) {
            throw new OpError("cannot reshape [" + Shapes.format(in) + "] into [" + Shapes.format(out) + "]: element counts differ");
        }
        return out;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }
}
