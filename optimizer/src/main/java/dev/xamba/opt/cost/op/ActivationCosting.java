package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.ov.view.ClampOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;

/**
 * One-input activations and math ({@code SoftPlus}, {@code Exp}, {@code Swish}, ...): SHAVE kernels. ReLU and
 * Clamp whose input is the only use of a DPU task's result are fused into that task's post-processing (PPE) and
 * cost nothing (npu_compiler layer_post_ops.cpp; LeakyReLU too, which the {@code ov} dialect does not have yet).
 */
final class ActivationCosting implements OpCosting {
    static final ActivationCosting INSTANCE = new ActivationCosting();

    /** The activations the DPU's PPE applies for free. */
    private static final OpViewKind<? extends OpView> POST_OPS = UnaryOp.RELU;

    @Override public Work work(Operation op) { return Sizes.elementwise(op, Family.ACTIVATION); }

    @Override public Engine npuEngine(Operation op) {
        return isPostOp(op) && fedByOnlyUseOfDpuTask(op.operand(0)) ? Engine.DPU_POST_OP : Engine.SHAVE;
    }

    /** ReLU, and a Clamp at 0 from below: NPU_COST_MODEL.md §4.2 fuses "Clamp (min 0 unless quantized)" only. */
    private static boolean isPostOp(Operation op) {
        return POST_OPS.matches(op) || (ClampOp.KIND.matches(op) && ClampOp.KIND.cast(op).min() == 0);
    }

    private static boolean fedByOnlyUseOfDpuTask(Value input) {
        Operation producer = input.definingOp();
        if (producer == null || input.numUsesInBlocks() != 1) return false; // a planned replacement's reads do not count
        return producer.getInterface(OpCosting.class).map(c -> c.npuEngine(producer).isDpuTask()).orElse(false);
    }
}
