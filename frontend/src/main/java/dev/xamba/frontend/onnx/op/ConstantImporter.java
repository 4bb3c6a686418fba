package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code Constant}: the tensor of {@code value}, or the equivalent tensor of {@code value_float} (f32 scalar),
 * {@code value_floats} (1-D f32), {@code value_int} (i64 scalar) or {@code value_ints} (1-D i64).
 */
final class ConstantImporter implements OpImporter {
    @Override public List<Value> importNode(NodeContext node) {
        Map<String, Attribute> attrs = node.attributes();
        if (attrs.size() != 1) {
            throw node.error("needs exactly one value attribute, got " + (attrs.isEmpty() ? "none" : attrs.keySet()));
        }
        Map.Entry<String, Attribute> e = attrs.entrySet().iterator().next();
        Attribute value = switch (e.getKey()) {
            case "value" -> {
                if (!(e.getValue() instanceof DenseElementsAttr) && !(e.getValue() instanceof DenseResourceAttr)) {
                    throw node.error("attribute 'value' must be a tensor");
                }
                yield e.getValue();
            }
            case "value_float" -> new DenseElementsAttr(ConstTensors.scalar(ElementType.F32, floatOf(node, e.getValue())));
            case "value_int" -> new DenseElementsAttr(ConstTensors.scalar(ElementType.I64, intOf(node, e.getValue())));
            case "value_ints" -> new DenseElementsAttr(ConstTensors.i64Vector(AttrValues.ints(node, attrs, "value_ints")));
            case "value_floats" -> new DenseElementsAttr(floats(node, e.getValue()));
            default -> throw node.error("attribute '" + e.getKey() + "' is not supported (sparse and string constants are not)");
        };
        return node.create("onnx.Constant", List.of(), Map.of("value", value));
    }

    private static double floatOf(NodeContext node, Attribute a) {
        if (a instanceof FloatAttr f) return f.value();
        throw node.error("attribute 'value_float' must be a float");
    }

    private static long intOf(NodeContext node, Attribute a) {
        if (a instanceof IntegerAttr i) return i.value();
        throw node.error("attribute 'value_int' must be an integer");
    }

    private static Tensor floats(NodeContext node, Attribute a) {
        if (!(a instanceof ArrayAttr arr)) throw node.error("attribute 'value_floats' must be a list of floats");
        double[] v = new double[arr.elements().size()];
        for (int i = 0; i < v.length; i++) {
            if (!(arr.elements().get(i) instanceof FloatAttr f)) throw node.error("attribute 'value_floats' must be a list of floats");
            v[i] = f.value();
        }
        return Tensor.ofDoubles(TensorType.of(ElementType.F32, v.length), v);
    }

    @Override public String requiredOp(String opType) { return "onnx.Constant"; }
}
