package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.ov.view.CumSumOp;

/**
 * {@code ov.CumSum}: a scalar SHAVE scan (VPUNN's NPU40 profile has no vectorization); each row along the axis is
 * sequential, so only the rows can be split over SHAVEs.
 */
final class ScanCosting implements OpCosting {
    static final ScanCosting INSTANCE = new ScanCosting();

    @Override public Work work(Operation op) {
        CumSumOp cs = CumSumOp.KIND.cast(op);
        long out = Sizes.outputElements(op);
        var x = cs.input().tensorType();
        long axisLength = cs.axis().stream().mapToLong(x::dim).filter(d -> d > 0).findFirst().orElse(out);
        long rows = Math.max(1, out / Math.max(1, axisLength));
        return new Work("CumSum", Family.SCAN, Sizes.dataType(op), Sizes.elements(cs.input()), out, out, rows, 0);
    }

    @Override public Engine npuEngine(Operation op) { return Engine.SHAVE; }
}
