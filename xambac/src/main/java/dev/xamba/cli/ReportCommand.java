package dev.xamba.cli;

import dev.xamba.api.CompileException;
import dev.xamba.api.CompileOptions;
import dev.xamba.api.CompileResult;
import dev.xamba.api.Xamba;
import dev.xamba.api.pipeline.CostReports;
import dev.xamba.api.pipeline.InputFiles;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.OutputFiles;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.cli.runtime.ReportMeasurer;
import dev.xamba.opt.cost.report.CostReport;
import dev.xamba.opt.cost.report.HtmlReport;
import dev.xamba.opt.cost.report.JsonReport;
import dev.xamba.opt.cost.report.TextReport;
import dev.xamba.opt.cost.device.Target;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xambac report}: what the cost model predicts for a model on a target, per op and per unit. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 110,
        description = {"Predicts a model's time on a target with the cost model, with and without XAMBA.",
                "Compiles the model to the OpenVINO opset (with the chosen XAMBA rewrites) and reports the cost model's",
                "prediction: the costliest ops, time per unit and per op type, the rewrite decisions, and the speedup",
                "over the same model with --xamba none.",
                "With --measure (cpu targets) it also times the model on the OpenVINO CPU plugin."},
        footer = {"", "Examples:", "  xambac report model.onnx --target npu4",
                "  xambac report model.onnx --target cpu --measure --format html -o report.html",
                "  xambac report model.onnx --target-file cpu.json --format json"})
final class ReportCommand implements Callable<Integer> {
    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx), OpenVINO IR (.xml with its .bin beside it) or textual IR (.xir).")
    String input;

    @Mixin
    TargetFlags targetFlags;

    @Option(names = "--xamba", paramLabel = "PASSES", description = "XAMBA rewrites to apply before costing: auto (the default"
            + " on npu* targets), none (the default on cpu), all, or a list of contract, cumba, reduba, actiba (as for compile).")
    String xamba;

    @Option(names = "--actiba-max-error", paramLabel = "E", converter = XambaFlags.ErrorBudget.class,
            description = "Also run ActiBA with this error budget per op.")
    Double actibaMaxError;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or html. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here (default, or -: standard output).")
    Path outputArg;

    @Option(names = "--measure", description = "Also run the model on OpenVINO CPU and show measured latency (cpu targets).")
    boolean measure;

    @Option(names = "--runs", paramLabel = "N", converter = LimitOptions.Runs.class, description = "Timed inferences for --measure, at most 100000. Default: ${DEFAULT-VALUE}.")
    int runs = 30;

    @Option(names = "--remarks", description = "Print every rewrite decision of the reported compile (applied, or why not) to stderr.")
    boolean remarks;

    @Mixin
    ImportFlags importFlags;

    @Mixin
    LimitOptions.Compiling limits;

    @Override public Integer call() throws CompileException {
        Path output = OutputArg.fileOrStdout(outputArg);
        Target target = targetFlags.resolve();
        XambaFlags flags = XambaFlags.of(xamba, targetFlags, actibaMaxError);
        flags.passes(); // a bad --xamba is reported before the other options
        if (measure && target.kind() != Target.Kind.CPU) throw UserError.badOption("--measure needs a cpu target (--target cpu or a cpu --target-file)");
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        InputFiles reads = InputFiles.ofModel(input).add(targetFlags.targetFile, "the target file");
        if (output != null) OutputFiles.refuseUnsafe(output, reads); // before the compile (and --measure's runs), not after

        CompileResult compiled = Xamba.compile(Path.of(input),
                flags.applyTo(CompileOptions.defaults()).withImportOptions(importFlags.options()).withLimits(limits.limits())
                        .withRemarks(remarks).withReport(true).withIrInMemory(measure));
        compiled.warnings().forEach(d -> err.println(Names.diagnostic(d)));
        compiled.remarks().forEach(d -> err.println(Names.diagnostic(d)));
        CostReport report = compiled.report().orElseThrow();
        if (measure) {
            err.println("xambac: measuring " + Names.text(input) + " on OpenVINO CPU (" + runs + (runs == 1 ? " run" : " runs") + ")...");
            ReportMeasurer.Measured m = ReportMeasurer.onCpu(compiled.ir().orElseThrow(), input, report.after(), runs);
            report = CostReports.withMeasurement(report, m.graph(), m.measurement());
        }
        String text = switch (format) {
            case text -> TextReport.render(report);
            case json -> JsonReport.render(report);
            case html -> HtmlReport.render(report);
        };
        OutputFiles.writeTextOrStdout(output, text, reads);
        return 0;
    }
}
