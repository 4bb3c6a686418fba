package dev.xamba.opt.cost.npu;

import dev.xamba.opt.cost.op.Engine;
import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.Target;

/**
 * DPU task time as VPUNN's theoretical provider computes it: the larger of compute (MACs at the precision's rate,
 * or eltwise elements at the PPE rate, split over all tiles) and the time to read the operands (from CMX when the
 * working set fits every tile's scratchpad, else streamed from DRAM). No per-task overhead is added.
 */
final class DpuTiming {
    private final Target.Dpu dpu;
    private final Target.Dma dma;

    DpuTiming(Target.Dpu dpu, Target.Dma dma) {
        this.dpu = dpu;
        this.dma = dma;
    }

    /** Cycles of the MAC array or PPE, all tiles working. */
    double computeCycles(Work w, Engine e) {
        double perTile = switch (e) {
            case DPU_MATMUL, DPU_CONVOLUTION -> (double) w.macs() / macRate(w);
            case DPU_DEPTHWISE, DPU_POOL -> (double) w.macs() / dpu.depthwiseMacsPerCycle();
            case DPU_ELTWISE -> (double) w.outputElements() / dpu.eltwisePerCycle();
            default -> throw new IllegalArgumentException(e + " is not a DPU task");
        };
        return Math.ceil(perTile / dpu.tiles());
    }

    double computeMicros(Work w, Engine e) { return computeCycles(w, e) / dpu.clockMhz(); }

    /** Reading the operands: VPUNN counts activation and weight reads. */
    double memoryMicros(Work w) {
        double bytes = w.inputElements() * (double) NpuBytes.of(w.elementType());
        boolean fitsCmx = bytes + w.outputElements() * (double) NpuBytes.of(w.elementType()) <= (double) dpu.tiles() * dpu.cmxBytesPerTile();
        double gbps = fitsCmx ? dpu.tiles() * dpu.cmxGBpsPerTile() : dma.bandwidthGBps();
        return bytes / (gbps * 1e3);
    }

    double micros(Work w, Engine e) { return Math.max(computeMicros(w, e), memoryMicros(w)); }

    private int macRate(Work w) {
        return w.elementType().isFloat() ? dpu.macsPerCycleF16() : dpu.macsPerCycleI8();
    }
}
