package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.IntegerAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Split}: the opset-18 form takes the chunk sizes as the optional {@code split} input, or else a
 * {@code num_outputs} attribute. Before 13 {@code split} was an attribute (it becomes a constant input); before
 * 18 the number of chunks was the number of node outputs (it becomes {@code num_outputs}), and the chunks had to be
 * equal (18's {@code num_outputs} lets the last be smaller). Chunk sizes given as a constant must name one chunk per
 * node output.
 */
final class SplitImporter implements OpImporter {
    private final boolean attributeForm;

    SplitImporter(boolean attributeForm) { this.attributeForm = attributeForm; }

    @Override public List<Value> importNode(NodeContext node) {
        Map<String, Attribute> attrs = node.attributes();
        List<Value> operands = new ArrayList<>();
        operands.add(node.input(0));
        long[] split = null;
        if (attributeForm) {
            split = AttrValues.ints(node, attrs, "split");
            attrs.remove("split");
            if (split != null) operands.add(node.constant(ConstTensors.i64Vector(split)));
        } else if (attrs.containsKey("split")) {
            // The older form, left on a newer opset: said before any check that assumes this form.
            throw node.error("attribute 'split' is an input from opset 13 on (this node is at opset " + node.opsetVersion() + ")");
        } else if (node.hasInput(1)) {
            operands.add(node.input(1));
            split = node.constantInput(1).map(t -> t.toLongs()).orElse(null);
        }
        if (split != null && split.length != node.numOutputs()) {
            throw node.error("'split' has " + split.length + " sizes for " + node.numOutputs() + " outputs");
        }
        if (operands.size() == 1 && !attrs.containsKey("num_outputs")) {
            if (node.opsetVersion() < 18) requireEqualParts(node, attrs);
            attrs.put("num_outputs", IntegerAttr.i64(node.numOutputs()));
        }
        return node.create(node.onnxOpName(), operands, attrs);
    }

    /** Before opset 18, a Split without sizes splits "into equal sized parts": a static dim must divide evenly. */
    private static void requireEqualParts(NodeContext node, Map<String, Attribute> attrs) {
        var x = node.inputType(0);
        long axis = attrs.get("axis") instanceof IntegerAttr a ? a.value() : 0;
        if (axis < -x.rank() || axis >= x.rank()) return; // the op's own verification names the bad axis
        long dim = x.dim((int) (axis < 0 ? axis + x.rank() : axis));
        if (dim != dev.xamba.ir.type.TensorType.DYNAMIC && dim % node.numOutputs() != 0) {
            throw node.error("splits dim " + dim + " into " + node.numOutputs() + " outputs, but before opset 18 Split's parts"
                    + " are equal (opset 18's num_outputs lets the last be smaller)");
        }
    }
}
