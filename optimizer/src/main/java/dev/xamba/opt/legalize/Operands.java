package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.Optional;

/** Guards and readers over an ONNX op's operands; each failing guard throws a {@link LegalizationFailure}. */
final class Operands {
    private Operands() {}

    /** Whether optional input {@code i} is present (the dialect omits trailing absent inputs). */
    static boolean has(Operation op, int i) {
        return i < op.numOperands();
    }

    static TensorType type(Value v) {
        return v.tensorType();
    }

    /** The operand's value if it is a constant with data. */
    static Optional<Tensor> constant(Operation op, int i) {
        return Constants.valueOf(op.operand(i));
    }

    /** The elements of a constant operand; {@code what} names it in the failure. */
    static long[] constantInts(Operation op, int i, String what) {
        return constant(op, i).map(Tensor::toLongs)
                .orElseThrow(() -> new LegalizationFailure(what + " (operand #" + i + ") must be a constant"));
    }

    /** The only element of a constant scalar or one-element operand. */
    static Tensor constantScalar(Operation op, int i, String what) {
        Tensor t = constant(op, i).orElseThrow(() -> new LegalizationFailure(what + " (operand #" + i + ") must be a constant"));
        if (t.size() != 1) throw new LegalizationFailure(what + " (operand #" + i + ") must hold one element, got " + t.type());
        return t;
    }

    /** The shape of {@code v}, which must be static. */
    static long[] staticShape(Value v, String what) {
        TensorType t = type(v);
        if (!t.hasStaticShape()) throw new LegalizationFailure(what + " must have a static shape, got " + t);
        return t.shape();
    }

    static int normalizeAxis(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw new LegalizationFailure(what + " " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** {@code [0, 1, ..., n - 1]}. */
    static long[] iota(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    /** {@code n} copies of {@code value}. */
    static long[] filled(int n, long value) {
        long[] r = new long[n];
        Arrays.fill(r, value);
        return r;
    }
}
