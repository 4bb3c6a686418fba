package dev.xamba.api.pipeline;

import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetFormatException;
import dev.xamba.opt.cost.device.Targets;
import java.nio.file.Path;

/**
 * The device a compile is costed for: a built-in target name or a target JSON file (null for both: npu4). The
 * file is read once, on the first {@link #resolve}, so every pass of one compile sees the same target. Immutable
 * apart from that memo, which is computed under a lock: one choice may be shared by concurrent compiles.
 */
public final class TargetChoice {
    private final String name;
    private final Path file;
    private Target resolved;

    public TargetChoice(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    /**
     * How pass options name this target: the built-in name, or the JSON file's path, which must not read as a
     * built-in name ({@code --target-file cpu}, a file named cpu, made the passes cost against the built-in cpu).
     */
    public String spec() {
        resolve();
        return file == null ? builtInName() : fileSpec(file);
    }

    /** {@code file}'s path as a pass option gives it, never read as a built-in target's name. */
    static String fileSpec(Path file) {
        String path = file.toString();
        return Targets.BUILT_IN.contains(path) ? "." + file.getFileSystem().getSeparator() + path : path;
    }

    /** The target; errors name the option that chose it ({@code --target}, {@code --target-file}). */
    public synchronized Target resolve() {
        if (resolved == null) resolved = read();
        return resolved;
    }

    private String builtInName() { return name == null ? "npu4" : name; }

    private Target read() {
        if (name != null && file != null) throw UserError.badOption("give --target or --target-file, not both");
        try {
            if (file != null) return Targets.fromFile(file);
            String n = builtInName();
            if (!Targets.BUILT_IN.contains(n)) {
                throw UserError.badOption("--target " + n + ": unknown target (built in: " + String.join(", ", Targets.BUILT_IN) + "; or use --target-file)");
            }
            return Targets.builtIn(n);
        } catch (TargetFormatException e) {
            throw new UserError(e.getMessage());
        }
    }
}
