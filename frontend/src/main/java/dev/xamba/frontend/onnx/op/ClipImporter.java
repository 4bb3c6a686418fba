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
 * attributes, which become inputs of the input's element type, defaulting to ∓3.402823e+38 as its spec says (so
 * an infinite input is clipped to the largest float there, not kept).
 */
final class ClipImporter implements OpImporter {
    /** Clip-6's default bounds, ∓ this: 3.402823e+38 as a float attribute, that is Float.MAX_VALUE. */
    private static final double CLIP6_LIMIT = Float.MAX_VALUE;

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
            operands.add(node.constant(ConstTensors.scalar(et, min != null ? min : -CLIP6_LIMIT)));
            operands.add(node.constant(ConstTensors.scalar(et, max != null ? max : CLIP6_LIMIT)));
        } else {
            if (node.hasInput(1)) operands.add(node.input(1));
            else if (node.hasInput(2)) operands.add(node.constant(ConstTensors.lowest(et)));
            if (node.hasInput(2)) operands.add(node.input(2));
        }
        return node.create(node.onnxOpName(), operands, attrs);
    }
}
