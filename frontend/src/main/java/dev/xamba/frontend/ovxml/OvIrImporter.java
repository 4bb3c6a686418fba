package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.ir.Operation;
import java.nio.file.Path;

/**
 * Imports an OpenVINO IR model (IR v10 or v11: a {@code .xml} graph and the {@code .bin} weights beside it, as
 * written by OpenVINO's {@code ovc} / {@code openvino.save_model} or by xambac) into the {@code ov} dialect: a
 * {@code builtin.module} holding one {@code func.func @main} whose arguments are the Parameters and whose results
 * are the Results, in file order, named by their tensor names.
 *
 * <p>Each layer becomes the {@code ov} op of its type and version (the ops' own {@code OvLayerInfo}, the table the
 * writer uses too), so the input is already legalized. The {@code .bin} is memory-mapped and weights stay views of
 * it; f16-compressed weights stay an f16 {@code ov.Constant} feeding an {@code ov.Convert}.
 *
 * <p>Every failure, whatever the files hold, is a {@link dev.xamba.ir.diag.DiagnosticException} whose one-line
 * messages name the file, the position and the layer at fault; unsupported layer types are listed in one diagnostic.
 * Of {@link ImportOptions}, all but {@code baseDir} apply: input shapes, folding of constant ops (within the same
 * limits as for ONNX) and the inline-constant limit.
 */
public final class OvIrImporter {
    private OvIrImporter() {}

    /** Imports {@code xml} (and its {@code .bin}); the returned module has passed the verifier. */
    public static Operation importModel(Path xml, ImportOptions options) {
        IrSource source = new IrSource(xml);
        return NetImporter.importNet(source, IrXmlReader.read(source), options);
    }

    /** Imports {@code xml} with {@link ImportOptions#defaults()}. */
    public static Operation importModel(Path xml) {
        return importModel(xml, ImportOptions.defaults());
    }
}
