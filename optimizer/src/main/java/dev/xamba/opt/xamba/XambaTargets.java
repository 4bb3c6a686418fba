package dev.xamba.opt.xamba;

import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetFormatException;
import dev.xamba.opt.cost.device.Targets;
import java.nio.file.Files;
import java.util.Optional;

/** The cost model and on-chip memory of each target an XAMBA pass may be asked to optimize for. */
public final class XambaTargets {
    /** The CPU's mask budget: a 16 MiB constant stays in a server CPU's last-level cache. */
    static final long CPU_MASK_BUDGET_BYTES = 16L << 20;

    private XambaTargets() {}

    /**
     * The cost model of {@code target}: a built-in name or a target JSON file ({@link Targets#resolve}); empty when
     * it is neither ({@link #problem} says why; the pass option is checked with it).
     */
    public static Optional<CostModel> costModel(String target) {
        try {
            return Optional.of(CostModels.forTarget(Targets.resolve(target)));
        } catch (IllegalArgumentException | TargetFormatException unknown) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with {@code target} as a pass option: null for a built-in name or a readable target file, else
     * the target file's own error, or that the name is neither.
     */
    public static String problem(String target) {
        if (target.isBlank()) return "an empty target (built in: " + String.join(", ", Targets.BUILT_IN) + "; or a target file)";
        try {
            Targets.resolve(target);
            return null;
        } catch (IllegalArgumentException | TargetFormatException e) {
            boolean noFile = !(e instanceof TargetFormatException) || !Files.exists(Targets.file(target).orElseThrow());
            return noFile ? "no built-in target '" + target + "' (" + String.join(", ", Targets.BUILT_IN) + ") and no target file of that name"
                    : e.getMessage();
        }
    }

    /**
     * Bytes a constant mask may take: on an NPU the CMX of one tile (1.5 MB on NPU 4, NPU_COST_MODEL.md §7
     * item 21), so the mask stays resident beside its operand; on the CPU, {@link #CPU_MASK_BUDGET_BYTES}.
     */
    public static long maskBudgetBytes(String target) {
        try {
            Target t = Targets.resolve(target);
            if (t.kind() == Target.Kind.NPU) return t.npu().dpu().cmxBytesPerTile();
        } catch (IllegalArgumentException | TargetFormatException unknown) {
            // Neither built in nor a readable target file: the CPU's budget (costModel says no model).
        }
        return CPU_MASK_BUDGET_BYTES;
    }
}
