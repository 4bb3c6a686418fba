package dev.xamba.opt.cost.npu;

import dev.xamba.opt.cost.Cost;
import dev.xamba.opt.cost.Unit;
import dev.xamba.opt.cost.device.KernelRate;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.op.Work;

/**
 * SHAVE kernel time: launch overhead per tiling step + per-element cost × elements ÷ usable SHAVEs, where the
 * per-element cost is VPUNN's one-SHAVE profile and the usable SHAVEs are as many as the kernel has independent
 * lanes (a scan of one row runs on one SHAVE), at most all of them, and one for a kernel the compiler does not
 * split. A kernel whose operands and result do not fit the scratchpad of the tiles it runs on is tiled: each step
 * is a launch, and every byte goes through DMA from and back to DRAM. The compiler prefetches the next step while
 * the SHAVEs compute, so only the transfer time beyond the compute is added (as DMA time).
 */
final class ShaveTiming {
    private final Target.Npu npu;
    private final Target.Shave shave;
    private final DmaTiming dma;

    ShaveTiming(Target.Npu npu, DmaTiming dma) {
        this.npu = npu;
        this.shave = npu.shave();
        this.dma = dma;
    }

    long usableShaves(Work w) {
        return shave.splits(w.kernel()) ? Math.max(1, Math.min(shave.count(), w.lanes())) : 1;
    }

    Cost cost(Work w) {
        KernelRate r = shave.rate(w.kernel());
        long shaves = usableShaves(w);
        double bytes = (w.inputElements() + (double) w.outputElements()) * NpuBytes.of(w.elementType());
        double cmx = (double) tilesUsed(shaves) * npu.dpu().cmxBytesPerTile();
        double steps = bytes <= cmx ? 1 : Math.ceil(bytes / cmx);
        double compute = r.variableMicros(w.rateElements(), 0) / shaves;
        double spill = bytes <= cmx ? 0 : dma.transferMicros(bytes);
        return Cost.of(Unit.SHAVE, steps * r.fixedUs() + compute).plus(Cost.of(Unit.DMA, Math.max(0, spill - compute)));
    }

    /** The tiles whose SHAVEs (and so whose scratchpads) a kernel split over {@code shaves} SHAVEs uses. */
    private long tilesUsed(long shaves) {
        long perTile = Math.max(1, shave.count() / npu.dpu().tiles());
        return Math.min(npu.dpu().tiles(), (shaves + perTile - 1) / perTile);
    }
}
