package dev.xamba.opt.cost.npu;

import dev.xamba.opt.cost.op.Engine;
import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.Target;

/**
 * DPU task time as VPUNN's theoretical provider computes it, derated by what a real graph achieves: the larger of
 * compute (MACs at the precision's rate, or eltwise elements at the PPE rate, split over all tiles, ÷ the DPU
 * efficiency) and the time to read the operands (from CMX when the working set fits every tile's scratchpad, else
 * streamed from DRAM at the achieved DMA bandwidth). No per-task overhead is added.
 */
final class DpuTiming {
    private final Target.Npu npu;
    private final Target.Dpu dpu;
    private final DmaTiming dma;

    DpuTiming(Target.Npu npu, DmaTiming dma) {
        this.npu = npu;
        this.dpu = npu.dpu();
        this.dma = dma;
    }

    /** Cycles of the MAC array or PPE at its ideal rate, all tiles working. */
    double computeCycles(Work w, Engine e) {
        double perTile = switch (e) {
            case DPU_MATMUL, DPU_CONVOLUTION -> (double) w.macs() / macRate(w);
            case DPU_DEPTHWISE, DPU_POOL -> (double) w.macs() / dpu.depthwiseMacsPerCycle();
            case DPU_ELTWISE -> (double) w.outputElements() / dpu.eltwisePerCycle();
            default -> throw new IllegalArgumentException(e + " is not a DPU task");
        };
        return Math.ceil(perTile / dpu.tiles());
    }

    /** Compute at the ideal rate, µs. */
    double idealComputeMicros(Work w, Engine e) { return computeCycles(w, e) / dpu.clockMhz(); }

    /**
     * Reading the operands: VPUNN counts activation and weight reads. When they and the result do not fit the tiles'
     * CMX, DMA moves both ways: the operands in and the result out (as {@link ShaveTiming} charges a spilling kernel);
     * charging only the reads made an 805 MB outer product 771 µs where writing it alone takes about 6.8 ms.
     */
    double memoryMicros(Work w) {
        double bytes = w.inputElements() * (double) NpuBytes.of(w.elementType());
        double outputBytes = w.outputElements() * (double) NpuBytes.of(w.elementType());
        boolean fitsCmx = bytes + outputBytes <= (double) dpu.tiles() * dpu.cmxBytesPerTile();
        return fitsCmx ? bytes / (dpu.tiles() * dpu.cmxGBpsPerTile() * 1e3) : dma.transferMicros(bytes + outputBytes);
    }

    double micros(Work w, Engine e) {
        return Math.max(idealComputeMicros(w, e) / npu.efficiency().dpuCompute(), memoryMicros(w));
    }

    private int macRate(Work w) {
        return w.elementType().isFloat() ? dpu.macsPerCycleF16() : dpu.macsPerCycleI8();
    }
}
