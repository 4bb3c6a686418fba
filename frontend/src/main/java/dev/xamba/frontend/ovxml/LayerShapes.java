package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.frontend.ovxml.IrNet.Port;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.OvIrText;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/**
 * Types spelled in a layer: element types, Const and Parameter shapes and port precisions, each checked so that a
 * hostile file gets a one-line error naming the layer, never an overflow or an exception from deep inside.
 */
final class LayerShapes {
    private LayerShapes() {}

    /** A mandatory {@code <data>} attribute. */
    static String data(Layer layer, String attribute, IrSource source) {
        String v = layer.data().get(attribute);
        if (v == null) throw source.error(layer, "the mandatory data attribute '" + attribute + "' is missing");
        return v;
    }

    static ElementType elementType(Layer layer, String attribute, IrSource source) {
        String name = data(layer, attribute, source);
        return OvElementTypes.fromIrName(name).orElseThrow(() -> source.error(layer, attribute + " \"" + name
                + "\" is not supported (xamba has f64 f32 f16 bf16 i64 i32 i16 i8 u8 boolean)"));
    }

    /** A Const's static {@code shape}. */
    static long[] constShape(Layer layer, IrSource source) {
        String text = data(layer, "shape", source);
        long[] dims;
        try {
            dims = OvIrText.parseLongs(text);
        } catch (IllegalArgumentException e) {
            throw source.error(layer, "shape: " + e.getMessage());
        }
        for (long d : dims) if (d < 0) throw source.error(layer, "shape \"" + text + "\" has a negative dimension");
        return checkRank(layer, dims, source);
    }

    /** A Parameter's type: {@code element_type} and the partial {@code shape}. */
    static TensorType parameterType(Layer layer, IrSource source) {
        ElementType et = elementType(layer, "element_type", source);
        String text = data(layer, "shape", source);
        TensorType type;
        try {
            type = TensorType.of(et, checkRank(layer, OvIrText.parsePartialShape(text), source));
        } catch (IllegalArgumentException e) {
            throw source.error(layer, "shape \"" + text + "\": " + e.getMessage());
        }
        byteSize(layer, type, source); // an input no memory can hold is the file's error, named here
        return type;
    }

    /** The bytes a static {@code type} takes, or an error when that overflows 64 bits. */
    static long byteSize(Layer layer, TensorType type, IrSource source) {
        try {
            long[] dims = type.shape();
            for (int i = 0; i < dims.length; i++) if (dims[i] == TensorType.DYNAMIC) dims[i] = 1;
            long n = ElementCounts.product(dims, () -> "the element count of " + type);
            return ElementCounts.multiply(n, type.elementType().byteWidth(), () -> "the byte size of " + type);
        } catch (RuntimeException e) {
            throw source.error(layer, e.getMessage());
        }
    }

    /** The type an output port declares: its precision and dims (-1 dynamic); empty precision when unknown. */
    static TensorType portType(Layer layer, Port port, IrSource source) {
        ElementType et = OvElementTypes.fromPrecision(port.precision()).orElseThrow(() -> source.error(layer, "output port "
                + port.id() + " has precision \"" + port.precision() + "\", which xamba does not support"));
        return TensorType.of(et, checkRank(layer, port.dims(), source));
    }

    private static long[] checkRank(Layer layer, long[] dims, IrSource source) {
        if (dims.length > ElementCounts.MAX_RANK) {
            throw source.error(layer, "has " + dims.length + " dims, more than the " + ElementCounts.MAX_RANK + " xamba accepts");
        }
        return dims;
    }
}
