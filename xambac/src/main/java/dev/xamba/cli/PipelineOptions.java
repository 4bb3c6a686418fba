package dev.xamba.cli;

import dev.xamba.opt.pass.PassManager;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** The pass-manager debugging flags shared by {@code opt}, {@code compile} and {@code verify}. */
final class PipelineOptions {
    @Option(names = "--print-ir-after-all", description = "Print the IR to stderr after every pass.")
    boolean printIrAfterAll;

    @Option(names = "--verify-each", description = "Verify the IR after every pass.")
    boolean verifyEach;

    @Option(names = "--timing", description = "Print each pass's wall time to stderr at the end.")
    boolean timing;

    @Option(names = "--remarks", description = "Print every rewrite decision (applied, or why not) to stderr.")
    boolean remarks;

    PassManager.Options options(PrintStream err) {
        return PassManager.Options.defaults()
                .withPrintIrAfterAll(printIrAfterAll ? err : null)
                .withVerifyEach(verifyEach)
                .withTiming(timing ? err : null)
                .withRemarks(remarks ? err : null)
                .withReproducerOnFailure(true);
    }
}
