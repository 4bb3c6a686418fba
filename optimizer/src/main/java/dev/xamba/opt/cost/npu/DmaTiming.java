package dev.xamba.opt.cost.npu;

import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.Target;

/** DMA transfer time: latency + bytes written ÷ the bandwidth the engines achieve (nominal, capped by DRAM, × efficiency). */
final class DmaTiming {
    private final Target.Npu npu;

    DmaTiming(Target.Npu npu) { this.npu = npu; }

    double micros(Work w) {
        double bytes = w.outputElements() * (double) NpuBytes.of(w.elementType());
        return npu.dma().latencyUs() + transferMicros(bytes);
    }

    /** Streaming {@code bytes} between DRAM and CMX, without the latency, µs. */
    double transferMicros(double bytes) { return bytes / (npu.achievedDmaGBps() * 1e3); }
}
