package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;

/**
 * {@code ov.Gather}: a SHAVE kernel (NPU_COST_MODEL.md §4.3) that reads only the slices it picks (an embedding
 * lookup touches a few rows of a large table), so its input is counted as the indices and the picked elements.
 */
final class GatherCosting implements OpCosting {
    static final GatherCosting INSTANCE = new GatherCosting();

    @Override public Work work(Operation op) {
        long out = Sizes.outputElements(op);
        long indices = Sizes.elements(op.operand(1));
        return new Work("Gather", Family.GATHER, Sizes.dataType(op), out + indices, out, out, out, 0);
    }

    @Override public Engine npuEngine(Operation op) { return Engine.SHAVE; }
}
