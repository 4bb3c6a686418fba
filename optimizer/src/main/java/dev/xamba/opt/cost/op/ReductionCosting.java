package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;

/**
 * {@code ov.ReduceSum/Mean/Max/Min/Prod}: a SHAVE kernel that reads every input element (not vectorized), split
 * over the outputs. The one DPU case is the compiler's own ReduceSum → 1×1 convolution with ones
 * (convert_reduce_sum_to_conv.cpp): 4-D input, N = 1, the single axis C, keep_dims.
 */
final class ReductionCosting implements OpCosting {
    static final ReductionCosting INSTANCE = new ReductionCosting();

    @Override public Work work(Operation op) {
        long in = Sizes.elements(op.operand(0));
        long out = Sizes.outputElements(op);
        // As a 1×1 convolution with ones each input element is one MAC.
        return new Work(Sizes.kernel(op), Family.REDUCTION, Sizes.dataType(op), in, out, in, out, in);
    }

    @Override public Engine npuEngine(Operation op) {
        ReduceOp r = ReduceOp.ANY.cast(op);
        TensorType x = r.input().tensorType();
        boolean channelSum = r.isSum() && r.keepDims() && x.rank() == 4 && x.dim(0) == 1
                && r.axes().map(a -> Arrays.equals(a, new int[] {1})).orElse(false);
        return channelSum ? Engine.DPU_CONVOLUTION : Engine.SHAVE;
    }
}
