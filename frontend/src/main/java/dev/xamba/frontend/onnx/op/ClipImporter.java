package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.type.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Clip}: from opset 11 {@code min}/{@code max} are optional inputs; an absent {@code min} before a
 * present {@code max} becomes the type's lowest value (-inf for floats). Clip-6 carries them as float
 * attributes, which become inputs of the input's element type.
 */
final class ClipImporter implements OpImporter {
    private final boolean attributeForm;

    ClipImporter(boolean attributeForm) { this.attributeForm = attributeForm; }

    @Override public List<Value> importNode(NodeContext node) {
        ElementType et = node.inputType(0).elementType();
        Map<String, Attribute> attrs = node.attributes();
        List<Value> operands = new ArrayList<>();
        operands.add(node.input(0));
        if (attributeForm) {
            Double min = AttrValues.floatValue(node, attrs, "min");
            Double max = AttrValues.floatValue(node, attrs, "max");
            attrs.remove("min");
            attrs.remove("max");
            if (min != null || max != null) {
                operands.add(node.constant(min != null ? ConstTensors.scalar(et, min) : ConstTensors.lowest(et)));
            }
            if (max != null) operands.add(node.constant(ConstTensors.scalar(et, max)));
        } else {
            if (node.hasInput(1)) operands.add(node.input(1));
            else if (node.hasInput(2)) operands.add(node.constant(ConstTensors.lowest(et)));
            if (node.hasInput(2)) operands.add(node.input(2));
        }
        return node.create(node.onnxOpName(), operands, attrs);
    }
}
