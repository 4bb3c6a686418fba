package dev.xamba.opt.xamba;

import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.cost.target.Target;
import dev.xamba.opt.cost.target.Targets;
import java.util.Optional;

/** The cost model and on-chip memory of each target an XAMBA pass may be asked to optimize for. */
public final class XambaTargets {
    /** The CPU's mask budget: a 16 MiB constant stays in a server CPU's last-level cache. */
    static final long CPU_MASK_BUDGET_BYTES = 16L << 20;

    private XambaTargets() {}

    /** The target's cost model, if the cost package knows the target. */
    public static Optional<CostModel> costModel(String target) {
        try {
            return Optional.of(CostModels.forTarget(target));
        } catch (RuntimeException unknownOrBroken) {
            return Optional.empty();
        }
    }

    /**
     * Bytes a constant mask may take: on an NPU the CMX of one tile (1.5 MB on NPU 4, NPU_COST_MODEL.md §7
     * item 21), so the mask stays resident beside its operand; on the CPU, {@link #CPU_MASK_BUDGET_BYTES}.
     */
    public static long maskBudgetBytes(String target) {
        try {
            Target t = Targets.builtIn(target);
            if (t.kind() == Target.Kind.NPU) return t.npu().dpu().cmxBytesPerTile();
        } catch (RuntimeException unknown) {
            // Not a built-in target: the CPU's budget.
        }
        return CPU_MASK_BUDGET_BYTES;
    }
}
