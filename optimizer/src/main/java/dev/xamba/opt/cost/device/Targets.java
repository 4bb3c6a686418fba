package dev.xamba.opt.cost.device;

import dev.xamba.ir.io.MalformedText;
import dev.xamba.ir.io.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in targets, each a JSON resource with a source for every number: {@code npu4} (Lunar Lake),
 * {@code npu3720} (Meteor Lake), both from {@code NPU_COST_MODEL.md}, and {@code cpu}, measured by
 * {@code xambac calibrate} on the reference machine. Other devices come from files ({@link #fromFile}).
 */
public final class Targets {
    /** The built-in target names, in the order {@code --help} lists them. */
    public static final List<String> BUILT_IN = List.of("npu4", "npu3720", "cpu");

    /** Parsed once: every XAMBA pass and the report ask for their target, and targets are immutable. */
    private static final Map<String, Target> BUILT_IN_PARSED = new ConcurrentHashMap<>();

    private Targets() {}

    /** A built-in target; fails on an unknown name, listing the known ones. */
    public static Target builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown target '" + name + "' (built in: " + String.join(", ", BUILT_IN) + ")");
        }
        return BUILT_IN_PARSED.computeIfAbsent(name, Targets::parseResource);
    }

    private static Target parseResource(String name) {
        String resource = "/dev/xamba/opt/cost/targets/" + name + ".json";
        try (InputStream in = Targets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return TargetJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A target named the way pass options and {@code --target}/{@code --target-file} name one: a built-in name, or
     * else the path of a JSON file in the target schema.
     */
    public static Target resolve(String nameOrFile) {
        return file(nameOrFile).map(Targets::fromFile).orElseGet(() -> builtIn(nameOrFile));
    }

    /**
     * The JSON file a target named that way is read from; empty for a built-in target. Throws Path's
     * {@link java.nio.file.InvalidPathException} for a name that is not a path.
     */
    public static Optional<Path> file(String nameOrFile) {
        return BUILT_IN.contains(nameOrFile) ? Optional.empty() : Optional.of(Path.of(nameOrFile));
    }

    /** A target file is a few KB of JSON; a larger one is not one (and would be read whole). */
    static final long MAX_FILE_BYTES = 1 << 20;

    /**
     * A target described by a JSON file; errors name the file and the field. The file must be a regular file (a FIFO
     * would block the read) of at most {@link #MAX_FILE_BYTES}, in UTF-8.
     */
    public static Target fromFile(Path file) {
        String problem = RegularFiles.problem(file, MAX_FILE_BYTES, " (a target file is a few KB of JSON)");
        if (problem != null) throw new TargetFormatException(file + ": " + problem);
        String text;
        try {
            text = RegularFiles.readUtf8(file);
        } catch (MalformedText e) {
            throw new TargetFormatException(file + ": not UTF-8 text (a target file is JSON): " + e.where());
        } catch (IOException e) {
            throw new TargetFormatException(file + ": cannot read: " + e.getMessage());
        }
        return TargetJson.parse(text, file.toString());
    }
}
