package dev.xamba.frontend.onnx.graph;

import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.frontend.onnx.op.OpImporterTable;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.OperatorSetIdProto;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The operator-set versions a model imports, by canonical domain ({@code ""} = {@code ai.onnx}). */
final class Opsets {
    private final Map<String, Long> versions = new HashMap<>();

    static Opsets of(ModelProto model, SourceFile file) {
        Opsets o = new Opsets();
        for (OperatorSetIdProto id : model.getOpsetImportList()) {
            String domain = OpImporterTable.canonicalDomain(id.getDomain());
            if (id.getVersion() <= 0) throw file.error("the model imports opset version " + id.getVersion() + " of domain '" + id.getDomain() + "'");
            Long previous = o.versions.put(domain, id.getVersion());
            if (previous != null && previous != id.getVersion()) {
                throw file.error("the model imports domain '" + id.getDomain() + "' twice, at versions " + previous + " and " + id.getVersion());
            }
        }
        if (!o.versions.containsKey("")) throw file.error("the model imports no version of the default ONNX operator set");
        return o;
    }

    OptionalLong version(String domain) {
        Long v = versions.get(OpImporterTable.canonicalDomain(domain));
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
