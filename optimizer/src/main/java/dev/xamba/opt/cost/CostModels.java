package dev.xamba.opt.cost;

import dev.xamba.opt.cost.cpu.CpuCostModel;
import dev.xamba.opt.cost.npu.NpuCostModel;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.Targets;
import java.nio.file.Path;

/**
 * The cost package's entry point: a {@link CostModel} for a built-in target ({@code npu4}, {@code npu3720},
 * {@code cpu}), a target file, or a {@link Target} value.
 *
 * <pre>{@code
 * CostModel npu = CostModels.forTarget("npu4");
 * if (npu.cost(replacement).isLessThan(npu.cost(original))) ...
 * }</pre>
 */
public final class CostModels {
    private CostModels() {}

    /** A built-in target's model; fails on an unknown name, listing the known ones. */
    public static CostModel forTarget(String name) { return forTarget(Targets.builtIn(name)); }

    /** The model of a target described by a JSON file (errors name the file and the field). */
    public static CostModel forTargetFile(Path file) { return forTarget(Targets.fromFile(file)); }

    public static CostModel forTarget(Target target) {
        return switch (target.kind()) {
            case NPU -> new NpuCostModel(target);
            case CPU -> new CpuCostModel(target);
        };
    }
}
