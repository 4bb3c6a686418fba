package dev.xamba.opt.cost;

import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.npu.NpuCostModel;
import java.util.Set;
import dev.xamba.opt.testing.FunctionBuilder;
import org.junit.jupiter.api.Test;

/**
 * The calibration points of NPU_COST_MODEL.md §7 (numbers 6-20), reproduced by the model within 10%. Per-element
 * SHAVE costs are the marginal cost of one more element on one SHAVE, as VPUNN profiles them.
 */
class NpuCalibrationTest {
    private static final NpuCostModel NPU4 = (NpuCostModel) CostModels.forTarget("npu4");
    private static final NpuCostModel NPU3720 = (NpuCostModel) CostModels.forTarget("npu3720");

    /** The op {@code name} applied to a fresh {@code input}-typed argument. */
    private static Operation unary(String name, TensorType input) {
        FunctionBuilder f = FunctionBuilder.main(input);
        return f.create(name, java.util.Map.of(), null, f.arg(0));
    }

    private static Operation cumsumOverLastAxis(TensorType input) {
        FunctionBuilder f = FunctionBuilder.main(input);
        Value axis = f.constant("axis", longs(shape(), -1));
        return f.create("ov.CumSum", java.util.Map.of(), null, f.arg(0), axis);
    }

    /** ns per element on one SHAVE: the marginal cost between n and 2n elements, times the SHAVEs used. */
    private static double nsPerElementOnOneShave(NpuCostModel m, java.util.function.LongFunction<Operation> make, long n) {
        Operation small = make.apply(n);
        Operation big = make.apply(2 * n);
        double marginalUs = m.cost(big).totalMicros() - m.cost(small).totalMicros();
        assertThat(m.usableShaves(big)).isEqualTo(m.usableShaves(small));
        return marginalUs * 1000 / n * m.usableShaves(big);
    }

    @Test void shaveCumSumCosts24_8NsPerElementAnd4_7UsPerLaunch() {   // points 6 and 11
        double ns = nsPerElementOnOneShave(NPU4, n -> cumsumOverLastAxis(f32(1, n)), 1 << 16);
        assertThat(ns).isCloseTo(24.8, withPercentage(10));
        Operation one = cumsumOverLastAxis(f32(1, 1));
        assertThat(NPU4.cost(one).micros(Unit.SHAVE)).isCloseTo(4.7, withPercentage(10));
        assertThat(NPU4.usableShaves(cumsumOverLastAxis(f32(1, 4096)))).as("one row is one sequential scan").isEqualTo(1);
    }

    @Test void shaveSoftPlusCosts19_5NsPerElementAnd3UsPerLaunch() {   // point 7
        double ns = nsPerElementOnOneShave(NPU4, n -> unary("ov.SoftPlus", f32(1, n)), 1 << 16);
        assertThat(ns).isCloseTo(19.5, withPercentage(10));
        assertThat(NPU4.cost(unary("ov.SoftPlus", f32(1))).micros(Unit.SHAVE)).isCloseTo(3.0, withPercentage(10));
    }

    @Test void shaveSwishReluAndMulPerElement() {   // points 8-10
        assertThat(nsPerElementOnOneShave(NPU4, n -> unary("ov.Swish", f32(n)), 1 << 16)).isCloseTo(0.19, withPercentage(10));
        assertThat(nsPerElementOnOneShave(NPU4, n -> unary("ov.ReLU", f32(n)), 1 << 16)).isCloseTo(0.08, withPercentage(10));
        assertThat(nsPerElementOnOneShave(NPU4, n -> unary("ov.Exp", f32(n)), 1 << 16)).isCloseTo(0.08, withPercentage(10));
        assertThat(nsPerElementOnOneShave(NPU4, n -> broadcastMultiply(n), 1 << 16)).isCloseTo(0.14, withPercentage(10));
    }

    @Test void perElementRatiosToRelu() {   // points 13-15
        long n = 1 << 16;
        double relu = nsPerElementOnOneShave(NPU4, k -> unary("ov.ReLU", f32(k)), n);
        assertThat(nsPerElementOnOneShave(NPU4, k -> cumsumOverLastAxis(f32(1, k)), n) / relu).isCloseTo(300, withPercentage(10));
        assertThat(nsPerElementOnOneShave(NPU4, k -> unary("ov.SoftPlus", f32(k)), n) / relu).isCloseTo(235, withPercentage(10));
        assertThat(nsPerElementOnOneShave(NPU4, k -> unary("ov.Swish", f32(k)), n) / relu).isCloseTo(2.3, withPercentage(10));
    }

    @Test void unknownShaveKernelCostsOneDpuCyclePerElement() {   // point 12: 1/(1700 MHz) = 0.588 ns
        double ns = nsPerElementOnOneShave(NPU4, n -> unary("ov.Log", f32(n)), 1 << 16);
        assertThat(ns).isCloseTo(1000.0 / 1700, withPercentage(10));
    }

    @Test void cumbaMatMulRunsAtTheIdealFp16Rate() {   // points 16-18, §6: 402.7 M MAC ≈ 39 µs at 1.7 GHz
        Operation mm = cumbaMatMul();
        assertThat(NPU4.dpuComputeCycles(mm)).isEqualTo(24L * 256 * 256 * 256 / (1024 * 6));
        assertThat(NPU4.dpuIdealComputeMicros(mm)).isCloseTo(39, withPercentage(10));
    }

    @Test void dpuTasksAchieveFivePercentOfTheIdealRate() {   // point 25: ≈5% of nominal (arXiv 2509.25155)
        Operation mm = cumbaMatMul();
        assertThat(NPU4.target().npu().efficiency().dpuCompute()).isEqualTo(0.05);
        assertThat(NPU4.cost(mm).micros(Unit.DPU)).isCloseTo(NPU4.dpuIdealComputeMicros(mm) / 0.05, withPercentage(1));
    }

    private static Operation cumbaMatMul() {
        FunctionBuilder f = FunctionBuilder.main(f32(256, 256), f32(24, 256, 256));
        return f.create("ov.MatMul", java.util.Map.of(), null, f.arg(0), f.arg(1));
    }

    @Test void sameShapeAddRunsAt64ElementsPerCyclePerTile() {   // point 19
        FunctionBuilder f = FunctionBuilder.main(f32(1, 96, 1024), f32(1, 96, 1024));
        Operation add = f.create("ov.Add", java.util.Map.of(), null, f.arg(0), f.arg(1));
        assertThat(NPU4.dpuComputeCycles(add)).isEqualTo(96L * 1024 / (64 * 6));
        assertThat(NPU3720.dpuComputeCycles(add)).isEqualTo(96L * 1024 / (64 * 2));
    }

    @Test void depthwiseConvolutionRunsAt256MacsPerCyclePerTile() {   // point 20
        FunctionBuilder f = FunctionBuilder.main(f32(1, 1536, 256), f32(1536, 1, 1, 4));
        Operation conv = f.create("ov.GroupConvolution", java.util.Map.of("strides", ints(1), "pads_begin", ints(0),
                "pads_end", ints(0), "dilations", ints(1)), null, f.arg(0), f.arg(1));
        long macs = 1536L * 253 * 4;
        assertThat(NPU4.dpuComputeCycles(conv)).isEqualTo(Math.ceil(macs / 256.0 / 6));
    }

    @Test void segsumCumSumRunsOnOneShaveIn39Ms() {   // §6: 24×256×256 outputs, one SHAVE ≈ 39 ms
        Operation cs = cumsumOverLastAxis(f32(1, 24, 256, 256));
        assertThat(NPU4.usableShaves(cs)).as("cum_sum is not in the compiler's SW_KERNELS_SUPPORTING_TILING").isEqualTo(1);
        assertThat(NPU4.cost(cs).totalMicros() / 1000).isCloseTo(39, withPercentage(10));
    }

    @Test void segsumCumSumSplitOverTwelveShavesTakes3_2Ms() {   // §6: perfectly split over 12 SHAVEs ≈ 3.2 ms
        Target.Shave s = NPU4.target().npu().shave();
        Target splitting = withShave(NPU4.target(), new Target.Shave(s.count(), s.defaultKernel(), s.kernels(), Set.of()));
        NpuCostModel m = new NpuCostModel(splitting);
        Operation cs = cumsumOverLastAxis(f32(1, 24, 256, 256));
        assertThat(m.usableShaves(cs)).isEqualTo(12);
        assertThat(m.cost(cs).totalMicros() / 1000).isCloseTo(3.2, withPercentage(10));
    }

    private static Target withShave(Target t, Target.Shave shave) {
        Target.Npu n = t.npu();
        return new Target(t.name(), t.description(), t.kind(), new Target.Npu(n.dpu(), shave, n.dma(), n.efficiency()), null, t.sources());
    }

    @Test void meteorLakeCumSumCosts7_2NsPerElement() {   // §3.3 NPU2.7 row
        double ns = nsPerElementOnOneShave(NPU3720, n -> cumsumOverLastAxis(f32(1, n)), 1 << 16);
        assertThat(ns).isCloseTo(7.2, within(0.72));
    }

    private static Operation broadcastMultiply(long n) {
        FunctionBuilder f = FunctionBuilder.main(f32(n, 1), f32(1, 1));
        return f.create("ov.Multiply", java.util.Map.of(), null, f.arg(0), f.arg(1));
    }

    private static dev.xamba.ir.attr.ArrayAttr ints(long... v) { return dev.xamba.ir.attr.ArrayAttr.ofLongs(v); }
}
