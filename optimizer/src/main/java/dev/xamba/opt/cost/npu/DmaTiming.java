package dev.xamba.opt.cost.npu;

import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.Target;

/** DMA transfer time: latency + bytes written ÷ the engines' bandwidth (capped by DRAM's). */
final class DmaTiming {
    private final Target.Dma dma;

    DmaTiming(Target.Dma dma) { this.dma = dma; }

    double micros(Work w) {
        double bytes = w.outputElements() * (double) NpuBytes.of(w.elementType());
        return dma.latencyUs() + bytes / (dma.bandwidthGBps() * 1e3);
    }
}
