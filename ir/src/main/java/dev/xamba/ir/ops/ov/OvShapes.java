package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.Optional;

/** Shape and operand rules shared by the {@code ov} op definitions (on top of {@link Shapes}). */
final class OvShapes {
    private OvShapes() {}

    static final long DYN = TensorType.DYNAMIC;

    /** {@code auto_broadcast}, default {@code numpy}: the attribute of elementwise ops. */
    static AttrSpec autoBroadcastAttr() {
        return AttrSpec.optional("auto_broadcast", AttrSpec.Kind.STRING, new StringAttr("numpy"));
    }

    /** A shape of {@code rank} dynamic dims. */
    static long[] dynamic(int rank) {
        long[] s = new long[rank];
        Arrays.fill(s, DYN);
        return s;
    }

    /** The constant operand's elements as longs, if it is constant. */
    static Optional<long[]> constantLongs(OpContext ctx, int i) {
        return ctx.constantOperand(i).map(Tensor::toLongs);
    }

    /**
     * The result shape of an elementwise op over {@code operands} under {@code auto_broadcast}: NumPy broadcasting,
     * or (for {@code none}) equal shapes.
     */
    static long[] autoBroadcast(OpContext ctx, int... operands) {
        String mode = ctx.stringAttr("auto_broadcast");
        long[] out = ctx.operandType(operands[0]).shape();
        for (int k = 1; k < operands.length; k++) {
            long[] s = ctx.operandType(operands[k]).shape();
            switch (mode) {
                case "numpy" -> out = Shapes.broadcast(out, s);
                case "none", "explicit" -> {
                    if (out.length != s.length) throw new OpError("auto_broadcast = \"" + mode + "\" needs equal shapes, got "
                            + ctx.operandType(operands[0]) + " and " + ctx.operandType(operands[k]));
                    for (int d = 0; d < s.length; d++) {
                        if (out[d] == DYN) out[d] = s[d];
                        else if (s[d] != DYN && s[d] != out[d]) throw new OpError("auto_broadcast = \"" + mode
                                + "\" needs equal shapes, got " + ctx.operandType(operands[0]) + " and " + ctx.operandType(operands[k]));
                    }
                }
                default -> throw new OpError("unsupported auto_broadcast \"" + mode + "\" (expected \"numpy\" or \"none\")");
            }
        }
        return out;
    }

    static void requireBool(OpContext ctx, int i, String what) {
        if (!ctx.operandType(i).elementType().isBool()) {
            throw new OpError(what + " (operand #" + i + ") must be a boolean (i1) tensor, got " + ctx.operandType(i));
        }
    }

    /** Integers and floats, not booleans (OpenVINO's "numeric" types). */
    static void requireNumeric(OpContext ctx, int i, String what) {
        if (ctx.operandType(i).elementType().isBool()) {
            throw new OpError(what + " (operand #" + i + ") must be numeric, got " + ctx.operandType(i));
        }
    }

    static void requireScalar(OpContext ctx, int i, String what) {
        if (ctx.operandType(i).rank() != 0) throw new OpError(what + " (operand #" + i + ") must be a scalar, got " + ctx.operandType(i));
    }

    /** A scalar or a one-element vector (OpenVINO accepts both for axes and depths). */
    static void requireScalarLike(OpContext ctx, int i, String what) {
        TensorType t = ctx.operandType(i);
        if (t.rank() > 1 || (t.rank() == 1 && t.dim(0) != 1 && t.dim(0) != DYN)) {
            throw new OpError(what + " (operand #" + i + ") must be a scalar or have one element, got " + t);
        }
    }

    /** A rank-1 integer operand (begins, pads, repeats). */
    static void requireIntegerVector(OpContext ctx, int i, String what) {
        Shapes.requireInteger(ctx, i, what);
        if (ctx.operandType(i).rank() != 1) throw new OpError(what + " (operand #" + i + ") must have rank 1, got " + ctx.operandType(i));
    }

    /** The static length of a rank-1 operand, or an error. */
    static int staticLength(OpContext ctx, int i, String what) {
        long n = ctx.operandType(i).dim(0);
        if (n == DYN) throw new OpError(what + " (operand #" + i + ") needs a static length");
        return ElementCounts.rank(n, () -> what + " (operand #" + i + ")");
    }

    /** Elements of {@code in} at positions {@code from..to-1}. */
    static long[] slice(long[] in, int from, int to) {
        return Arrays.copyOfRange(in, from, to);
    }

    /** {@code a} followed by {@code b}. */
    static long[] concat(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
