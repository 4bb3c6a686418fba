package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import java.util.List;

/** Nodes whose ONNX form already is the dialect's form: inputs become operands, attributes stay as they are. */
final class DirectImporter implements OpImporter {
    static final DirectImporter INSTANCE = new DirectImporter();

    private DirectImporter() {}

    @Override public List<Value> importNode(NodeContext node) {
        return node.create(node.onnxOpName(), node.presentInputs(), node.attributes());
    }
}
