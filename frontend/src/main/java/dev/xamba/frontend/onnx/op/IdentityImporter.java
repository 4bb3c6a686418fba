package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import java.util.List;

/** {@code Identity} needs no op: its output is its input. */
final class IdentityImporter implements OpImporter {
    @Override public List<Value> importNode(NodeContext node) {
        if (node.numOutputs() > 1) throw node.error("expects one output, got " + node.numOutputs());
        return List.of(node.input(0));
    }

    @Override public String requiredOp(String opType) { return null; }
}
