package dev.xamba.frontend.onnx.graph;

import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.frontend.onnx.model.ValueTypes;
import dev.xamba.frontend.onnx.proto.ValueInfoProto;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/** Compares what the graph computes for an output with what the model declares for it. */
final class OutputCheck {
    private OutputCheck() {}

    /** Fails when the element type, the rank, or a fixed dimension disagrees; symbolic dimensions accept anything. */
    static void againstDeclaration(ValueInfoProto out, TensorType computed, SourceFile file) {
        String what = "graph output '" + out.getName() + "'";
        ElementType declared = ValueTypes.declaredElementType(out);
        if (declared != null && declared != computed.elementType()) {
            throw file.error(what + " is declared " + declared + " but the graph computes " + computed);
        }
        long[] dims = ValueTypes.declaredDims(out);
        if (dims == null) return;
        if (dims.length != computed.rank()) {
            throw file.error(what + " is declared with rank " + dims.length + " but the graph computes " + computed);
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != TensorType.DYNAMIC && !computed.isDynamicDim(i) && dims[i] != computed.dim(i)) {
                throw file.error(what + " is declared with dimension " + dims[i] + " at index " + i + " but the graph computes "
                        + computed);
            }
        }
    }
}
