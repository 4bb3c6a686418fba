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
 * 18 the number of chunks was the number of node outputs (it becomes {@code num_outputs}).
 */
final class SplitImporter implements OpImporter {
    private final boolean attributeForm;

    SplitImporter(boolean attributeForm) { this.attributeForm = attributeForm; }

    @Override public List<Value> importNode(NodeContext node) {
        Map<String, Attribute> attrs = node.attributes();
        List<Value> operands = new ArrayList<>();
        operands.add(node.input(0));
        if (attributeForm) {
            long[] split = AttrValues.ints(node, attrs, "split");
            attrs.remove("split");
            if (split != null) operands.add(node.constant(ConstTensors.i64Vector(split)));
        } else if (node.hasInput(1)) {
            operands.add(node.input(1));
        }
        if (operands.size() == 1 && !attrs.containsKey("num_outputs")) {
            attrs.put("num_outputs", IntegerAttr.i64(node.numOutputs()));
        }
        return node.create(node.onnxOpName(), operands, attrs);
    }
}
