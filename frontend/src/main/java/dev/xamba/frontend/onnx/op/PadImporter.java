package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.type.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Pad}: from opset 11 {@code pads}, {@code constant_value} and (18) {@code axes} are inputs; an absent
 * {@code constant_value} before a present {@code axes} becomes 0 of the data's type. Pad-2 carries
 * {@code pads} and {@code value} as attributes, which become constant inputs.
 */
final class PadImporter implements OpImporter {
    private final boolean attributeForm;

    PadImporter(boolean attributeForm) { this.attributeForm = attributeForm; }

    @Override public List<Value> importNode(NodeContext node) {
        ElementType et = node.inputType(0).elementType();
        Map<String, Attribute> attrs = node.attributes();
        List<Value> operands = new ArrayList<>();
        operands.add(node.input(0));
        if (attributeForm) {
            long[] pads = AttrValues.ints(node, attrs, "pads");
            if (pads == null) throw node.error("requires attribute 'pads'");
            Double value = AttrValues.floatValue(node, attrs, "value");
            attrs.remove("pads");
            attrs.remove("value");
            operands.add(node.constant(ConstTensors.i64Vector(pads)));
            if (value != null) operands.add(node.constant(ConstTensors.scalar(et, value)));
        } else {
            operands.add(node.input(1));
            if (node.hasInput(2)) operands.add(node.input(2));
            else if (node.hasInput(3)) operands.add(node.constant(ConstTensors.scalar(et, 0)));
            if (node.hasInput(3)) operands.add(node.input(3));
        }
        return node.create(node.onnxOpName(), operands, attrs);
    }
}
