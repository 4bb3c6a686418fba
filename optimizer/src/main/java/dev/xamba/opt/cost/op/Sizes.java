package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.OpResult;
import dev.xamba.ir.Value;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/**
 * Element counts for costing; a dynamic dimension counts as 1 (the model costs what it can see), a dimension of 0
 * makes the tensor empty. Counts saturate at {@link Long#MAX_VALUE} rather than wrap.
 */
final class Sizes {
    private Sizes() {}

    static long elements(TensorType t) {
        long n = 1;
        for (int i = 0; i < t.rank(); i++) {
            long d = t.dim(i);
            if (d == 0) return 0; // an empty tensor (it was costed as if the 0 were a dynamic dimension)
            if (d > 0) n = times(n, d);
        }
        return n;
    }

    /** {@code a + b} for counts ≥ 0, saturating. */
    static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code a × b} for counts ≥ 0, saturating (a high word of 0 let 2^63..2^64 wrap). */
    static long times(long a, long b) {
        return b > 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    static long elements(Value v) { return v.type() instanceof TensorType t ? elements(t) : 0; }

    static long outputElements(Operation op) {
        long n = 0;
        for (OpResult r : op.results()) n = plus(n, elements(r));
        return n;
    }

    /** Elements of the data operands: every tensor operand of the data's element type (axes and shapes excluded). */
    static long inputElements(Operation op) {
        ElementType data = dataType(op);
        long n = 0;
        for (Value v : op.operandValues()) {
            if (v.type() instanceof TensorType t && t.elementType() == data) n = plus(n, elements(t));
        }
        return n;
    }

    /** The element type of the op's data: its first float operand's, else its first result's, else f32. */
    static ElementType dataType(Operation op) {
        for (Value v : op.operandValues()) {
            if (v.type() instanceof TensorType t && t.elementType().isFloat()) return t.elementType();
        }
        if (op.numResults() > 0 && op.result(0).type() instanceof TensorType t) return t.elementType();
        return ElementType.F32;
    }

    /** The op's IR type without the dialect: {@code ov.CumSum} → {@code CumSum}. */
    static String kernel(Operation op) {
        String n = op.name();
        int dot = n.indexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }

    /** Work whose per-element count is the output, split over every output element. */
    static Work elementwise(Operation op, Family family) {
        long out = outputElements(op);
        return new Work(kernel(op), family, dataType(op), inputElements(op), out, out, out, 0);
    }
}
