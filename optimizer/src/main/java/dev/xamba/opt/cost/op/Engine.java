package dev.xamba.opt.cost.op;

import dev.xamba.opt.cost.Unit;

/**
 * What the NPU compiler turns an op into (NPU_COST_MODEL.md §4): a DPU (NCE) task of one of its kinds, a post-op
 * fused into the DPU task before it, an ACT-SHAVE software kernel, a DMA transfer, or nothing at run time.
 */
public enum Engine {
    /** MatMulToNCE. */
    DPU_MATMUL(Unit.DPU),
    /** ConvToNCE. */
    DPU_CONVOLUTION(Unit.DPU),
    /** DepthConvToNCE. */
    DPU_DEPTHWISE(Unit.DPU),
    /** MaxPoolToNCE / AveragePoolToNCE. */
    DPU_POOL(Unit.DPU),
    /** EltwiseToNCE&lt;Add&gt; (same shapes, no broadcast). */
    DPU_ELTWISE(Unit.DPU),
    /** ReLU, Clamp or LeakyReLU fused into the DPU task that produces its input (layer_post_ops.cpp): free. */
    DPU_POST_OP(Unit.DPU),
    /** Any op without a DPU lowering: an ACT-SHAVE kernel. */
    SHAVE(Unit.SHAVE),
    /** Layout-only ops, moved by the DMA engines. */
    DMA(Unit.DMA),
    /**
     * Reshape, Squeeze, Unsqueeze: a new shape over the same contiguous buffer, which the NPU compiler lowers to
     * a view (VPUIP GenericReshape / ShapeCast) with no transfer; placed with the DMA's ops, costing nothing.
     */
    DMA_VIEW(Unit.DMA),
    /** Constants and shape queries: nothing runs. */
    NONE(null);

    private final Unit unit;

    Engine(Unit unit) { this.unit = unit; }

    /** The unit that spends the time, or null for {@link #NONE}. */
    public Unit unit() { return unit; }

    /** Whether the engine costs nothing at run time (nothing runs, a fused post-op, or a view). */
    public boolean isFree() { return this == NONE || this == DPU_POST_OP || this == DMA_VIEW; }

    /** A DPU task that computes (so a following ReLU/Clamp can fuse into it). */
    public boolean isDpuTask() { return unit == Unit.DPU && this != DPU_POST_OP; }
}
