package dev.xamba.opt.cost;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.cost.npu.NpuCostModel;
import dev.xamba.opt.cost.op.Engine;
import java.util.Optional;

/**
 * Writes the placement on the ops as discardable attributes, so lit tests and readers can see it:
 * {@code npu.unit = "DPU" | "SHAVE" | "DMA"} on an NPU target (plus {@code npu.fused = true} on a ReLU/Clamp fused
 * into the DPU task before it), {@code cpu.unit = "CPU"} on a CPU target. Ops that do not run (constants) get
 * nothing.
 */
public final class PlacementAnnotator {
    private PlacementAnnotator() {}

    public static void annotate(Operation module, CostModel model) {
        String prefix = model instanceof NpuCostModel ? "npu" : "cpu";
        for (FuncOp f : new ModuleOp(module).functions()) {
            for (Operation op : f.body().operations()) {
                Optional<Unit> unit = model.unitOf(op);
                if (unit.isEmpty()) continue;
                op.setAttr(prefix + ".unit", new StringAttr(unit.get().name()));
                if (model instanceof NpuCostModel && NpuCostModel.engine(op) == Engine.DPU_POST_OP) {
                    op.setAttr("npu.fused", BoolAttr.TRUE);
                }
            }
        }
    }
}
