package dev.xamba.cli;

import dev.xamba.api.CompileException;
import dev.xamba.api.CompileOptions;
import dev.xamba.api.CompileResult;
import dev.xamba.api.Xamba;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.OutputFiles;
import dev.xamba.api.pipeline.UserError;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code xambac compile}: import a model, optimize it, and write OpenVINO IR (or textual IR), through {@link Xamba}. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 110,
        description = {"Compiles a model (ONNX, OpenVINO IR or textual IR) to OpenVINO IR v11.",
                "Imports the model, folds its shape computations, legalizes it to the OpenVINO opset, applies the XAMBA",
                "rewrites the target's cost model picks, and writes OUT.xml and OUT.bin beside it.",
                "With --emit xir it writes xamba's textual IR of the imported, cleaned-up model instead."},
        footer = {"", "Examples:", "  xambac compile model.onnx -o out/model.xml",
                "  xambac compile ovc_model.xml -o out/model.xml --target npu4",
                "  xambac compile model.onnx --emit xir -o model.xir"})
final class CompileCommand implements Callable<Integer> {

    enum Emit { ov, xir }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx), OpenVINO IR (.xml with its .bin beside it) or textual IR (.xir or any other name, - for standard input); extensions in any case.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file: OUT.xml (+ OUT.bin) for --emit ov (required), a .xir file or stdout (none, or -) for --emit xir.")
    Path outputArg;

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
    LimitOptions.Compiling limits;

    @ParentCommand
    Xambac parent;

    private static final java.util.List<String> PHASES = java.util.List.of("import", "passes", "writing weights");

    @Override public Integer call() throws CompileException {
        xamba.passes(); // a bad --xamba or --target is reported before the output is looked at
        if (emit == Emit.ov && OutputArg.isDash(outputArg)) throw UserError.badOption("-o -: OpenVINO IR is two files, OUT.xml and OUT.bin; give -o OUT.xml");
        if (emit == Emit.ov && outputArg == null) throw UserError.badOption("--emit ov needs -o OUT.xml");
        Path output = OutputArg.fileOrStdout(outputArg);
        try (Progress progress = Progress.onStderr(new PrintStream(System.err, true, StandardCharsets.UTF_8), PHASES)) {
            PrintStream err = progress.guard();
            PhaseTimer phases = pipeline.timing ? PhaseTimer.around(progress) : null;
            CompileOptions options = xamba.applyTo(CompileOptions.defaults())
                    .withEmit(emit == Emit.ov ? CompileOptions.Emit.OV : CompileOptions.Emit.XIR)
                    .withAnnotate(annotate)
                    .withCompressFp16(compressFp16)
                    .withImportOptions(importFlags.options())
                    .withLimits(limits.limits())
                    .withOutput(output)
                    .withProgress(phases != null ? phases : progress);
            try {
                CompileResult result = Xamba.compile(Path.of(input), pipeline.applyTo(options, parent.registry(), err));
                result.warnings().forEach(d -> err.println(Names.diagnostic(d)));
                if (result.xir().isPresent()) {
                    progress.close();
                    OutputFiles.writeTextOrStdout(null, result.xir().get());
                }
            } finally {
                // also after a failure, as the pass report is
                if (phases != null) err.print(phases.report());
            }
        }
        return 0;
    }
}
