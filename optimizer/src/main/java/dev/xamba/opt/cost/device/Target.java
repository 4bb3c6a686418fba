package dev.xamba.opt.cost.device;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A device the cost model predicts for: an Intel NPU (DPU tiles, SHAVE DSPs, DMA engines) or a CPU measured by
 * {@code xambac calibrate}. Built-in targets are {@code npu4}, {@code npu3720} and {@code cpu}
 * ({@link Targets}); any other is read from a JSON file of the same schema ({@link TargetJson}, README
 * "Target files"). Immutable.
 *
 * @param sources where each number comes from, by JSON path ({@code "dpu.tiles"} → a citation)
 */
public record Target(String name, String description, Kind kind, Npu npu, Cpu cpu, Map<String, String> sources) {
    public enum Kind { NPU, CPU }

    /**
     * How a CPU op's compute time and its DRAM streaming time combine: {@code MAX}, the classic roofline (the
     * memory traffic hides behind the compute or the other way round), or {@code SUM} (they do not overlap).
     */
    public enum Roofline {
        MAX, SUM;

        public double combine(double computeUs, double memoryUs) {
            return this == MAX ? Math.max(computeUs, memoryUs) : computeUs + memoryUs;
        }

        /** The name in target files: {@code max} or {@code sum}. */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NPU && npu == null) throw new IllegalArgumentException("an npu target needs its npu section");
        if (kind == Kind.CPU && cpu == null) throw new IllegalArgumentException("a cpu target needs its cpu section");
        sources = Map.copyOf(sources);
    }

    /** The NPU's three engines and how much of their nominal rates a real graph gets. */
    public record Npu(Dpu dpu, Shave shave, Dma dma, Efficiency efficiency) {
        public Npu(Dpu dpu, Shave shave, Dma dma) { this(dpu, shave, dma, Efficiency.IDEAL); }

        /** The DMA bandwidth a graph achieves between DRAM and CMX, GB/s. */
        public double achievedDmaGBps() { return dma.bandwidthGBps() * efficiency.dmaBandwidth(); }
    }

    /**
     * The fraction of a nominal rate that a compiled graph achieves (tiling, pipeline stalls, descriptor and
     * barrier overheads the per-op numbers do not count). SHAVE kernel rates need none: VPUNN's rows are
     * profiles of real kernels.
     *
     * @param dpuCompute   achieved ÷ nominal MAC (and PPE) throughput of DPU tasks, in (0, 1]
     * @param dmaBandwidth achieved ÷ nominal DMA bandwidth of transfers between DRAM and CMX, in (0, 1]
     */
    public record Efficiency(double dpuCompute, double dmaBandwidth) {
        public static final Efficiency IDEAL = new Efficiency(1, 1);

        public Efficiency {
            if (!(dpuCompute > 0 && dpuCompute <= 1) || !(dmaBandwidth > 0 && dmaBandwidth <= 1)) {
                throw new IllegalArgumentException("efficiencies must be in (0, 1], got dpu_compute=" + dpuCompute
                        + ", dma_bandwidth=" + dmaBandwidth);
            }
        }
    }

    /**
     * The DPU (NCE MAC array) of each tile.
     *
     * @param macsPerCycleF16       FP16 MACs per cycle per tile (f32 is costed as FP16: the NPU runs FP16)
     * @param macsPerCycleI8        INT8 MACs per cycle per tile
     * @param depthwiseMacsPerCycle depthwise convolution and pooling MACs per cycle per tile
     * @param eltwisePerCycle       same-shape eltwise elements per cycle per tile
     * @param cmxBytesPerTile       usable scratchpad per tile; working sets above tiles × this stream from DRAM
     * @param cmxGBpsPerTile        DPU read bandwidth from CMX per tile, GB/s
     */
    public record Dpu(int tiles, double clockMhz, int macsPerCycleF16, int macsPerCycleI8, int depthwiseMacsPerCycle,
                      int eltwisePerCycle, long cmxBytesPerTile, double cmxGBpsPerTile) {}

    /**
     * The activation SHAVE DSPs.
     *
     * @param count         SHAVEs a kernel can be split over
     * @param defaultKernel the rate of a kernel without its own row
     * @param kernels       rates by kernel (the {@code ov} op's IR type: {@code CumSum}, {@code SoftPlus})
     * @param singleShave    kernels the NPU compiler does not split over SHAVEs: each runs on one SHAVE
     */
    public record Shave(int count, KernelRate defaultKernel, Map<String, KernelRate> kernels, Set<String> singleShave) {
        public Shave {
            kernels = Map.copyOf(kernels);
            singleShave = Set.copyOf(singleShave);
        }

        public Shave(int count, KernelRate defaultKernel, Map<String, KernelRate> kernels) {
            this(count, defaultKernel, kernels, Set.of());
        }

        public KernelRate rate(String kernel) { return kernels.getOrDefault(kernel, defaultKernel); }

        /** Whether the compiler splits {@code kernel} over several SHAVEs. */
        public boolean splits(String kernel) { return !singleShave.contains(kernel); }
    }

    /** DMA engines between DRAM and CMX. */
    public record Dma(int engines, double gbpsPerEngine, double dramGBps, double latencyUs) {
        /** The nominal bandwidth of all engines, capped by DRAM, GB/s. */
        public double bandwidthGBps() { return Math.min(engines * gbpsPerEngine, dramGBps); }
    }

    /**
     * A CPU measured on the real OpenVINO CPU plugin.
     *
     * @param inferenceFixedUs the fixed cost of one inference request, whatever the graph
     * @param defaultFamily    the rate of an op whose kernel and family have no row
     * @param families         rates by kernel ({@code MatMul}) or op family ({@code elementwise})
     * @param cacheBytes       the last-level cache: an op whose operands and result exceed it streams from DRAM
     * @param dramGBps         the measured DRAM streaming bandwidth (read + write), GB/s
     * @param measuredOn       the CPU model ({@code lscpu}) and OpenVINO version of the calibration
     * @param date             when it was measured (ISO date)
     * @param roofline         how an op's compute and DRAM time combine
     */
    public record Cpu(double inferenceFixedUs, KernelRate defaultFamily, Map<String, KernelRate> families,
                      long cacheBytes, double dramGBps, String measuredOn, String date, Roofline roofline) {
        public Cpu {
            families = Map.copyOf(families);
            Objects.requireNonNull(roofline, "roofline");
        }

        public Cpu(double inferenceFixedUs, KernelRate defaultFamily, Map<String, KernelRate> families,
                   long cacheBytes, double dramGBps, String measuredOn, String date) {
            this(inferenceFixedUs, defaultFamily, families, cacheBytes, dramGBps, measuredOn, date, Roofline.MAX);
        }

        /** The same CPU with another roofline. */
        public Cpu withRoofline(Roofline r) {
            return new Cpu(inferenceFixedUs, defaultFamily, families, cacheBytes, dramGBps, measuredOn, date, r);
        }

        public KernelRate rate(String kernel, String family) {
            KernelRate r = families.get(kernel);
            if (r != null) return r;
            return families.getOrDefault(family, defaultFamily);
        }
    }
}
