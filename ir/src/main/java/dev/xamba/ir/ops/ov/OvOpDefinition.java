package dev.xamba.ir.ops.ov;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Trait;
import java.util.List;
import java.util.Optional;

/**
 * An op of the {@code ov} dialect: one OpenVINO layer type and version. Besides what every op definition has, it
 * knows its IR spelling ({@link #layerInfo()}); every attribute it declares is an OpenVINO {@code <data>}
 * attribute with OpenVINO's name and default.
 */
public abstract class OvOpDefinition extends OpDefinition {
    private final OvLayerInfo layerInfo;

    /**
     * @param irType the IR layer type, e.g. {@code ReLU}; the op is named {@code ov.<irType>}
     * @param version the introducing opset, e.g. {@code opset1}
     */
    protected OvOpDefinition(String irType, String version, String summary, int minOperands, int maxOperands,
                             List<AttrSpec> attributes, Trait... traits) {
        this("ov." + irType, new OvLayerInfo(irType, version, names(attributes)), summary, minOperands, maxOperands, attributes, traits);
    }

    /** A loop, not a stream: every ov op definition runs this when the dialect registers, at each start. */
    private static List<String> names(List<AttrSpec> attributes) {
        String[] names = new String[attributes.size()];
        for (int i = 0; i < names.length; i++) names[i] = attributes.get(i).name();
        return List.of(names);
    }

    /** For ops whose name or data attributes differ from the defaults (the constant). */
    protected OvOpDefinition(String name, OvLayerInfo layerInfo, String summary, int minOperands, int maxOperands,
                             List<AttrSpec> attributes, Trait... traits) {
        super(name, summary, minOperands, maxOperands, attributes, traits);
        this.layerInfo = layerInfo;
    }

    /** The IR layer type, version and data attributes of this op. */
    public final OvLayerInfo layerInfo() { return layerInfo; }

    /** The layer info of a registered {@code ov} op, or empty for any other op. */
    public static Optional<OvLayerInfo> layerInfoOf(Operation op) {
        return op.definition().filter(d -> d instanceof OvOpDefinition).map(d -> ((OvOpDefinition) d).layerInfo());
    }
}
