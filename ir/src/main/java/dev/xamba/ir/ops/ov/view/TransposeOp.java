package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.Optional;

/** {@code ov.Transpose(x, order)}: {@code y.shape[i] = x.shape[order[i]]}; an empty order reverses the dims. */
public final class TransposeOp extends OpView {
    public static final OpViewKind<TransposeOp> KIND = OpViewKind.of(TransposeOp::new, "ov.Transpose");

    private TransposeOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public Value orderValue() { return operand(1); }

    /** The permutation, normalized (an empty order spelled out as the reversal), when it is a constant. */
    public Optional<int[]> order() {
        int rank = input().tensorType().rank();
        return constantOperand(1).flatMap(t -> {
            if (t.size() == 0) {
                int[] rev = new int[rank];
                for (int i = 0; i < rank; i++) rev[i] = rank - 1 - i;
                return Optional.of(rev);
            }
            return t.size() == rank ? ViewSupport.normalizedAxes(t, rank) : Optional.empty();
        });
    }

    /** Whether the order is a constant that keeps the last two dims in place and swaps them. */
    public boolean swapsLastTwo() {
        return order().map(o -> {
            int r = o.length;
            if (r < 2 || o[r - 1] != r - 2 || o[r - 2] != r - 1) return false;
            for (int i = 0; i < r - 2; i++) if (o[i] != i) return false;
            return true;
        }).orElse(false);
    }
}
