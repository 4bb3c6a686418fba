package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Padding;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.Pad(data, pads[, constant_value[, axes]]) {mode}}: {@code pads} lists the begins for each padded
 * axis, then the ends (negative values crop). {@code axes} (default: all) names the padded axes. Modes:
 * constant (default value 0), reflect, edge, wrap.
 */
final class PadDef extends OpDefinition {
    PadDef() {
        super("onnx.Pad", "pads (or crops) each dimension", 2, 4,
                List.of(AttrSpec.optional("mode", AttrSpec.Kind.STRING, new StringAttr("constant"))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType data = ctx.operandType(0);
        mode(ctx);
        long padsLength = OnnxOperands.intVector(ctx, 1, "pads");
        if (OnnxOperands.has(ctx, 2)) {
            OnnxOperands.requireSameElementType(ctx, 0, 2);
            OnnxOperands.requireScalarLike(ctx, 2, "constant_value");
        }
        long axesCount = OnnxOperands.has(ctx, 3) ? OnnxOperands.intVector(ctx, 3, "axes") : data.rank();
        if (padsLength != TensorType.DYNAMIC && axesCount != TensorType.DYNAMIC && padsLength != 2 * axesCount) {
            throw new OpError("pads has " + padsLength + " entries but " + axesCount + " axes are padded (needs " + 2 * axesCount + ")");
        }
        Optional<boolean[]> padded = paddedAxes(ctx);
        Optional<long[][]> amounts = amounts(ctx);
        long[] out = data.shape();
        for (int d = 0; d < out.length; d++) {
            if (amounts.isPresent()) {
                if (out[d] == TensorType.DYNAMIC) continue;
                long size = out[d] + amounts.get()[0][d] + amounts.get()[1][d];
                if (size < 0) {
                    throw new OpError("pads " + Arrays.toString(OnnxOperands.ints(ctx, 1).orElseThrow()) + " crop dim " + d
                            + " of " + data + " below zero");
                }
                out[d] = size;
            } else if (padded.isEmpty() || padded.get()[d]) {
                out[d] = TensorType.DYNAMIC;
            }
        }
        return List.of(TensorType.of(data.elementType(), out));
    }

    private static Padding.Mode mode(OpContext ctx) {
        String m = ctx.stringAttr("mode");
        return switch (m) {
            case "constant" -> Padding.Mode.CONSTANT;
            case "reflect" -> Padding.Mode.REFLECT;
            case "edge" -> Padding.Mode.EDGE;
            case "wrap" -> Padding.Mode.WRAP;
            default -> throw new OpError("unknown mode \"" + m + "\" (expected constant, reflect, edge or wrap)");
        };
    }

    /** Which axes are padded, when known. */
    private static Optional<boolean[]> paddedAxes(OpContext ctx) {
        int rank = ctx.operandType(0).rank();
        if (!OnnxOperands.has(ctx, 3)) {
            boolean[] all = new boolean[rank];
            Arrays.fill(all, true);
            return Optional.of(all);
        }
        return OnnxOperands.ints(ctx, 3).map(a -> OnnxOperands.axisSet(a, rank, "axes"));
    }

    /** Per dim of data: {begins, ends}, when pads and axes are known. */
    private static Optional<long[][]> amounts(OpContext ctx) {
        Optional<long[]> pads = OnnxOperands.ints(ctx, 1);
        if (pads.isEmpty()) return Optional.empty();
        int rank = ctx.operandType(0).rank();
        long[] axes;
        if (OnnxOperands.has(ctx, 3)) {
            Optional<long[]> a = OnnxOperands.ints(ctx, 3);
            if (a.isEmpty()) return Optional.empty();
            axes = a.get();
            OnnxOperands.axisSet(axes, rank, "axes");
        } else {
            axes = new long[rank];
            for (int d = 0; d < rank; d++) axes[d] = d;
        }
        if (pads.get().length != 2 * axes.length) {
            throw new OpError("pads has " + pads.get().length + " entries but " + axes.length + " axes are padded");
        }
        long[][] r = new long[2][rank];
        for (int i = 0; i < axes.length; i++) {
            int d = OnnxOperands.normalizeAxis(axes[i], rank, "axes entry");
            r[0][d] = pads.get()[i];
            r[1][d] = pads.get()[axes.length + i];
        }
        return Optional.of(r);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        OnnxOperands.requireEvaluable(out);
        Tensor data = ctx.constantOperand(0).orElseThrow();
        long[][] amounts = amounts(ctx).orElseThrow();
        Padding.Mode mode = mode(ctx);
        for (int d = 0; d < data.type().rank(); d++) {
            boolean grows = amounts[0][d] > 0 || amounts[1][d] > 0;
            if (mode != Padding.Mode.CONSTANT && grows && data.type().dim(d) == 0) {
                throw new OpError("cannot pad the empty dim " + d + " in mode " + ctx.stringAttr("mode"));
            }
        }
        Tensor value = OnnxOperands.has(ctx, 2) ? OnnxOperands.single(ctx.constantOperand(2).orElseThrow(), "constant_value") : null;
        return List.of(Padding.pad(data, amounts[0], mode, value, out));
    }
}
