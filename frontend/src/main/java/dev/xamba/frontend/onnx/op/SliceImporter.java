package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Slice}: from opset 10 {@code starts}, {@code ends}, {@code axes}, {@code steps} are inputs; an absent
 * {@code axes} before present {@code steps} becomes {@code [0, 1, ..., n)} for n = the length of
 * {@code starts}. Slice-1 carries starts/ends/axes as attributes, which become constant inputs.
 */
final class SliceImporter implements OpImporter {
    private final boolean attributeForm;

    SliceImporter(boolean attributeForm) { this.attributeForm = attributeForm; }

    @Override public List<Value> importNode(NodeContext node) {
        Map<String, Attribute> attrs = node.attributes();
        List<Value> operands = new ArrayList<>();
        operands.add(node.input(0));
        if (attributeForm) {
            long[] starts = AttrValues.ints(node, attrs, "starts");
            long[] ends = AttrValues.ints(node, attrs, "ends");
            long[] axes = AttrValues.ints(node, attrs, "axes");
            if (starts == null || ends == null) throw node.error("requires attributes 'starts' and 'ends'");
            for (String a : List.of("starts", "ends", "axes")) attrs.remove(a);
            operands.add(node.constant(ConstTensors.i64Vector(starts)));
            operands.add(node.constant(ConstTensors.i64Vector(ends)));
            if (axes != null) operands.add(node.constant(ConstTensors.i64Vector(axes)));
        } else {
            operands.add(node.input(1));
            operands.add(node.input(2));
            if (node.hasInput(3)) operands.add(node.input(3));
            else if (node.hasInput(4)) operands.add(node.constant(ConstTensors.iota(startsLength(node))));
            if (node.hasInput(4)) operands.add(node.input(4));
        }
        return node.create(node.onnxOpName(), operands, attrs);
    }

    private static int startsLength(NodeContext node) {
        TensorType starts = node.inputType(1);
        if (starts.rank() != 1 || starts.isDynamicDim(0)) {
            throw node.error("'axes' is absent and the length of 'starts' (" + starts + ") is not known, so its default cannot be built");
        }
        return Math.toIntExact(starts.dim(0));
    }
}
