package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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

    @Mixin
    PipelineOptions pipeline;

    @ParentCommand
    Xambac parent;

    @Option(names = "--allow-unregistered", description = "Accept ops that no dialect defines (to test the syntax).")
    boolean allowUnregistered;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the IR to OUT instead of stdout.")
    Path output;

    @Override public Integer call() {
        Operation module = InputLoader.load(input);
        Verifier.verifyOrThrow(module, allowUnregistered);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        pipeline.runner(parent.registry(), err, () -> InputLoader.load(input)).run(module, passes);
        OutputFiles.writeTextOrStdout(output, AsmPrinter.print(module));
        return 0;
    }
}
