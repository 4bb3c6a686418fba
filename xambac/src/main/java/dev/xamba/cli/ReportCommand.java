package dev.xamba.cli;

import dev.xamba.cli.runtime.ReportMeasurer;
import dev.xamba.ir.Operation;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.cost.Unit;
import dev.xamba.opt.cost.report.CostReport;
import dev.xamba.opt.cost.report.GraphCost;
import dev.xamba.opt.cost.report.HtmlReport;
import dev.xamba.opt.cost.report.JsonReport;
import dev.xamba.opt.cost.report.TextReport;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.pass.PassContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xambac report}: what the cost model predicts for a model on a target, per op and per unit. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Compiles a model to the OpenVINO opset (with the chosen XAMBA rewrites) and reports the",
                "cost model's prediction on a target: the costliest ops, time per unit and per op type, the",
                "rewrite decisions, and the speedup over the same model with --xamba none.",
                "With --measure (cpu targets) it also times the model on the OpenVINO CPU plugin."},
        footer = {"", "Examples:", "  xambac report model.onnx --target npu4",
                "  xambac report model.onnx --target cpu --measure --format html -o report.html",
                "  xambac report model.onnx --target-file cpu.json --format json"})
final class ReportCommand implements Callable<Integer> {
    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx) or textual IR (.xir).")
    String input;

    @Mixin
    TargetFlags targetFlags;

    @Option(names = "--xamba", paramLabel = "PASSES", description = {"XAMBA rewrites to apply before costing: auto (the default on",
            "npu* targets), none (the default on cpu), all, or a list of contract, cumba, reduba, actiba (as for compile)."})
    String xamba;

    @Option(names = "--actiba-max-error", paramLabel = "E", description = "Also run ActiBA with this error budget per op.")
    Double actibaMaxError;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or html. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here (default: standard output).")
    Path output;

    @Option(names = "--measure", description = "Also run the model on OpenVINO CPU and show measured latency (cpu targets).")
    boolean measure;

    @Option(names = "--runs", paramLabel = "N", description = "Timed inferences for --measure. Default: ${DEFAULT-VALUE}.")
    int runs = 30;

    @Mixin
    ImportFlags importFlags;

    @Override public Integer call() {
        Target target = targetFlags.resolve();
        XambaFlags flags = XambaFlags.of(xamba, targetFlags, actibaMaxError);
        List<String> rewrites = flags.passes();
        if (measure && target.kind() != Target.Kind.CPU) throw new UserError("--measure needs a cpu target (--target cpu or a cpu --target-file)");
        if (runs < 1) throw new UserError("--runs must be at least 1");
        CostModel model = CostModels.forTarget(target);
        List<Unit> units = target.kind() == Target.Kind.CPU ? List.of(Unit.CPU) : List.of(Unit.DPU, Unit.SHAVE, Unit.DMA);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

        Operation module = compile(rewrites, err);
        PassContext ctx = lastContext;
        GraphCost after = GraphCost.of(module, model, units);
        GraphCost baseline = rewrites.isEmpty() ? after : GraphCost.of(compile(List.of(), err), model, units);
        List<CostReport.Technique> techniques = new ArrayList<>();
        for (String element : rewrites) {
            // Each technique alone, as the full run applies it (cost-guided or forced): baseline ÷ its total.
            String pattern = element.substring(0, element.indexOf('{'));
            int applied = (int) ctx.decisions().stream().filter(d -> d.pattern().equals(pattern) && d.applied()).count();
            double alone = GraphCost.of(compile(List.of(element), err), model, units).totalUs();
            techniques.add(new CostReport.Technique(pattern.substring("xamba-".length()), applied,
                    alone == 0 ? Double.NaN : baseline.totalUs() / alone));
        }
        CostReport.Measurement measured = null;
        if (measure) {
            err.println("xambac: measuring " + input + " on OpenVINO CPU (" + runs + " runs)...");
            ReportMeasurer.Measured m = ReportMeasurer.onCpu(module, after, runs);
            after = m.graph();
            measured = m.measurement();
        }
        CostReport report = new CostReport(target.name(), target.description(), Path.of(input).getFileName().toString(),
                Arrays.asList(flags.choice().split(",")), after, baseline, ctx.decisions(), measured, techniques);
        String text = switch (format) {
            case text -> TextReport.render(report);
            case json -> JsonReport.render(report);
            case html -> HtmlReport.render(report);
        };
        OutputFiles.writeTextOrStdout(output, text, InputFiles.ofModel(input));
        return 0;
    }

    private PassContext lastContext;

    /** Imports and compiles to the OpenVINO opset with the given XAMBA rewrite passes (pipeline elements). */
    private Operation compile(List<String> rewrites, PrintStream err) {
        Operation module = InputLoader.load(input, importFlags.options());
        Verifier.verifyOrThrow(module);
        lastContext = CompilerPipeline.runForReport(module, CompilerPipeline.toOpenVino(rewrites), err);
        return module;
    }
}
