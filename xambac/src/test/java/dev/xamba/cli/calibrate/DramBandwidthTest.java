package dev.xamba.cli.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.cost.device.KernelRate;
import dev.xamba.opt.cost.op.Family;
import dev.xamba.opt.cost.op.Work;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bandwidth calibrate writes is the DRAM share of a streaming benchmark's time: the target sums compute and
 * DRAM time, so a bandwidth that also held the compute charged it twice (the written target over-predicted its own
 * weight-streaming MatMul 1.47x). Figures from a run of 2026-12-02.
 */
class DramBandwidthTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final double INFERENCE = 6.7;
    /** 8 tokens × 2048 through 2048 × 8192 f32 weights: 134 M MACs, 16.8 M elements read, 65536 written. */
    private static final Work MATMUL = new Work("MatMul", Family.MATMUL, ElementType.F32, 8 * 2048 + 2048 * 8192, 8 * 8192,
            8 * 8192, 8 * 8192, 8L * 2048 * 8192);
    private static final Work MULTIPLY = new Work("Multiply", Family.ELEMENTWISE, ElementType.F32, (1 << 24) + 64 + (1 << 18),
            1 << 24, 1 << 24, 1 << 24, 0);
    /** 1490 µs of the MatMul's and 2685 µs of the Multiply's time are compute at these in-cache rates. */
    private static final Map<String, KernelRate> ROWS = Map.of("MatMul", new KernelRate(3, 0, 1490.49 * 1000 / (8.0 * 2048 * 8192)),
            "elementwise", KernelRate.perElement(2, 2685.38 * 1000 / (1 << 24)));

    private static double bytes(Work w) { return ((double) w.inputElements() + w.outputElements()) * 4; }

    @Test
    void theBandwidthIsTheLowerDramShareAfterCompute() {
        CpuCalibrator.Streaming mm = new CpuCalibrator.Streaming("MatMul", MATMUL, 3938.57);
        CpuCalibrator.Streaming mul = new CpuCalibrator.Streaming("Multiply", MULTIPLY, 5810.53);

        double gbps = CpuCalibrator.dramGBps(List.of(mul, mm), ROWS, INFERENCE, QUIET);

        double mmDramUs = 3938.57 - INFERENCE - 1490.49;
        assertThat(gbps).isCloseTo(bytes(MATMUL) / (mmDramUs * 1e3), within(0.01));
        // What it was: the MatMul's whole time as DRAM time, 17.1 against 27.6 GB/s.
        assertThat(bytes(MATMUL) / ((3938.57 - INFERENCE) * 1e3)).isLessThan(0.7 * gbps);
        // The target then predicts the benchmark it came from: request + compute + DRAM = its time.
        assertThat(INFERENCE + 1490.49 + bytes(MATMUL) / (gbps * 1e3)).isCloseTo(3938.57, within(1.0));
    }

    @Test
    void aComputeBoundBenchmarkSaysLittleAboutDramAndIsLeftOut() {
        CpuCalibrator.Streaming computeBound = new CpuCalibrator.Streaming("MatMul", MATMUL, INFERENCE + 1490.49 * 1.05);
        CpuCalibrator.Streaming mul = new CpuCalibrator.Streaming("Multiply", MULTIPLY, 5810.53);

        double gbps = CpuCalibrator.dramGBps(List.of(computeBound, mul), ROWS, INFERENCE, QUIET);

        assertThat(gbps).isCloseTo(bytes(MULTIPLY) / ((5810.53 - INFERENCE - 2685.38) * 1e3), within(0.01));
        // When every benchmark is compute-bound, the whole time stands for DRAM (a lower bound on the bandwidth).
        assertThat(CpuCalibrator.dramGBps(List.of(computeBound), ROWS, INFERENCE, QUIET))
                .isCloseTo(bytes(MATMUL) / (1490.49 * 1.05 * 1e3), within(0.01));
    }
}
