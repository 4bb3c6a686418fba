package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code Shape} (with Shape-15's {@code start}/{@code end}) and {@code Size}: when the input's shape is static
 * the answer is a constant, which lets the shape arithmetic behind it fold away; otherwise one-to-one.
 */
final class ShapeImporter implements OpImporter {
    private final boolean size;

    ShapeImporter(boolean size) { this.size = size; }

    @Override public List<Value> importNode(NodeContext node) {
        TensorType in = node.inputType(0);
        Map<String, Attribute> attrs = node.attributes();
        if (!in.hasStaticShape() || !node.folding()) return node.create(node.onnxOpName(), node.presentInputs(), attrs);
        if (size) return List.of(node.constant(ConstTensors.scalar(ElementType.I64, in.numElements())));
        int rank = in.rank();
        int start = clampedIndex(attrs.get("start"), 0, rank);
        int end = clampedIndex(attrs.get("end"), rank, rank);
        long[] dims = Arrays.copyOfRange(in.shape(), start, Math.max(start, end));
        Tensor value = ConstTensors.i64Vector(dims);
        return List.of(node.constant(value));
    }

    /** ONNX's rule: negative indices count from the back, then clamp to [0, rank]. */
    private static int clampedIndex(Attribute a, int dflt, int rank) {
        if (!(a instanceof IntegerAttr i)) return dflt;
        long v = i.value() < 0 ? i.value() + rank : i.value();
        return (int) Math.max(0, Math.min(rank, v));
    }
}
