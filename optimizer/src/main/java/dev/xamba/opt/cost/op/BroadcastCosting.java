package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.ov.view.BroadcastOp;

/** {@code ov.Broadcast}: of a constant, a DMA fill; of computed data, a SHAVE kernel. */
final class BroadcastCosting implements OpCosting {
    static final BroadcastCosting INSTANCE = new BroadcastCosting();

    @Override public Work work(Operation op) {
        long out = Sizes.outputElements(op);
        return new Work("Broadcast", Family.LAYOUT, Sizes.dataType(op), Sizes.inputElements(op), out, out, out, 0);
    }

    @Override public Engine npuEngine(Operation op) {
        Operation source = BroadcastOp.KIND.cast(op).input().definingOp();
        return source != null && Constants.isConstant(source) ? Engine.DMA : Engine.SHAVE;
    }
}
