package dev.xamba.opt.cost.npu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.cost.device.Targets;
import dev.xamba.opt.cost.op.Family;
import dev.xamba.opt.cost.op.Work;
import org.junit.jupiter.api.Test;

/**
 * DMA times from NPU_COST_MODEL.md's numbers, by hand: the cost tests placed ops but never pinned a transfer, so a
 * DMA 1000× too fast (a GB/s read as MB/s) failed only the paper-ratio test, which needs the shared models.
 */
class DmaTimingTest {
    @Test
    void aMegabyteTakesWhatTheEnginesOrDramAllow() {
        // npu4: 2 engines × 62.144 GB/s = 124.3 GB/s, under DRAM's 136, × 0.9586 achieved: 1 MB in 8.39 µs.
        DmaTiming npu4 = new DmaTiming(Targets.builtIn("npu4").npu());
        assertThat(npu4.transferMicros(1e6)).isCloseTo(1e6 / (2 * 62.144 * 0.9586 * 1e3), within(1e-9)).isCloseTo(8.39, within(0.01));
        // npu3720: 2 × 31.2 GB/s = 62.4, capped by DRAM's 27 GB/s, × 0.9586: 1 MB in 38.6 µs.
        DmaTiming npu3720 = new DmaTiming(Targets.builtIn("npu3720").npu());
        assertThat(npu3720.transferMicros(1e6)).isCloseTo(38.64, within(0.01));
    }

    /** A transfer pays the DRAM latency first (VPUNN: 300 ns + 32 CMX cycles at 971 MHz = 0.333 µs on npu4). */
    @Test
    void aTransferPaysTheLatencyThenItsBytes() {
        DmaTiming npu4 = new DmaTiming(Targets.builtIn("npu4").npu());
        Work transpose = new Work("Transpose", Family.LAYOUT, ElementType.F32, 250_000, 250_000, 250_000, 250_000, 0);
        // 250,000 elements of 2 bytes (the NPU computes f32 models in f16) = 0.5 MB.
        assertThat(npu4.micros(transpose)).isCloseTo(0.333 + npu4.transferMicros(500_000), within(1e-9));
        assertThat(npu4.micros(Work.none("Reshape"))).isCloseTo(0.333, within(1e-12));
    }
}
