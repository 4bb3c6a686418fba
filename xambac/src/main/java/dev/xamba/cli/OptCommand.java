package dev.xamba.cli;

import dev.xamba.api.pipeline.CompilerPipeline;
import dev.xamba.api.pipeline.InputFiles;
import dev.xamba.api.pipeline.InputLoader;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.OutputFiles;
import dev.xamba.cli.check.DiagnosticVerifier;
import dev.xamba.cli.check.SourceChunks;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code xambac opt}: parse textual IR, verify it, run a pass pipeline, print the result. */
@Command(name = "opt", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = OptCommand.HELP_WIDTH,
        description = {"Parses textual IR, verifies it, runs a pass pipeline and prints the resulting IR.",
                "Errors are reported as FILE:LINE:COL: error: MESSAGE on stderr with exit code 1.",
                "For tests: --split-input-file treats each part between '// -----' lines as its own input;",
                "--verify-diagnostics checks the diagnostics against '// expected-error@+1 {{text}}' comments",
                "(also expected-warning, expected-note, expected-remark; @-N, @unknown) and fails on any",
                "unexpected or missing one."},
        footer = {"", "Passes (use in --passes, options in braces: pass{name=value other=value}):", "%n${xamba.passes}"})
final class OptCommand implements Callable<Integer> {
    /** Columns of {@code opt --help}, the pass list in its footer included. */
    static final int HELP_WIDTH = 110;


    @Parameters(index = "0", paramLabel = "FILE", description = "Textual IR file (.xir), or - for standard input.")
    String input;

    @Option(names = "--passes", paramLabel = "PIPELINE",
            description = "Comma-separated pass pipeline, e.g. canonicalize,cse (default: none, only parse and verify).")
    String passes = "";

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    LimitOptions.Compiling limits;

    @Mixin
    XambaFlags xamba;

    @ParentCommand
    Xambac parent;

    @Option(names = "--allow-unregistered", description = "Accept ops that no dialect defines (to test the syntax).")
    boolean allowUnregistered;

    @Option(names = "--split-input-file",
            description = "Process each part of FILE between '// -----' lines on its own; outputs are separated the same way.")
    boolean splitInputFile;

    @Option(names = "--verify-diagnostics",
            description = "Check diagnostics against the file's expected-* comments instead of printing them.")
    boolean verifyDiagnostics;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the IR to OUT instead of stdout (- is stdout).")
    Path outputArg;

    private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    @Override public Integer call() {
        Path output = OutputArg.fileOrStdout(outputArg);
        if (!splitInputFile && !verifyDiagnostics) {
            Operation module = InputLoader.load(input, limits.apply(dev.xamba.frontend.onnx.ImportOptions.defaults()), limits.maxInputBytes());
            Verifier.verifyOrThrow(module, allowUnregistered);
            InputFiles reads = reads();
            if (output != null) OutputFiles.refuseUnsafe(output, reads);
            pipeline.runner(parent.registry(), err, () -> InputLoader.load(input, limits.apply(dev.xamba.frontend.onnx.ImportOptions.defaults()), limits.maxInputBytes()))
                    .run(module, allPasses());
            OutputFiles.writeTextOrStdout(output, AsmPrinter.print(module), reads);
            return 0;
        }
        String text = InputLoader.text(input, limits.maxInputBytes());
        String name = InputLoader.sourceName(input);
        List<SourceChunks.Chunk> chunks = splitInputFile ? SourceChunks.split(text) : List.of(new SourceChunks.Chunk(text, 1));
        DiagnosticVerifier checker = new DiagnosticVerifier(name);
        List<String> outputs = new ArrayList<>();
        boolean failed = false;
        for (SourceChunks.Chunk chunk : chunks) {
            List<Diagnostic> diagnostics = new ArrayList<>();
            String printed = optimize(chunk, name, diagnostics);
            if (printed != null) outputs.add(printed);
            if (verifyDiagnostics) {
                List<String> problems = checker.check(chunk, diagnostics);
                problems.forEach(err::println);
                failed |= !problems.isEmpty();
            } else {
                diagnostics.forEach(d -> err.println(Names.diagnostic(d)));
                failed |= printed == null;
            }
        }
        // An output file is written only on success (nothing half-written); stdout shows the valid chunks anyway.
        if (!failed || output == null) OutputFiles.writeTextOrStdout(output, String.join(SourceChunks.SEPARATOR + "\n", outputs), reads());
        return failed ? Xambac.EXIT_INPUT_ERROR : 0;
    }

    /** The files this command reads, which its output must not replace: the input and any target file the passes name. */
    private InputFiles reads() {
        return InputFiles.ofModel(input).addReadByPipeline(allPasses(), parent.registry());
    }

    /** {@code --passes}, then the XAMBA rewrites only if asked for ({@code --xamba} or {@code --actiba-max-error}). */
    private String allPasses() {
        List<String> rewrites = xamba.xamba == null && xamba.actibaMaxError == null ? List.of() : xamba.passes();
        List<String> all = new ArrayList<>();
        if (!passes.isBlank()) all.add(passes);
        all.addAll(rewrites);
        return limits.apply(String.join(",", all));
    }

    /**
     * Parses, verifies and optimizes one chunk, adding every diagnostic to {@code diagnostics}; returns the
     * printed result, or null when the chunk failed. Bugs (internal errors) are not caught.
     */
    private String optimize(SourceChunks.Chunk chunk, String name, List<Diagnostic> diagnostics) {
        try {
            Operation module = TextIrParser.parse(chunk.alignedText(), name);
            List<Diagnostic> invalid = Verifier.verify(module, allowUnregistered);
            if (!invalid.isEmpty()) {
                diagnostics.addAll(invalid);
                return null;
            }
            // A reproducer note would be a diagnostic of the compiler, not of the test case: leave it out.
            CompilerPipeline passesRunner = pipeline.runner(parent.registry(), err,
                    () -> TextIrParser.parse(chunk.alignedText(), name), verifyDiagnostics);
            diagnostics.addAll(passesRunner.runCollecting(module, allPasses()));
            return AsmPrinter.print(module);
        } catch (DiagnosticException e) {
            diagnostics.addAll(e.diagnostics());
            return null;
        }
    }
}
