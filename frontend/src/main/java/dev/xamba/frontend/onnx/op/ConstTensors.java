package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/** Small constant tensors that importers materialize: index vectors and ONNX's defaults for optional inputs. */
final class ConstTensors {
    private ConstTensors() {}

    static Tensor i64Vector(long... values) {
        return Tensor.ofLongs(TensorType.of(ElementType.I64, values.length), values.clone());
    }

    /** A rank-0 tensor of {@code et} holding {@code value} (rounded or wrapped to the type). */
    static Tensor scalar(ElementType et, double value) {
        TensorType t = TensorType.scalar(et);
        return et.isFloat() ? Tensor.ofDoubles(t, new double[] {value}) : Tensor.ofLongs(t, new long[] {(long) value});
    }

    /**
     * A rank-0 tensor of {@code et} holding the integer {@code value}: exact for integer types (through a double,
     * {@code value_int} 2^53 + 1 became 2^53), rounded once for floats.
     */
    static Tensor scalar(ElementType et, long value) {
        TensorType t = TensorType.scalar(et);
        return et.isFloat() ? Tensor.ofIntegers(t, new long[] {value}) : Tensor.ofLongs(t, new long[] {value});
    }

    /** The smallest value of the type: -inf for floats. */
    static Tensor lowest(ElementType et) {
        if (et.isFloat()) return scalar(et, Double.NEGATIVE_INFINITY);
        return Tensor.ofLongs(TensorType.scalar(et), new long[] {switch (et) {
            case I64 -> Long.MIN_VALUE;
            case I32 -> Integer.MIN_VALUE;
            case I16 -> Short.MIN_VALUE;
            case I8 -> Byte.MIN_VALUE;
            default -> 0; // u8 and i1
        }});
    }

    /** The largest value of the type: +inf for floats. */
    static Tensor highest(ElementType et) {
        if (et.isFloat()) return scalar(et, Double.POSITIVE_INFINITY);
        return Tensor.ofLongs(TensorType.scalar(et), new long[] {switch (et) {
            case I64 -> Long.MAX_VALUE;
            case I32 -> Integer.MAX_VALUE;
            case I16 -> Short.MAX_VALUE;
            case I8 -> Byte.MAX_VALUE;
            case U8 -> 255;
            default -> 1; // i1
        }});
    }

    /** A 1-D i64 constant of 0, 1, ..., n-1. */
    static Tensor iota(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.ofLongs(TensorType.of(ElementType.I64, n), v);
    }
}
