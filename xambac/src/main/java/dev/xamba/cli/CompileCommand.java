package dev.xamba.cli;

import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
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

    enum Target { npu4, npu3720, cpu }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx) or textual IR (.xir).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file: OUT.xml (+ OUT.bin) for --emit ov (required), a .xir file or stdout for --emit xir.")
    Path output;

    @Option(names = "--emit", paramLabel = "FORMAT", description = "ov (OpenVINO IR) or xir (textual IR). Default: ${DEFAULT-VALUE}.")
    Emit emit = Emit.ov;

    @Option(names = "--target", paramLabel = "TARGET", description = "Device the XAMBA cost model optimizes for: npu4, npu3720 or cpu. Default: ${DEFAULT-VALUE}.")
    Target target = Target.npu4;

    @Option(names = "--xamba", paramLabel = "PASSES", description = "XAMBA rewrites to apply: none (default), auto, or a list. Only none exists yet.")
    String xamba = "none";

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

    @Override public Integer call() {
        CompilerPipeline.checkXambaChoice(xamba);
        if (emit == Emit.ov && output == null) throw new UserError("--emit ov needs -o OUT.xml");
        if (emit == Emit.ov && !output.toString().endsWith(".xml")) throw new UserError(Names.path(output) + ": the OpenVINO IR output must end in .xml");
        Operation module = InputLoader.load(input, limits.apply(importFlags.options()), limits.maxInputBytes);
        Verifier.verifyOrThrow(module);
        InputFiles reads = InputFiles.ofModel(input);
        if (output != null) {
            OutputFiles.refuseUnsafe(output, reads);
            if (emit == Emit.ov) OutputFiles.refuseUnsafe(OvIrWriter.binPathFor(output.toAbsolutePath()), reads);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        CompilerPipeline passes = pipeline.runner(parent.registry(), err, () -> InputLoader.load(input, limits.apply(importFlags.options()), limits.maxInputBytes));
        if (emit == Emit.xir) {
            passes.run(module, limits.apply(CompilerPipeline.CLEANUP));
            OutputFiles.writeTextOrStdout(output, AsmPrinter.print(module), reads);
            return 0;
        }
        passes.run(module, limits.apply(CompilerPipeline.TO_OPENVINO));
        OutputFiles.prepareFolder(output);
        try {
            OvIrWriter.write(module, output, new WriterOptions(compressFp16));
        } catch (IOException e) {
            throw new UserError(Names.path(output) + ": cannot write: " + Names.text(e.getMessage()));
        }
        return 0;
    }
}
