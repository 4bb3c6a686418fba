package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.ov.view.BinaryOp;

/**
 * Elementwise arithmetic: a same-shape float {@code Add} is a DPU eltwise task (EltwiseToNCE&lt;Add&gt;); every
 * other one, broadcasting ones included, is a SHAVE kernel ({@code eltwise_mul}, {@code eltwise_add}).
 */
final class BinaryCosting implements OpCosting {
    static final BinaryCosting INSTANCE = new BinaryCosting();

    @Override public Work work(Operation op) { return Sizes.elementwise(op, Family.ELEMENTWISE); }

    @Override public Engine npuEngine(Operation op) {
        boolean dpuAdd = BinaryOp.ADD.match(op).filter(BinaryOp::isSameShape)
                .filter(add -> add.resultType().elementType().isFloat()).isPresent();
        return dpuAdd ? Engine.DPU_ELTWISE : Engine.SHAVE;
    }
}
