package dev.xamba.opt.xamba;

import dev.xamba.opt.cost.CostModel;
import java.util.Optional;

/** The cost model and on-chip memory of each target an XAMBA pass may be asked to optimize for. */
public final class XambaTargets {
    private XambaTargets() {}

    /** The target's cost model, if one exists. */
    public static Optional<CostModel> costModel(String target) {
        return Optional.empty();
    }

    /**
     * Bytes a constant mask may take: the usable CMX of one NPU tile (1440 KiB on NPU 4, 1936 KiB on NPU 3720,
     * NPU_COST_MODEL.md §7 item 21), so the mask stays resident beside its operand; on the CPU, 16 MiB (L2/L3
     * scale).
     */
    public static long maskBudgetBytes(String target) {
        return switch (target) {
            case "npu3720" -> 1936L * 1024;
            case "cpu" -> 16L << 20;
            default -> 1440L * 1024;
        };
    }
}
