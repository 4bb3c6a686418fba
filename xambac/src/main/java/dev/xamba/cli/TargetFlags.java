package dev.xamba.cli;

import dev.xamba.api.CompileOptions;
import dev.xamba.api.pipeline.TargetChoice;
import dev.xamba.opt.cost.device.Target;
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

    /** {@code o} with this target. */
    CompileOptions applyTo(CompileOptions o) { return o.withTarget(target).withTargetFile(targetFile); }

    /** How pass options name this target: the built-in name, or the JSON file's path. */
    String spec() { return choice().spec(); }

    /** The target, read once (a target file is parsed on the first call). */
    Target resolve() { return choice().resolve(); }

    /** The choice these flags make, made once so that a target file is read once per command. */
    TargetChoice choice() {
        if (choice == null) choice = new TargetChoice(target, targetFile);
        return choice;
    }

    private TargetChoice choice;
}
