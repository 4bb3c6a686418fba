package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.Optional;

/** Checks and readers for the operands ONNX ops share: optional inputs, integer vectors, axes, dynamic shapes. */
final class OnnxOperands {
    private OnnxOperands() {}

    /** Whether optional input {@code i} is present (trailing absent inputs are omitted). */
    static boolean has(OpContext ctx, int i) { return i < ctx.numOperands(); }

    /** The elements of a present, constant operand, else empty. */
    static Optional<long[]> ints(OpContext ctx, int i) {
        if (!has(ctx, i)) return Optional.empty();
        return ctx.constantOperand(i).map(Tensor::toLongs);
    }

    static long[] dynamicShape(int rank) {
        long[] s = new long[rank];
        Arrays.fill(s, TensorType.DYNAMIC);
        return s;
    }

    static TensorType dynamic(ElementType et, int rank) { return TensorType.of(et, dynamicShape(rank)); }

    /** Requires a rank-1 integer operand and returns its length ({@link TensorType#DYNAMIC} if unknown). */
    static long intVector(OpContext ctx, int i, String what) {
        TensorType t = ctx.operandType(i);
        if (!t.elementType().isInteger()) throw new OpError(what + " (operand #" + i + ") must be an integer tensor, got " + t);
        if (t.rank() != 1) throw new OpError(what + " (operand #" + i + ") must have rank 1, got " + t);
        return t.dim(0);
    }

    /** {@link #intVector} whose length must be known: it decides a result's rank. */
    static int staticIntVector(OpContext ctx, int i, String what) {
        long n = intVector(ctx, i, what);
        if (n == TensorType.DYNAMIC) {
            throw new OpError(what + " (operand #" + i + ") needs a static length: it decides the result's rank");
        }
        return ElementCounts.rank(n, () -> what + " (operand #" + i + ")");
    }

    /** Requires a scalar or one-element operand (ONNX tolerates [1] where it means a scalar). */
    static void requireScalarLike(OpContext ctx, int i, String what) {
        TensorType t = ctx.operandType(i);
        boolean single = t.rank() == 0 || (t.rank() == 1 && (t.dim(0) == 1 || t.dim(0) == TensorType.DYNAMIC));
        if (!single) throw new OpError(what + " (operand #" + i + ") must be a scalar, got " + t);
    }

    /** The only element of a scalar-like tensor. */
    static Tensor single(Tensor t, String what) {
        if (t.size() != 1) throw new OpError(what + " must hold exactly one element, got " + t.type());
        return t;
    }

    static void requireSameElementType(OpContext ctx, int a, int b) {
        ElementType x = ctx.operandType(a).elementType();
        ElementType y = ctx.operandType(b).elementType();
        if (x != y) {
            throw new OpError("operands #" + a + " and #" + b + " must have the same element type, got " + x + " and " + y);
        }
    }

    static void requireFloat(OpContext ctx, int i) {
        if (!ctx.operandType(i).elementType().isFloat()) {
            throw new OpError("operand #" + i + " must be a float tensor, got " + ctx.operandType(i));
        }
    }

    static void requireNumeric(OpContext ctx, int i) {
        if (ctx.operandType(i).elementType().isBool()) {
            throw new OpError("operand #" + i + " must be a numeric tensor, got " + ctx.operandType(i));
        }
    }

    static void requireBool(OpContext ctx, int i, String what) {
        if (!ctx.operandType(i).elementType().isBool()) {
            throw new OpError(what + " (operand #" + i + ") must be a boolean (i1) tensor, got " + ctx.operandType(i));
        }
    }

    /** Normalizes axes to [0, rank) and flags them; repeated axes are an error. */
    static boolean[] axisSet(long[] axes, int rank, String what) {
        boolean[] set = new boolean[rank];
        for (long a : axes) {
            int n = normalizeAxis(a, rank, what);
            if (set[n]) throw new OpError(what + " " + Arrays.toString(axes) + " repeat axis " + n);
            set[n] = true;
        }
        return set;
    }

    static int normalizeAxis(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw new OpError(what + " " + axis + " is out of range for rank " + rank + " (expected " + -rank + " to " + (rank - 1) + ")");
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** The attribute as an int list, or null when it is absent and has no default. */
    static long[] optionalInts(OpContext ctx, String name) {
        return ctx.attr(name) == null ? null : ctx.intArrayAttr(name);
    }

    /** Static element count or an error: a result with more than 2^31 elements cannot be evaluated. */
    static void requireEvaluable(TensorType out) {
        if (out.numElements() > Integer.MAX_VALUE) throw new OpError("result " + out + " is too large to evaluate");
    }
}
