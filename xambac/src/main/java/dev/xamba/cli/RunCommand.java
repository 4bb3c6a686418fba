package dev.xamba.cli;

import dev.xamba.cli.runtime.OpenVinoEngine;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.Npy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xambac run}: runs OpenVINO IR on the OpenVINO runtime and writes each output as a {@code .npy} file. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Runs an OpenVINO IR model (MODEL.xml with MODEL.bin beside it) on the OpenVINO runtime.",
                "Each output is written to OUTPUT-DIR/<output name>.npy."},
        footer = {"", "Example:", "  xambac run out/model.xml --input input_ids=ids.npy --output-dir out/"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "OpenVINO IR (or any model OpenVINO reads).")
    Path model;

    @Option(names = "--input", paramLabel = "NAME=FILE.npy", required = true,
            description = "A value for the input tensor NAME, repeated for each input.")
    Map<String, Path> inputs = new LinkedHashMap<>();

    @Option(names = "--device", paramLabel = "DEVICE", description = "OpenVINO device. Default: ${DEFAULT-VALUE}.")
    String device = "CPU";

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Folder for the outputs. Default: the current folder.")
    Path outputDir = Path.of(".");

    @Override public Integer call() {
        if (!Files.isRegularFile(model)) throw new UserError(model + ": no such file");
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : inputs.entrySet()) values.put(e.getKey(), readNpy(e.getValue()));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OpenVinoEngine engine = new OpenVinoEngine(device, true)) {
            List<String> expected = engine.inputNames(model);
            for (String name : values.keySet()) {
                if (!expected.contains(name)) throw new UserError("--input " + name + ": the model has no such input (inputs: " + expected + ")");
            }
            for (Map.Entry<String, Tensor> o : engine.run(model, values).entrySet()) {
                Path file = outputDir.resolve(safeFileName(o.getKey()) + ".npy");
                OutputFiles.writeBytes(file, npyBytes(o.getValue()));
                out.println(o.getKey() + ": " + o.getValue().type() + " -> " + file);
            }
        }
        return 0;
    }

    private static Tensor readNpy(Path file) {
        try {
            return Npy.read(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static byte[] npyBytes(Tensor t) {
        try {
            return Npy.toBytes(t);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Tensor names may hold '/' and other characters a file name cannot. */
    static String safeFileName(String tensorName) {
        String s = tensorName.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
