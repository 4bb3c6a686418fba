package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;

/** Any op without a DPU lowering or a layout role: a SHAVE kernel over its output elements. */
final class SoftwareKernelCosting implements OpCosting {
    static final SoftwareKernelCosting OTHER = new SoftwareKernelCosting(Family.OTHER);

    private final Family family;

    private SoftwareKernelCosting(Family family) { this.family = family; }

    @Override public Work work(Operation op) { return Sizes.elementwise(op, family); }

    @Override public Engine npuEngine(Operation op) { return Engine.SHAVE; }
}
