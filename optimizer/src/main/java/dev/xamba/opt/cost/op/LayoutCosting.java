package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.ov.view.ReshapeOp;

/**
 * Layout-only ops (Transpose, Concat, Slice, StridedSlice, Split): DMA transfers of their output; Reshape, Squeeze
 * and Unsqueeze are views of their input (no transfer).
 */
final class LayoutCosting implements OpCosting {
    static final LayoutCosting INSTANCE = new LayoutCosting();

    @Override public Work work(Operation op) {
        long out = Sizes.outputElements(op);
        return new Work(Sizes.kernel(op), Family.LAYOUT, Sizes.dataType(op), Sizes.inputElements(op), out, out, out, 0);
    }

    @Override public Engine npuEngine(Operation op) { return ReshapeOp.ANY.matches(op) ? Engine.DMA_VIEW : Engine.DMA; }
}
