package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Gathering;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code onnx.Tile(input, repeats)}: repeats the whole tensor {@code repeats[d]} times along each dim d. */
final class TileDef extends OpDefinition {
    TileDef() {
        super("onnx.Tile", "repeats a tensor along each dim", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        long n = OnnxOperands.intVector(ctx, 1, "repeats");
        if (n != TensorType.DYNAMIC && n != x.rank()) {
            throw new OpError("repeats has " + n + " entries but the input " + x + " has rank " + x.rank());
        }
        Optional<long[]> repeats = OnnxOperands.ints(ctx, 1);
        if (repeats.isEmpty()) return List.of(OnnxOperands.dynamic(x.elementType(), x.rank()));
        long[] out = x.shape();
        for (int d = 0; d < out.length; d++) {
            long r = repeats.get()[d];
            int dim = d;
            if (r < 0) throw new OpError("repeats " + Arrays.toString(repeats.get()) + " has a negative entry");
            out[d] = out[d] == TensorType.DYNAMIC ? (r == 0 ? 0 : TensorType.DYNAMIC) : ElementCounts.multiply(out[d], r, () -> "dimension " + dim + " of the tiled result");
        }
        return List.of(TensorType.of(x.elementType(), out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        OnnxOperands.requireEvaluable(out);
        return List.of(Gathering.tile(ctx.constantOperand(0).orElseThrow(), out));
    }
}
