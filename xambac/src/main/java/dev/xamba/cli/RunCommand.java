package dev.xamba.cli;

import dev.xamba.api.pipeline.InputFiles;
import dev.xamba.api.pipeline.InputKind;
import dev.xamba.api.pipeline.InputLoader;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.OutputFiles;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.cli.runtime.IrFacts;
import dev.xamba.cli.runtime.OpenVinoEngine;
import dev.xamba.codegen.OvIrWriter;
import dev.xamba.frontend.onnx.model.ModelFile;
import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.Npy;
import dev.xamba.ir.io.TempFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xambac run}: runs OpenVINO IR on the OpenVINO runtime and writes each output as a {@code .npy} file. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 110,
        description = {"Runs an OpenVINO IR model (MODEL.xml with MODEL.bin beside it) on the OpenVINO runtime.",
                "Each output is written to OUTPUT-DIR/<output name>.npy (the name made file-safe and unique)."},
        footer = {"", "Example:", "  xambac run out/model.xml --input input_ids=ids.npy --output-dir out/"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "OpenVINO IR (or any model OpenVINO reads).")
    Path model;

    @Option(names = "--input", paramLabel = "NAME=FILE.npy",
            description = "A value for the input tensor NAME, repeated for each input (a model without inputs needs none).")
    Map<String, Path> inputs = new LinkedHashMap<>();

    @Option(names = "--device", paramLabel = "DEVICE", description = "OpenVINO device. Default: ${DEFAULT-VALUE}.")
    String device = "CPU";

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Folder for the outputs. Default: the current folder.")
    Path outputDir = Path.of(".");

    @Mixin
    LimitOptions.InputBytes inputLimit;

    @Mixin
    LimitOptions.ArrayBytes arrayLimit;

    @Override public Integer call() {
        InputLoader.requireModelFile(model, inputLimit.max);
        requireModelOfItsKind();
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new UserError("--output-dir " + Names.path(outputDir) + ": is a file, expected a folder");
        }
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : inputs.entrySet()) values.put(e.getKey(), readNpy(e.getKey(), e.getValue()));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        IrFacts facts = irFacts();
        try (OpenVinoEngine engine = new OpenVinoEngine(device, true)) {
            InputFiles reads = new InputFiles().add(model, "the model").add(OvIrWriter.binPathFor(model), "the model's weights");
            inputs.forEach((name, file) -> reads.add(file, "the value of --input " + name));
            Map<String, Tensor> results = engine.run(model, values, facts);
            Map<String, String> fileNames = uniqueFileNames(results.keySet());
            Map<Path, byte[]> files = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> o : results.entrySet()) {
                files.put(outputDir.resolve(fileNames.get(o.getKey())), npyBytes(o.getValue()));
            }
            // All or none: a failure on one output must not leave the others new beside old files of an earlier run.
            OutputFiles.writeAll(files, reads);
            for (Map.Entry<String, Tensor> o : results.entrySet()) {
                out.println(Names.text(o.getKey()) + ": " + o.getValue().type() + " -> " + Names.path(outputDir.resolve(fileNames.get(o.getKey()))));
            }
        }
        return 0;
    }

    /**
     * Refuses, in xamba's own words, a model that is not what its name says: OpenVINO tries every reader it has on a
     * file none accepts, and its TensorFlow reader then logs lines of its own on stderr before the error. An IR
     * {@code .xml} is checked by {@link #irFacts}; a {@code .bin} with an {@code .xml} beside it is that IR's
     * weights; a file of another extension is left to OpenVINO, which reads models by their content.
     */
    private void requireModelOfItsKind() {
        switch (InputKind.of(model.toString())) {
            case ONNX -> ModelFile.load(new SourceFile(model)); // a parse: the weights stay in the mapping
            case OPENVINO_IR -> { }
            case TEXTUAL_IR -> {
                String lower = model.toString().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".xir")) {
                    throw new UserError(Names.path(model) + ": xamba's textual IR: compile it to OpenVINO IR first (xambac compile "
                            + Names.path(model) + " -o M.xml)");
                }
                // The weights of an IR whose .xml is beside them; a model of another kind may be named .bin too.
                if (lower.endsWith(".bin") && Files.isRegularFile(xmlBeside(model))) {
                    throw new UserError(Names.path(model) + ": the weights of an OpenVINO IR: run its .xml");
                }
            }
            case STDIN -> { }
        }
    }

    private static Path xmlBeside(Path bin) {
        String name = bin.getFileName().toString();
        return bin.resolveSibling(name.substring(0, name.length() - ".bin".length()) + ".xml");
    }

    /** What the .xml says beyond OpenVINO's C API: bounds of token-id inputs, every name of each tensor. */
    private IrFacts irFacts() {
        if (InputKind.of(model.toString()) != InputKind.OPENVINO_IR) return IrFacts.NONE;
        Path bin = OvIrWriter.binPathFor(model);
        if (!Files.isRegularFile(bin)) {
            throw new UserError(Names.path(bin) + ": no such file (OpenVINO IR keeps its weights in the .bin beside the .xml)");
        }
        try {
            return IrFacts.read(model);
        } catch (IOException e) {
            throw new UserError(Names.text(e.getMessage())); // names the file
        }
    }

    private Tensor readNpy(String name, Path file) {
        InputLoader.requireRegularFile(file, "--input " + Names.text(name) + "=", inputLimit.max, "--max-input-bytes");
        try {
            return Npy.read(file, arrayLimit.max);
        } catch (IOException e) {
            throw new UserError("--input " + Names.text(name) + "=" + Names.text(e.getMessage()) + LimitOptions.ArrayBytes.hint(e));
        }
    }

    private static byte[] npyBytes(Tensor t) {
        try {
            return Npy.toBytes(t);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * A distinct {@code .npy} file name per output, in output order: names that spell the same file once made safe
     * ({@code a/b} and {@code a_b}), or that differ only in case, get {@code _2}, {@code _3}, ... appended.
     */
    static Map<String, String> uniqueFileNames(Iterable<String> outputNames) {
        Map<String, String> names = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String name : outputNames) {
            String base = safeFileName(name);
            String candidate = base;
            for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) candidate = base + "_" + i;
            names.put(name, candidate + ".npy");
        }
        return names;
    }

    /** Longest base name kept: with {@code _<n>} and {@code .npy} it stays within a file name's 255 bytes. */
    static final int MAX_BASE_NAME = TempFiles.MAX_NAME_BYTES - ".npy".length() - ("_" + Integer.MAX_VALUE).length();

    /** Tensor names may hold '/' and other characters a file name cannot, and be longer than a file name may be. */
    static String safeFileName(String tensorName) {
        String s = tensorName.replaceAll("[^A-Za-z0-9_.-]", "_");
        s = s.isEmpty() || s.startsWith(".") ? "_" + s : s;
        return s.length() > MAX_BASE_NAME ? s.substring(0, MAX_BASE_NAME) : s; // ASCII: one byte per character
    }
}
