package dev.xamba.cli;

import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.cost.PlacementAnnotator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code xambac compile}: import a model, optimize it, and write OpenVINO IR (or textual IR). */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Imports an ONNX model (or reads textual IR), folds its shape computations, legalizes it to",
                "the OpenVINO opset and writes OpenVINO IR v11: OUT.xml and OUT.bin beside it.",
                "With --emit xir it writes xamba's textual IR of the imported, cleaned-up model instead."},
        footer = {"", "Examples:", "  xambac compile model.onnx -o out/model.xml",
                "  xambac compile model.onnx --emit xir -o model.xir"})
final class CompileCommand implements Callable<Integer> {

    enum Emit { ov, xir }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx) or textual IR (.xir).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file: OUT.xml (+ OUT.bin) for --emit ov (required), a .xir file or stdout for --emit xir.")
    Path output;

    @Option(names = "--emit", paramLabel = "FORMAT", description = "ov (OpenVINO IR) or xir (textual IR). Default: ${DEFAULT-VALUE}.")
    Emit emit = Emit.ov;

    @Mixin
    XambaFlags xamba;

    @Option(names = "--annotate", description = "With --emit xir: lower to the OpenVINO opset and write each op's placement on --target as an attribute (npu.unit = \"DPU\" | \"SHAVE\" | \"DMA\").")
    boolean annotate;

    @Option(names = "--compress-fp16", description = "Store f32 weights as f16 with a decompression Convert (half the .bin).")
    boolean compressFp16;

    @Mixin
    ImportFlags importFlags;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    LimitOptions limits;

    @ParentCommand
    Xambac parent;

    private static final java.util.List<String> PHASES = java.util.List.of("import", "passes", "writing weights");

    @Override public Integer call() {
        String toOpenVino = CompilerPipeline.toOpenVino(xamba);
        if (emit == Emit.ov && output == null) throw new UserError("--emit ov needs -o OUT.xml");
        if (emit == Emit.ov && !output.toString().endsWith(".xml")) throw new UserError(Names.path(output) + ": the OpenVINO IR output must end in .xml");
        if (annotate && emit != Emit.xir) throw new UserError("--annotate needs --emit xir");
        try (Progress progress = Progress.onStderr(new PrintStream(System.err, true, StandardCharsets.UTF_8), PHASES)) {
            PrintStream err = progress.guard();
            progress.phase("import");
            Operation module = InputLoader.load(input, limits.apply(importFlags.options()), limits.maxInputBytes);
            Verifier.verifyOrThrow(module);
            InputFiles reads = InputFiles.ofModel(input);
            if (output != null) {
                OutputFiles.refuseUnsafe(output, reads);
                if (emit == Emit.ov) OutputFiles.refuseUnsafe(OvIrWriter.binPathFor(output.toAbsolutePath()), reads);
            }
            progress.phase("passes");
            CompilerPipeline passes = pipeline.runner(parent.registry(), err,
                    () -> InputLoader.load(input, limits.apply(importFlags.options()), limits.maxInputBytes));
            if (emit == Emit.xir) {
                passes.run(module, limits.apply(annotate ? toOpenVino : CompilerPipeline.CLEANUP));
                if (annotate) PlacementAnnotator.annotate(module, CostModels.forTarget(xamba.target()));
                progress.close();
                OutputFiles.writeTextOrStdout(output, AsmPrinter.print(module), reads);
                return 0;
            }
            passes.run(module, limits.apply(toOpenVino));
            progress.phase("writing weights");
            OutputFiles.prepareFolder(output);
            try {
                OvIrWriter.write(module, output, new WriterOptions(compressFp16),
                        (written, total) -> progress.fraction(total == 0 ? 1 : (double) written / total));
            } catch (IOException e) {
                throw new UserError(Names.path(output) + ": cannot write: " + Names.text(e.getMessage()));
            }
        }
        return 0;
    }
}
