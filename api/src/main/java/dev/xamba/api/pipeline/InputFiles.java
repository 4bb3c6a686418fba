package dev.xamba.api.pipeline;

import dev.xamba.frontend.onnx.model.ModelFile;
import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.frontend.onnx.proto.AttributeProto;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.NodeProto;
import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.io.OvIrFiles;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassRegistry;
import dev.xamba.opt.pass.PipelineException;
import dev.xamba.opt.pass.PipelineParser;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a command reads, so that no output replaces one of them: the input itself and, for an ONNX model,
 * every external-data file its tensors name; for OpenVINO IR, the {@code .bin} beside the {@code .xml}; a target
 * file, when the command's options or passes name one. Compared by identity ({@link Files#isSameFile}), so another
 * spelling, a hard link or a symbolic link to an input is recognized too.
 */
public final class InputFiles {
    /** One file read, with what it is to the user ("the input", "external data of m.onnx"). */
    public record Read(Path path, String role) {}

    private final List<Read> files = new ArrayList<>();

    public InputFiles add(Path path, String role) {
        if (path != null && Files.exists(path)) files.add(new Read(path, role));
        return this;
    }

    public List<Read> files() { return List.copyOf(files); }

    /**
     * Adds the files the passes of {@code pipeline} read ({@link Pass#filesRead}: a target file named by a pass
     * option). A pipeline that does not parse adds none: running it reports why.
     */
    public InputFiles addReadByPipeline(String pipeline, PassRegistry registry) {
        List<Pass> passes;
        try {
            passes = PipelineParser.parse(pipeline, registry);
        } catch (PipelineException reportedWhenRun) {
            return this;
        }
        for (Pass pass : passes) {
            for (Path file : pass.filesRead()) add(file, "the target file of " + pass.cliName());
        }
        return this;
    }

    /** The input of {@code compile}, {@code opt} or {@code verify} ({@code -} reads stdin: no file). */
    public static InputFiles ofModel(String input) {
        InputFiles f = new InputFiles();
        if (input.equals("-")) return f;
        Path model = Path.of(input);
        f.add(model, "the input");
        if (InputKind.of(input) == InputKind.OPENVINO_IR) f.add(OvIrFiles.binPathFor(model), "the weights of " + model);
        if (InputKind.of(input) == InputKind.ONNX && Files.isRegularFile(model)) {
            // Parsed again only to name its files (the parse aliases the mapped file, so this costs no copy): a
            // caller that imported the model has the parse already and calls ofOnnx.
            f.addExternalData(model, ModelFile.read(new SourceFile(model)));
        }
        return f;
    }

    /** The files of the ONNX model {@code model}, parsed as {@code proto}: itself and its external data files. */
    public static InputFiles ofOnnx(Path model, ModelProto proto) {
        return new InputFiles().add(model, "the input").addExternalData(model, proto);
    }

    private InputFiles addExternalData(Path model, ModelProto proto) {
        Path folder = new SourceFile(model).folder();
        for (String location : externalLocations(proto.getGraph())) {
            try {
                add(folder.resolve(location).normalize(), "external data of " + model);
            } catch (InvalidPathException ignored) {
                // the import reports such a location
            }
        }
        return this;
    }

    private static List<String> externalLocations(GraphProto g) {
        List<String> out = new ArrayList<>();
        for (TensorProto t : g.getInitializerList()) location(t, out);
        for (NodeProto n : g.getNodeList()) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasT()) location(a.getT(), out);
                for (TensorProto t : a.getTensorsList()) location(t, out);
                if (a.hasG()) out.addAll(externalLocations(a.getG()));
            }
        }
        return out;
    }

    private static void location(TensorProto t, List<String> out) {
        for (StringStringEntryProto e : t.getExternalDataList()) {
            if (e.getKey().equals("location") && !e.getValue().isEmpty()) out.add(e.getValue());
        }
    }
}
