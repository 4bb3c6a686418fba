package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.ov.OvIrText;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A layer's {@code <data>} as the attributes of its {@code ov} op: each value parsed as the kind the op declares
 * ({@link OvIrText#parse}, the inverse of the writer's spelling). An attribute the op does not declare is an error
 * rather than dropped, since it could change what the layer computes; an attribute the file leaves out takes the
 * op's default, which is OpenVINO's.
 */
final class DataAttributes {
    private DataAttributes() {}

    static Map<String, Attribute> of(Layer layer, OvOpDefinition def, IrSource source) {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : layer.data().entrySet()) {
            Optional<AttrSpec> spec = def.attrSpec(e.getKey());
            if (spec.isEmpty()) {
                throw source.error(layer, "data attribute '" + e.getKey() + "' is not one xamba knows for " + layer.type()
                        + declared(def));
            }
            try {
                attrs.put(e.getKey(), OvIrText.parse(e.getValue(), spec.get().kind()));
            } catch (IllegalArgumentException bad) {
                throw source.error(layer, "data attribute '" + e.getKey() + "': " + bad.getMessage());
            }
        }
        for (AttrSpec spec : def.attributes()) {
            if (spec.required() && !attrs.containsKey(spec.name())) {
                throw source.error(layer, "the mandatory data attribute '" + spec.name() + "' is missing");
            }
        }
        return attrs;
    }

    private static String declared(OvOpDefinition def) {
        if (def.attributes().isEmpty()) return " (it has none)";
        StringJoiner j = new StringJoiner(", ", " (it has ", ")");
        for (AttrSpec s : def.attributes()) j.add(s.name());
        return j.toString();
    }
}
