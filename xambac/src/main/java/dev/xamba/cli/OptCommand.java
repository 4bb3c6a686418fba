package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xambac opt}: parse textual IR, verify it, run a pass pipeline, print the result. */
@Command(name = "opt", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Parses textual IR, verifies it, runs a pass pipeline and prints the resulting IR.",
                "Errors are reported as FILE:LINE:COL: error: MESSAGE on stderr with exit code 1."},
        footer = {"", "Passes (use in --passes, options in braces: pass{name=value other=value}):", "%n${xamba.passes}"})
final class OptCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Textual IR file (.xir), or - for standard input.")
    String input;

    @Option(names = "--passes", paramLabel = "PIPELINE",
            description = "Comma-separated pass pipeline, e.g. canonicalize,cse (default: none, only parse and verify).")
    String passes = "";

    @Option(names = "--print-ir-after-all", description = "Print the IR to stderr after every pass.")
    boolean printIrAfterAll;

    @Option(names = "--verify-each", description = "Verify the IR after every pass (always verified once before).")
    boolean verifyEach;

    @Option(names = "--timing", description = "Print each pass's wall time to stderr at the end.")
    boolean timing;

    @Option(names = "--remarks", description = "Print every rewrite decision (applied, or why not) to stderr.")
    boolean remarks;

    @Option(names = "--allow-unregistered", description = "Accept ops that no dialect defines (to test the syntax).")
    boolean allowUnregistered;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the IR to OUT instead of stdout.")
    Path output;

    @Override public Integer call() {
        Operation module = InputLoader.load(input);
        Verifier.verifyOrThrow(module, allowUnregistered);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PassManager.Options options = PassManager.Options.defaults()
                .withPrintIrAfterAll(printIrAfterAll ? err : null)
                .withVerifyEach(verifyEach)
                .withTiming(timing ? err : null)
                .withRemarks(remarks ? err : null)
                .withReproducerOnFailure(true);
        PassContext ctx = PassManager.parse(passes, options).run(module);
        ctx.diagnostics().forEach(d -> err.println(d.render()));
        String text = AsmPrinter.print(module);
        if (output != null) {
            OutputFiles.writeString(output, text);
        } else {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(text);
            out.flush();
        }
        return 0;
    }
}
