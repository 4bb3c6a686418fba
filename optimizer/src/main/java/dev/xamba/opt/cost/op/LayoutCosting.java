package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;

/**
 * Layout-only ops (Reshape, Squeeze, Unsqueeze, Transpose, Concat, Slice, StridedSlice, Split): DMA transfers of
 * their output.
 */
final class LayoutCosting implements OpCosting {
    static final LayoutCosting INSTANCE = new LayoutCosting();

    @Override public Work work(Operation op) {
        long out = Sizes.outputElements(op);
        return new Work(Sizes.kernel(op), Family.LAYOUT, Sizes.dataType(op), Sizes.inputElements(op), out, out, out, 0);
    }

    @Override public Engine npuEngine(Operation op) { return Engine.DMA; }
}
