package dev.xamba.ir.ops.ov;

import java.util.List;

/**
 * How an {@code ov} op is spelled in OpenVINO IR v11: the layer {@code type} (e.g. {@code ReLU}, {@code Const}),
 * the {@code version} (the opset that introduced this op version, e.g. {@code opset3} for CumSum-3) and the names
 * of the op attributes that go into the layer's {@code <data>} element, in the order OpenVINO's serializer writes
 * them. The op's attribute names are OpenVINO's own, so the writer needs no second table.
 *
 * @param type the IR layer type
 * @param version the opset name of this op version
 * @param dataAttributes attribute names written into {@code <data>}, in order (each one is written, with the
 *                       op's value or its declared default)
 */
public record OvLayerInfo(String type, String version, List<String> dataAttributes) {
    public OvLayerInfo {
        dataAttributes = List.copyOf(dataAttributes);
    }

    /** An {@code opset1} layer whose data attributes are {@code dataAttributes}. */
    public static OvLayerInfo opset1(String type, List<String> dataAttributes) {
        return new OvLayerInfo(type, "opset1", dataAttributes);
    }
}
