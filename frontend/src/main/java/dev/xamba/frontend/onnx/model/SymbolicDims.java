package dev.xamba.frontend.onnx.model;

import dev.xamba.frontend.onnx.proto.TensorShapeProto;
import dev.xamba.frontend.onnx.proto.ValueInfoProto;
import dev.xamba.ir.type.TensorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sizes the user's shapes give the graph inputs' named dimensions ({@code dim_param}). ONNX names a size by
 * its {@code dim_param}: every dimension of that name is the same size, so fixing {@code batch} in one input's
 * shape fixes it in every input that has it (it stayed dynamic in the others, and a model with two inputs needed
 * both shapes given, or kept run-time shape arithmetic for the one left out).
 */
public final class SymbolicDims {
    private final Map<String, Long> sizes;

    private SymbolicDims(Map<String, Long> sizes) { this.sizes = sizes; }

    /**
     * The sizes {@code given} (a full shape by input name, {@link TensorType#DYNAMIC} where it leaves a dimension
     * open) gives the named dimensions of {@code inputs}; two inputs that give one name two sizes are an error.
     */
    public static SymbolicDims of(List<ValueInfoProto> inputs, Function<String, long[]> given, SourceFile file) {
        Map<String, Long> sizes = new HashMap<>();
        Map<String, String> givenBy = new HashMap<>();
        for (ValueInfoProto in : inputs) {
            long[] shape = given.apply(in.getName());
            TensorShapeProto declared = shapeOf(in);
            if (shape == null || declared == null || declared.getDimCount() != shape.length) continue; // ValueTypes reports a rank mismatch
            for (int i = 0; i < shape.length; i++) {
                TensorShapeProto.Dimension d = declared.getDim(i);
                if (!d.hasDimParam() || d.getDimParam().isEmpty() || shape[i] == TensorType.DYNAMIC) continue;
                Long earlier = sizes.putIfAbsent(d.getDimParam(), shape[i]);
                if (earlier == null) {
                    givenBy.put(d.getDimParam(), in.getName());
                } else if (earlier != shape[i]) {
                    String first = givenBy.get(d.getDimParam());
                    throw file.error(first.equals(in.getName())
                            ? "the given shape of input '" + first + "' makes dimension '" + d.getDimParam() + "' both " + earlier
                                    + " and " + shape[i] + "; the model names one size so"
                            : "the given shapes make dimension '" + d.getDimParam() + "' " + earlier + " in input '" + first
                                    + "' and " + shape[i] + " in input '" + in.getName() + "'; the model names one size so");
                }
            }
        }
        return new SymbolicDims(sizes);
    }

    /**
     * The shape to import {@code input} with: the given one, or none, with each open dimension that another input's
     * shape has fixed by its name filled in; null when nothing is given or fixed for it.
     */
    public long[] shapeOf(ValueInfoProto input, long[] given) {
        TensorShapeProto declared = shapeOf(input);
        if (sizes.isEmpty() || declared == null || (given != null && given.length != declared.getDimCount())) return given;
        long[] shape = null;
        for (int i = 0; i < declared.getDimCount(); i++) {
            TensorShapeProto.Dimension d = declared.getDim(i);
            Long size = d.hasDimParam() ? sizes.get(d.getDimParam()) : null;
            if (size == null || (given != null && given[i] != TensorType.DYNAMIC)) continue;
            if (shape == null) shape = given != null ? given.clone() : openShape(declared);
            shape[i] = size;
        }
        return shape != null ? shape : given;
    }

    /** The declared dimensions, the fixed ones as they are and the rest open. */
    private static long[] openShape(TensorShapeProto declared) {
        long[] shape = new long[declared.getDimCount()];
        for (int i = 0; i < shape.length; i++) {
            TensorShapeProto.Dimension d = declared.getDim(i);
            shape[i] = d.hasDimValue() && d.getDimValue() >= 0 ? d.getDimValue() : TensorType.DYNAMIC;
        }
        return shape;
    }

    private static TensorShapeProto shapeOf(ValueInfoProto info) {
        if (!info.hasType() || !info.getType().hasTensorType() || !info.getType().getTensorType().hasShape()) return null;
        return info.getType().getTensorType().getShape();
    }
}
