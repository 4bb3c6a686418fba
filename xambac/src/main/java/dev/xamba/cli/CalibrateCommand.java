package dev.xamba.cli;

import dev.xamba.api.pipeline.InputFiles;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.OutputFiles;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.cli.calibrate.CpuCalibrator;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xambac calibrate}: measures op families on the OpenVINO CPU plugin and writes a cpu target file. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 110,
        description = {"Measures the OpenVINO CPU plugin and writes a cpu target file.",
                "Times micro-benchmarks of each op family (MatMul, depthwise convolution, elementwise, activations,",
                "CumSum, reductions, layout ops, Gather, Pad, Broadcast) at several sizes on the real OpenVINO CPU plugin",
                "and fits a target file (fixed µs + ns per element or per MAC, per op and per family) that",
                "'xambac report --target-file' reads. Takes about a minute; run it on an otherwise idle machine."},
        footer = {"", "Example:", "  xambac calibrate --device CPU -o cpu.json && xambac report model.onnx --target-file cpu.json"})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--device", paramLabel = "DEVICE", description = "OpenVINO device; only CPU is supported. Default: ${DEFAULT-VALUE}.")
    String device = "CPU";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the target here (default, or -: standard output).")
    Path outputArg;

    @Option(names = "--name", paramLabel = "NAME", description = "The target's name. Default: ${DEFAULT-VALUE}.")
    String name = "cpu";

    @Option(names = "--runs", paramLabel = "N", converter = LimitOptions.Runs.class, description = "Timed inferences per benchmark model (the fastest is kept), at most 100000. Default: ${DEFAULT-VALUE}.")
    int runs = 25;

    @Option(names = "--quick", description = "Two small sizes of four benchmarks only: checks the set-up, not a usable calibration.")
    boolean quick;

    @Override public Integer call() {
        if (!device.equals("CPU")) throw UserError.badOption("--device " + device + ": only CPU can be calibrated (NPU targets come from Intel's numbers)");
        Path output = OutputArg.fileOrStdout(outputArg);
        if (output != null) OutputFiles.refuseUnsafe(output, new InputFiles()); // before minutes of measuring, not after
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Target t = new CpuCalibrator(runs, quick, err).calibrate(name, cpuModel());
        OutputFiles.writeTextOrStdout(output, TargetJson.write(t));
        if (output != null) err.println("calibrate: wrote " + Names.path(output));
        return 0;
    }

    /** The CPU model as lscpu shows it ("Model name"), read from /proc/cpuinfo. */
    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the model name is informative only
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }
}
