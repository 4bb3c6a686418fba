package dev.xamba.api.pipeline;

import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassCrashException;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import dev.xamba.opt.pass.PipelineParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes what it takes to rerun a crashed pass, as MLIR's {@code --mlir-pass-pipeline-crash-reproducer}: the IR
 * just before the failing pass, the pass to run on it, the whole pipeline and the compiler version, in one
 * {@code .xir} file that {@code xambac opt} reads.
 *
 * <p>The IR before the failing pass is rebuilt on demand (the input loaded again and the passes before the
 * failing one replayed), so a successful compile pays nothing for it. If the replay does not get there (the
 * crash depends on more than the IR), the file holds the input and the pipeline up to the failing pass instead.
 */
public final class CrashReproducer {
    /** Where the file went and the command that reruns it. */
    public record Written(Path file, String command) {}

    private CrashReproducer() {}

    /**
     * @param reload   loads and verifies the command's input again, as it was before the pipeline
     * @param registry the passes the pipeline was parsed against
     * @param dir      the folder to write into (created if missing)
     */
    public static Written write(PassCrashException crash, Supplier<Operation> reload, PassRegistry registry, Path dir) throws IOException {
        List<Pass> passes = PipelineParser.parse(crash.pipeline(), registry);
        String ir;
        List<Pass> rerun;
        try {
            Operation module = reload.get();
            PassManager.of(passes.subList(0, crash.passIndex()), PassManager.Options.defaults()).run(module);
            ir = AsmPrinter.print(module);
            rerun = passes.subList(crash.passIndex(), crash.passIndex() + 1);
        } catch (RuntimeException | StackOverflowError replayFailed) {
            ir = AsmPrinter.print(reload.get());
            rerun = passes.subList(0, crash.passIndex() + 1);
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "xambac-reproducer-", ".xir");
        String command = "xambac opt " + file + " --passes " + shellQuote(PassManager.pipeline(rerun));
        String header = "// xambac crash reproducer, written by " + "xambac " + dev.xamba.api.BuildInfo.current() + "\n"
                + "// internal error: " + oneLine(crash.getMessage()) + "\n"
                + "// pipeline: " + crash.pipeline() + " (pass #" + (crash.passIndex() + 1) + " crashed)\n"
                + "// rerun: " + command + "\n";
        Files.writeString(file, header + ir, StandardCharsets.UTF_8);
        return new Written(file, command);
    }

    public static String oneLine(String s) { return s == null ? "" : s.lines().findFirst().orElse(""); }

    private static String shellQuote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
