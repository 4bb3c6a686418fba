package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.PassManager;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xambac compile}: import a model, optimize it, and write the result. */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Imports an ONNX model (or reads textual IR), folds its shape computations, optimizes it",
                "and writes the result. With --emit xir the result is xamba's textual IR."})
final class CompileCommand implements Callable<Integer> {

    enum Emit { xir }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx) or textual IR (.xir).")
    String input;

    @Option(names = "--emit", paramLabel = "FORMAT", description = "What to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Emit emit = Emit.xir;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: standard output).")
    Path output;

    @Mixin
    PipelineOptions pipeline;

    @Override public Integer call() {
        Operation module = InputLoader.load(input);
        Verifier.verifyOrThrow(module);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PassManager.parse("canonicalize,cse", pipeline.options(err)).run(module).diagnostics()
                .forEach(d -> err.println(d.render()));
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
