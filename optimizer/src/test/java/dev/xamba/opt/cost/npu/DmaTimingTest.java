package dev.xamba.opt.cost.npu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xamba.opt.cost.device.Targets;
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
}
