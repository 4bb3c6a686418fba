package dev.xamba.api;

import dev.xamba.api.pipeline.CompilerPipeline;
import dev.xamba.api.pipeline.CostReports;
import dev.xamba.api.pipeline.InputFiles;
import dev.xamba.api.pipeline.InputLoader;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.OutputFiles;
import dev.xamba.api.pipeline.TargetChoice;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.api.pipeline.XambaRewrites;
import dev.xamba.codegen.IrTooLargeForMemoryException;
import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.RenderedIr;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.cost.PlacementAnnotator;
import dev.xamba.opt.cost.report.CostReport;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One compile, in {@code xambac compile}'s order: options checked, input imported and verified, outputs checked
 * against the inputs before any pass runs, then the passes, then the IR rendered or written. Every object it
 * makes is its own, so compilations on different threads share nothing mutable.
 */
final class Compilation {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private final String modelName;
    private final Supplier<InputLoader.Loaded> load;
    private final CompileOptions options;

    /**
     * @param modelName the model's file name, for the report
     * @param load      imports and verifies the input (again, for a crash reproducer), with the files it consists of
     */
    Compilation(String modelName, Supplier<InputLoader.Loaded> load, CompileOptions options) {
        this.modelName = modelName;
        this.load = load;
        this.options = options;
    }

    CompileResult run() {
        TargetChoice target = new TargetChoice(options.target(), options.targetFile());
        List<String> rewrites = XambaRewrites.passes(options.xamba(), target, options.actibaMaxError());
        boolean ov = options.emit() == CompileOptions.Emit.OV;
        Path output = options.output();
        if (ov && output != null && !output.toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
            throw UserError.badOption(Names.path(output) + ": the OpenVINO IR output must end in .xml");
        }
        if (options.annotate() && ov) throw UserError.badOption("--annotate needs --emit xir");
        if (options.report() && !ov) throw UserError.badOption("the cost report needs OpenVINO IR (--emit ov), not textual IR");
        CompileProgress progress = options.progress();

        progress.phase("import");
        InputLoader.Loaded loaded = load.get();
        Operation module = loaded.module();
        InputFiles inputs = loaded.reads().add(options.targetFile(), "the target file");
        if (output != null) {
            OutputFiles.refuseUnsafe(output, inputs);
            if (ov) OutputFiles.refuseUnsafe(OvIrWriter.binPathFor(output.toAbsolutePath()), inputs);
        }

        progress.phase("passes");
        String toOpenVino = CompilerPipeline.toOpenVino(rewrites);
        if (!ov) {
            PassContext ctx = pipeline().runContext(module, options.limits().apply(options.annotate() ? toOpenVino : CompilerPipeline.CLEANUP));
            if (options.annotate()) PlacementAnnotator.annotate(module, CostModels.forTarget(target.resolve()));
            String text = AsmPrinter.print(module);
            if (output != null) OutputFiles.writeString(output, text, inputs);
            return new CompileResult(null, output == null ? text : null, output, ctx.diagnostics(), remarks(ctx), null);
        }
        PassContext ctx = pipeline().runContext(module, options.limits().apply(toOpenVino));
        CostReport report = options.report()
                ? CostReports.of(module, ctx, rewrites, target.resolve(), XambaRewrites.choice(options.xamba(), target), modelName,
                        this::compiledAgain, new WriterOptions(options.compressFp16()))
                : null;

        progress.phase("writing weights");
        WriterOptions writer = new WriterOptions(options.compressFp16());
        RenderedIr ir = null;
        if (output == null) {
            if (options.irInMemory()) ir = render(module, writer);
        } else {
            OutputFiles.prepareFolder(output);
            try {
                OvIrWriter.write(module, output, writer, (written, total) -> progress.fraction(total == 0 ? 1 : (double) written / total));
            } catch (IOException e) {
                throw new UserError(Names.path(output) + ": cannot write: " + Names.text(e.getMessage()));
            }
        }
        return new CompileResult(ir, null, output, ctx.diagnostics(), remarks(ctx), report);
    }

    private static RenderedIr render(Operation module, WriterOptions writer) {
        try {
            return OvIrWriter.render(module, writer);
        } catch (IrTooLargeForMemoryException e) {
            throw new UserError(e.getMessage());
        }
    }

    private Operation loadVerified() {
        return load.get().module();
    }

    /** The input compiled again to the OpenVINO opset with other rewrites, for the report's comparisons. */
    private Operation compiledAgain(List<String> rewrites) {
        Operation module = loadVerified();
        pipeline().runContext(module, options.limits().apply(CompilerPipeline.toOpenVino(rewrites)));
        return module;
    }

    private CompilerPipeline pipeline() {
        PassManager.Options pm = options.passManagerOptions();
        if (options.remarks() && pm.remarks() == null) pm = pm.withRemarks(NOWHERE);
        Path dir = options.reproducerDir() != null ? options.reproducerDir() : Path.of(System.getProperty("java.io.tmpdir"));
        return new CompilerPipeline(options.passRegistry(), pm, NOWHERE, this::loadVerified, dir);
    }

    private List<Diagnostic> remarks(PassContext ctx) {
        return options.remarks() ? ctx.remarks() : List.of();
    }
}
