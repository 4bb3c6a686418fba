package dev.xamba.frontend.onnx.graph;

import dev.xamba.frontend.onnx.model.TensorReader;
import dev.xamba.frontend.onnx.proto.AttributeProto;
import dev.xamba.frontend.onnx.proto.AttributeProto.AttributeType;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.type.ElementType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ONNX attributes as IR attributes, keeping ONNX's names: INT → {@code i64}, FLOAT → {@code f32}, STRING →
 * string, INTS → array of i64, FLOATS → array of f32, TENSOR → a dense (or, when big, resource) tensor.
 */
final class AttributeConverter {
    private final TensorReader tensors;

    AttributeConverter(TensorReader tensors) { this.tensors = tensors; }

    /**
     * The attributes of one node; a big tensor attribute becomes a resource named after {@code resourceName};
     * {@code errors} turns a message into the node's error.
     */
    Map<String, Attribute> convert(List<AttributeProto> protos, Supplier<String> nodeWhat, String resourceName,
                                   Function<String, RuntimeException> errors) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        for (AttributeProto a : protos) {
            if (a.getName().isEmpty()) throw errors.apply("has an attribute without a name");
            if (!a.getRefAttrName().isEmpty()) {
                throw errors.apply("attribute '" + a.getName() + "' refers to a function attribute, which is only valid inside functions");
            }
            if (out.put(a.getName(), convert(a, nodeWhat, resourceName, errors)) != null) {
                throw errors.apply("has attribute '" + a.getName() + "' twice");
            }
        }
        return out;
    }

    private Attribute convert(AttributeProto a, Supplier<String> nodeWhat, String resourceName,
                              Function<String, RuntimeException> errors) {
        AttributeType type = a.getType() != AttributeType.UNDEFINED ? a.getType() : guessType(a);
        return switch (type) {
            case INT -> IntegerAttr.i64(a.getI());
            case FLOAT -> new FloatAttr(a.getF(), ElementType.F32);
            case STRING -> new StringAttr(a.getS().toString(StandardCharsets.UTF_8));
            case INTS -> {
                long[] v = new long[a.getIntsCount()];
                for (int i = 0; i < v.length; i++) v[i] = a.getInts(i);
                yield ArrayAttr.ofLongs(v);
            }
            case FLOATS -> {
                List<Attribute> fs = new ArrayList<>(a.getFloatsCount());
                for (int i = 0; i < a.getFloatsCount(); i++) fs.add(new FloatAttr(a.getFloats(i), ElementType.F32));
                yield new ArrayAttr(fs);
            }
            case TENSOR -> tensors.read(a.getT(), "tensor of attribute '" + a.getName() + "' of " + nodeWhat.get(), resourceName);
            default -> throw errors.apply("attribute '" + a.getName() + "' has type " + type + ", which xamba does not support");
        };
    }

    /** IR version 1 files may leave {@code type} unset; the filled field tells. */
    private static AttributeType guessType(AttributeProto a) {
        if (a.hasT()) return AttributeType.TENSOR;
        if (a.hasG()) return AttributeType.GRAPH;
        if (a.getIntsCount() > 0) return AttributeType.INTS;
        if (a.getFloatsCount() > 0) return AttributeType.FLOATS;
        if (a.getStringsCount() > 0) return AttributeType.STRINGS;
        if (!a.getS().isEmpty()) return AttributeType.STRING;
        if (a.getF() != 0) return AttributeType.FLOAT;
        return AttributeType.INT;
    }
}
