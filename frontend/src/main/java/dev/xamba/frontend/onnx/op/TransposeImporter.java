package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import java.util.List;
import java.util.Map;

/**
 * {@code Transpose}: one-to-one, except that negative {@code perm} entries are normalized by adding the rank.
 * PyTorch's TorchScript exporter writes them (e.g. {@code [0, -2, -1, 1]}); ONNX Runtime refuses such models,
 * but their meaning is unambiguous.
 */
final class TransposeImporter implements OpImporter {
    @Override public List<Value> importNode(NodeContext node) {
        Map<String, Attribute> attrs = node.attributes();
        long[] perm = AttrValues.ints(node, attrs, "perm");
        if (perm != null) {
            int rank = node.inputType(0).rank();
            for (int i = 0; i < perm.length; i++) {
                if (perm[i] < -rank || perm[i] >= rank) {
                    throw node.error("perm entry " + perm[i] + " is out of range for rank " + rank);
                }
                if (perm[i] < 0) perm[i] += rank;
            }
            attrs.put("perm", ArrayAttr.ofLongs(perm));
        }
        return node.create(node.onnxOpName(), node.presentInputs(), attrs);
    }
}
