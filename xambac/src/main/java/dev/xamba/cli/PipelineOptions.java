package dev.xamba.cli;

import dev.xamba.api.CompileOptions;
import dev.xamba.api.pipeline.CompilerPipeline;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.ir.Operation;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import dev.xamba.opt.pass.instrument.IrPrinting;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The pass-manager debugging flags shared by {@code opt}, {@code compile} and {@code verify}. */
final class PipelineOptions {
    @Option(names = "--print-ir-after-all", description = "Print the IR to stderr after every pass.")
    boolean printIrAfterAll;

    @Option(names = "--print-ir-before-all", description = "Print the IR to stderr before every pass.")
    boolean printIrBeforeAll;

    @Option(names = "--print-ir-after", paramLabel = "PASSES", split = ",",
            description = "Print the IR to stderr after each of these passes (comma-separated CLI names).")
    List<String> printIrAfter = List.of();

    @Option(names = "--verify-each", description = "Verify the IR after every pass.")
    boolean verifyEach;

    @Option(names = "--timing", description = "Print each pass's wall time to stderr at the end (compile: then also the whole"
            + " compile's, by phase: import, passes, writing weights).")
    boolean timing;

    @Option(names = "--remarks", description = "Print every rewrite decision (applied, or why not) to stderr.")
    boolean remarks;

    @Option(names = "--reproducer-dir", paramLabel = "DIR",
            description = "Where to write the reproducer of a pass that crashes (default: the system's temp folder).")
    Path reproducerDir;

    /**
     * @param checked whether the diagnostics are checked by {@code --verify-diagnostics}: then remarks are
     *                returned as diagnostics instead of printed, and errors get no reproducer note
     */
    PassManager.Options options(PrintStream err, boolean checked) {
        PassManager.Options o = PassManager.Options.defaults()
                .withPrintIrAfterAll(printIrAfterAll ? err : null)
                .withVerifyEach(verifyEach)
                .withTiming(timing ? err : null)
                .withRemarks(remarks ? (checked ? new PrintStream(OutputStream.nullOutputStream()) : err) : null)
                .withReproducerOnFailure(!checked);
        if (printIrBeforeAll || !printIrAfter.isEmpty()) {
            Predicate<Pass> after = p -> printIrAfter.contains(p.cliName()) && !printIrAfterAll;
            o = o.withInstrumentation(new IrPrinting(err, p -> printIrBeforeAll, after));
        }
        return o;
    }

    /** {@code o} with these debugging flags, printing on {@code err}, and the passes of {@code registry}. */
    CompileOptions applyTo(CompileOptions o, PassRegistry registry, PrintStream err) {
        checkPassNames(registry);
        return o.withPassRegistry(registry).withPassManagerOptions(options(err, false)).withReproducerDir(reproducerDir);
    }

    private void checkPassNames(PassRegistry registry) {
        for (String name : printIrAfter) {
            if (!registry.names().contains(name)) {
                throw UserError.badOption("--print-ir-after: unknown pass '" + name + "' (known passes: " + String.join(", ", registry.names()) + ")");
            }
        }
    }

    /** The runner of this command's pipelines; {@code input} reloads the command's input for a crash reproducer. */
    CompilerPipeline runner(PassRegistry registry, PrintStream err, Supplier<Operation> input) {
        return runner(registry, err, input, false);
    }

    /** As {@link #runner(PassRegistry, PrintStream, Supplier)}, for a run whose diagnostics a test checks. */
    CompilerPipeline runner(PassRegistry registry, PrintStream err, Supplier<Operation> input, boolean checked) {
        checkPassNames(registry);
        Path dir = reproducerDir != null ? reproducerDir : Path.of(System.getProperty("java.io.tmpdir"));
        return new CompilerPipeline(registry, options(err, checked), err, () -> {
            Operation m = input.get();
            Verifier.verifyOrThrow(m);
            return m;
        }, dir, checked && remarks);
    }
}
