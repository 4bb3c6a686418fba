package dev.xamba.frontend.onnx;

import dev.xamba.frontend.onnx.graph.GraphImporter;
import dev.xamba.frontend.onnx.model.ModelFile;
import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.frontend.onnx.op.OpImporterTable;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.DiagnosticException;
import java.nio.file.Path;

/**
 * Imports an ONNX model into the {@code onnx} dialect: a {@code builtin.module} holding one
 * {@code func.func @main} whose arguments are the graph inputs and whose results are the graph outputs.
 *
 * <p>The file is memory-mapped and weights stay views of it (or of its external data files) as
 * {@code dense_resource} blobs. Each node is imported by the importer registered for its
 * (domain, op_type, opset version); ops are built with inferred result types and, when their operands are all
 * constants, folded on the spot, so that with static input shapes the whole function has static types.
 *
 * <p>Every failure, whatever the input file holds, is a {@link DiagnosticException} whose one-line messages name
 * the file and the node or tensor at fault; unsupported operators are all listed at once.
 */
public final class OnnxImporter {
    private OnnxImporter() {}

    /** Imports {@code model} with {@code options}; the returned module has passed the verifier. */
    public static Operation importModel(Path model, ImportOptions options) {
        return importWithModel(model, options).module();
    }

    /** An imported module and the parsed model it came from, for callers that also read the model (its files). */
    public record Imported(Operation module, ModelProto model) {}

    /** {@link #importModel(Path, ImportOptions)}, also handing back the parsed model, so it need not be parsed twice. */
    public static Imported importWithModel(Path model, ImportOptions options) {
        SourceFile file = new SourceFile(model);
        ModelFile.Parsed parsed = ModelFile.load(file);
        return new Imported(GraphImporter.importModel(parsed, file, options, OpImporterTable.standard()), parsed.proto());
    }

    /** Imports {@code model} with {@link ImportOptions#defaults()}. */
    public static Operation importModel(Path model) {
        return importModel(model, ImportOptions.defaults());
    }
}
