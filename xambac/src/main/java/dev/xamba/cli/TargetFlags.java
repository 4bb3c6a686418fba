package dev.xamba.cli;

import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetFormatException;
import dev.xamba.opt.cost.device.Targets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --target NAME} or {@code --target-file T.json}: the device the cost model predicts for. */
final class TargetFlags {
    @Option(names = "--target", paramLabel = "TARGET",
            description = "Built-in target: npu4 (Lunar Lake), npu3720 (Meteor Lake) or cpu (measured). Default: npu4.")
    String target;

    @Option(names = "--target-file", paramLabel = "T.json",
            description = "A target described by a JSON file (schema in the README; 'xambac calibrate' writes one).")
    Path targetFile;

    /** How pass options name this target: the built-in name, or the JSON file's path. */
    String spec() {
        resolve();
        return targetFile != null ? targetFile.toString() : target == null ? "npu4" : target;
    }

    /** The target, read once (a target file is parsed on the first call). */
    Target resolve() {
        if (resolved == null) resolved = read();
        return resolved;
    }

    private Target resolved;

    private Target read() {
        if (target != null && targetFile != null) throw new UserError("give --target or --target-file, not both");
        try {
            if (targetFile != null) return Targets.fromFile(targetFile);
            String name = target == null ? "npu4" : target;
            if (!Targets.BUILT_IN.contains(name)) {
                throw new UserError("--target " + name + ": unknown target (built in: " + String.join(", ", Targets.BUILT_IN) + "; or use --target-file)");
            }
            return Targets.builtIn(name);
        } catch (TargetFormatException e) {
            throw new UserError(e.getMessage());
        }
    }
}
