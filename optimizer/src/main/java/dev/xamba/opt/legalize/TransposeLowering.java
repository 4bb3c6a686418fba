package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Transpose(x) {perm} → ov.Transpose(x, perm)}, the permutation as an i64 constant with negative
 * entries normalized (TorchScript exports {@code [0, -2, -1, 1]}); an absent perm reverses the dims.
 *
 * <p>Restrictions: none.
 */
final class TransposeLowering extends OnnxLowering {
    TransposeLowering() {
        super(OnnxOp.TRANSPOSE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        int rank = Operands.type(op.operand(0)).rank();
        OpContext attrs = attributes(op);
        long[] perm = new long[rank];
        long[] given = attrs.attr("perm") == null ? null : attrs.intArrayAttr("perm");
        for (int i = 0; i < rank; i++) {
            perm[i] = given == null ? rank - 1 - i : Operands.normalizeAxis(given[i], rank, "perm entry");
        }
        ov.replace(ov.create(TransposeOp.KIND, op.operand(0), ov.i64Vector(perm)));
    }
}
