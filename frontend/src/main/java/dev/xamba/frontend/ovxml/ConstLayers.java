package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.common.ConstantAttrs;
import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;

/**
 * {@code Const} layers as constant values: the {@code element_type} and {@code shape} of the {@code <data>} give
 * the type, {@code offset} and {@code size} the bytes in the {@code .bin}. Big constants stay views of the mapped
 * file ({@code dense_resource}), small ones become literals. An f16 weight stays f16: OpenVINO's compressed
 * weights (f16 {@code Const} → {@code Convert} to f32) are read as the two ops they are.
 */
final class ConstLayers {
    private final IrSource source;
    private final WeightsFile weights;
    private final ConstantAttrs constants;

    ConstLayers(IrSource source, WeightsFile weights, ConstantAttrs constants) {
        this.source = source;
        this.weights = weights;
        this.constants = constants;
    }

    Attribute value(Layer layer) {
        ElementType et = LayerShapes.elementType(layer, "element_type", source);
        long[] dims = LayerShapes.constShape(layer, source);
        long offset = number(layer, "offset");
        long size = number(layer, "size");
        TensorType type = TensorType.of(et, dims);
        long needed = LayerShapes.byteSize(layer, type, source);
        if (size < needed) {
            throw source.error(layer, "size " + size + " is too small for " + type + ", which needs " + needed + " bytes");
        }
        ByteBuffer bytes = weights.slice(layer, offset, size, needed);
        return constants.fromBytes(type, bytes, weights.region(offset, needed), layer.name());
    }

    private long number(Layer layer, String attribute) {
        String text = LayerShapes.data(layer, attribute, source);
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw source.error(layer, "data attribute '" + attribute + "' is \"" + text + "\", expected a non-negative integer");
    }
}
