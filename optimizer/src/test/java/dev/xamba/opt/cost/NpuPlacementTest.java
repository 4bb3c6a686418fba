package dev.xamba.opt.cost;

import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.floats;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.loc.Location;
import dev.xamba.opt.cost.npu.NpuCostModel;
import dev.xamba.opt.cost.op.Engine;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NPU compiler's placement rules (NPU_COST_MODEL.md §4), one positive and one negative case each. */
class NpuPlacementTest {
    private static final CostModel NPU4 = CostModels.forTarget("npu4");

    @Test void matMulIsADpuTask() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 8), f32(8, 16));
        Operation mm = f.create("ov.MatMul", Map.of(), null, f.arg(0), f.arg(1));
        assertThat(NpuCostModel.engine(mm)).isEqualTo(Engine.DPU_MATMUL);
        assertThat(NPU4.cost(mm).byUnit()).containsOnlyKeys(Unit.DPU);
    }

    @Test void reluRightAfterADpuTaskIsFusedForFree() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 8), f32(8, 16));
        Value mm = f.op("ov.MatMul", f.arg(0), f.arg(1));
        Operation relu = f.create("ov.ReLU", Map.of(), null, mm);
        assertThat(NpuCostModel.engine(relu)).isEqualTo(Engine.DPU_POST_OP);
        assertThat(NPU4.cost(relu)).isEqualTo(Cost.ZERO);
    }

    @Test void reluOfAnArgumentOrOfASharedDpuResultIsAShaveKernel() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 8), f32(8, 16));
        assertThat(NpuCostModel.engine(f.create("ov.ReLU", Map.of(), null, f.arg(0)))).isEqualTo(Engine.SHAVE);
        Value mm = f.op("ov.MatMul", f.arg(0), f.arg(1));
        Operation relu = f.create("ov.ReLU", Map.of(), null, mm);
        f.op("ov.Exp", mm);
        assertThat(NpuCostModel.engine(relu)).as("the DPU result has another use").isEqualTo(Engine.SHAVE);
    }

    @Test void clampAfterADpuTaskFusesButSoftPlusDoesNot() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 8), f32(8, 16));
        Value mm1 = f.op("ov.MatMul", f.arg(0), f.arg(1));
        Value mm2 = f.op("ov.MatMul", f.arg(0), f.arg(1));
        Operation clamp = f.create("ov.Clamp", Map.of("min", new dev.xamba.ir.attr.FloatAttr(0, dev.xamba.ir.type.ElementType.F64),
                "max", new dev.xamba.ir.attr.FloatAttr(6, dev.xamba.ir.type.ElementType.F64)), null, mm1);
        Operation softplus = f.create("ov.SoftPlus", Map.of(), null, mm2);
        assertThat(NpuCostModel.engine(clamp)).isEqualTo(Engine.DPU_POST_OP);
        assertThat(NpuCostModel.engine(softplus)).isEqualTo(Engine.SHAVE);
    }

    @Test void sameShapeAddIsADpuEltwiseButABroadcastAddIsNot() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 8), f32(4, 8), f32(1, 8));
        assertThat(NpuCostModel.engine(f.create("ov.Add", Map.of(), null, f.arg(0), f.arg(1)))).isEqualTo(Engine.DPU_ELTWISE);
        assertThat(NpuCostModel.engine(f.create("ov.Add", Map.of(), null, f.arg(0), f.arg(2)))).isEqualTo(Engine.SHAVE);
        assertThat(NpuCostModel.engine(f.create("ov.Multiply", Map.of(), null, f.arg(0), f.arg(1)))).isEqualTo(Engine.SHAVE);
    }

    @Test void layoutOpsAreDmaAndReshapesAreFreeViews() {
        FunctionBuilder f = FunctionBuilder.main(f32(4, 8));
        Operation reshape = f.create("ov.Reshape", Map.of("special_zero", BoolAttr.FALSE), null, f.arg(0), f.constant("s", longs(shape(1), 32)));
        Operation transpose = f.create("ov.Transpose", Map.of(), null, f.arg(0), f.constant("p", longs(shape(2), 1, 0)));
        assertThat(NpuCostModel.engine(reshape)).isEqualTo(Engine.DMA_VIEW);
        assertThat(NPU4.unitOf(reshape)).contains(Unit.DMA);
        assertThat(NPU4.cost(reshape)).isEqualTo(Cost.ZERO);
        assertThat(NpuCostModel.engine(transpose)).isEqualTo(Engine.DMA);
        assertThat(NPU4.cost(transpose).byUnit()).containsOnlyKeys(Unit.DMA);
    }

    @Test void broadcastOfAConstantIsDmaButOfComputedDataIsShave() {
        FunctionBuilder f = FunctionBuilder.main(f32(1, 8));
        Value target = f.constant("t", longs(shape(2), 4, 8));
        Operation ofConst = f.create("ov.Broadcast", Map.of(), null, f.constant("c", floats(shape(1, 8), 1, 2, 3, 4, 5, 6, 7, 8)), target);
        Operation ofArg = f.create("ov.Broadcast", Map.of(), null, f.arg(0), target);
        assertThat(NpuCostModel.engine(ofConst)).isEqualTo(Engine.DMA);
        assertThat(NpuCostModel.engine(ofArg)).isEqualTo(Engine.SHAVE);
    }

    @Test void cumSumSoftPlusAndReduceSumAreShaveKernels() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 4, 8));
        Value axis = f.constant("a", longs(shape(1), -1));
        assertThat(NpuCostModel.engine(f.create("ov.CumSum", Map.of(), null, f.arg(0), f.constant("x", longs(shape(), -1))))).isEqualTo(Engine.SHAVE);
        assertThat(NpuCostModel.engine(f.create("ov.SoftPlus", Map.of(), null, f.arg(0)))).isEqualTo(Engine.SHAVE);
        assertThat(NpuCostModel.engine(f.create("ov.ReduceSum", Map.of(), null, f.arg(0), axis))).isEqualTo(Engine.SHAVE);
    }

    @Test void reduceSumOverTheChannelsOfA4dTensorIsTheCompilersOwnConvolution() {
        FunctionBuilder f = FunctionBuilder.main(f32(1, 16, 4, 4), f32(2, 16, 4, 4));
        Value c = f.constant("c", longs(shape(1), 1));
        Operation channel = f.create("ov.ReduceSum", Map.of("keep_dims", BoolAttr.TRUE), null, f.arg(0), c);
        Operation batched = f.create("ov.ReduceSum", Map.of("keep_dims", BoolAttr.TRUE), null, f.arg(1), c);
        assertThat(NpuCostModel.engine(channel)).isEqualTo(Engine.DPU_CONVOLUTION);
        assertThat(NpuCostModel.engine(batched)).as("N = 2").isEqualTo(Engine.SHAVE);
    }

    @Test void constantsCostNothing() {
        FunctionBuilder f = FunctionBuilder.main(f32(1));
        Operation c = f.constant("c", floats(shape(2), 1, 2)).definingOp();
        assertThat(NpuCostModel.engine(c)).isEqualTo(Engine.NONE);
        assertThat(NPU4.cost(c)).isEqualTo(Cost.ZERO);
    }

    @Test void aDetachedReplacementIsCostedBeforeItIsInserted() {
        FunctionBuilder f = FunctionBuilder.main(f32(1, 24, 256, 256));
        Value x = f.arg(0);
        Operation cumsum = f.create("ov.CumSum", Map.of(), null, x, f.constant("a", longs(shape(), 2)));
        Value mask = f.constant("mask", dev.xamba.ir.eval.Tensor.splat(f32(256, 256), 1));
        Operation matmul = OpBuilder.createDetached("ov.MatMul", List.of(mask, x), Map.of(), Location.UNKNOWN);
        assertThat(matmul.parentBlock()).isNull();
        assertThat(NPU4.cost(matmul).isLessThan(NPU4.cost(cumsum))).isTrue();
        assertThat(NPU4.cost(matmul).byUnit()).containsOnlyKeys(Unit.DPU);
    }

    @Test void onlyAClampAtZeroFromBelowFusesIntoTheDpuTask() {
        // NPU_COST_MODEL.md §4.2: "Clamp (min 0 unless quantized)"; Clamp(-1, 1) was fused for free too.
        for (double min : new double[] {0, -1}) {
            FunctionBuilder f = FunctionBuilder.main(f32(64, 64), f32(64, 64));
            Value mm = f.op("ov.MatMul", f.arg(0), f.arg(1));
            Value clamp = f.op("ov.Clamp", Map.of("min", new dev.xamba.ir.attr.FloatAttr(min, dev.xamba.ir.type.ElementType.F64),
                    "max", new dev.xamba.ir.attr.FloatAttr(6, dev.xamba.ir.type.ElementType.F64)), null, mm);
            f.returning(clamp);
            assertThat(NpuCostModel.engine(clamp.definingOp())).as("min %s", min).isEqualTo(min == 0 ? Engine.DPU_POST_OP : Engine.SHAVE);
        }
    }

    @Test void aDpuTaskWhoseDataSpillsPaysForMovingItsResultOut() {
        // An outer product whose f16 result (24×4096×4096, 805 MB) cannot stay in CMX: DMA writes it out. Only the
        // operands' reads were charged, 771 µs, where moving the result alone takes about 6.8 ms.
        FunctionBuilder f = FunctionBuilder.main(f32(24, 4096, 1), f32(24, 1, 4096));
        Value mm = f.op("ov.MatMul", f.arg(0), f.arg(1));
        f.returning(mm);
        assertThat(NPU4.cost(mm.definingOp()).totalMicros()).isGreaterThan(6000);
    }

    @Test void absurdShapesCostTheMostNotANegativeNumber() {
        // 2^32 × 2^31 elements: the count's high word is 0 but the long wrapped negative.
        FunctionBuilder f = FunctionBuilder.main(f32(1L << 32, 1L << 31));
        Value e = f.op("ov.Exp", f.arg(0));
        f.returning(e);
        assertThat(NPU4.cost(e.definingOp()).totalMicros()).isPositive().isFinite();
    }
}
