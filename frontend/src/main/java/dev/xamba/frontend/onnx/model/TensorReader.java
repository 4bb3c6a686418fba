package dev.xamba.frontend.onnx.model;

import com.google.protobuf.ByteString;
import dev.xamba.frontend.common.ConstantAttrs;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/**
 * Decodes a {@code TensorProto} (an initializer or a tensor attribute) into a constant attribute. Data comes
 * from {@code raw_data}, from external data, or from the typed fields ({@code float_data}, {@code int32_data}
 * for the narrow integer, boolean and 16-bit float types, {@code int64_data}, {@code double_data}); its size
 * is checked against the dimensions before anything is read.
 */
public final class TensorReader {
    private final SourceFile file;
    private final ExternalData external;
    private final ConstantAttrs attrs;
    private final InitializerRegions regions;

    public TensorReader(SourceFile file, ExternalData external, ConstantAttrs attrs, InitializerRegions regions) {
        this.file = file;
        this.external = external;
        this.attrs = attrs;
        this.regions = regions;
    }

    /** The tensor as a constant attribute; {@code what} names it in errors ("initializer 'w'"). */
    public Attribute read(TensorProto t, String what) {
        return read(t, what, t.getName());
    }

    /** {@link #read(TensorProto, String)}, naming a resource blob after {@code resourceName} if the tensor is big. */
    public Attribute read(TensorProto t, String what, String resourceName) {
        TensorType type = typeOf(t, what);
        long n = type.numElements();
        long byteSize = n * type.elementType().byteWidth();
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            ExternalData.Slice slice = external.slice(t, byteSize, what);
            return attrs.fromBytes(type, slice.bytes(), slice.region(), resourceName);
        }
        if (n > 0 && t.getRawData().isEmpty() && !hasTypedData(t)) {
            throw file.error(what + " has no data (neither raw_data, typed values nor external data) for its " + n + " elements");
        }
        if (!t.getRawData().isEmpty() || (n == 0 && !hasTypedData(t))) {
            ByteString raw = t.getRawData();
            if (raw.size() != byteSize) {
                throw file.error(what + ": raw_data holds " + raw.size() + " bytes but " + type + " needs " + byteSize);
            }
            return attrs.fromBytes(type, raw.asReadOnlyByteBuffer(), regions.of(t), resourceName);
        }
        return attrs.fromTensor(fromTypedFields(t, type, (int) n, what), resourceName);
    }

    /** The static tensor type of {@code t}, checking dimensions for negative values and overflow. */
    public TensorType typeOf(TensorProto t, String what) {
        ElementType et = ElementTypes.require(t.getDataType(), what, file);
        long[] dims = new long[t.getDimsCount()];
        long n = 1;
        for (int i = 0; i < dims.length; i++) {
            long d = t.getDims(i);
            if (d < 0) throw file.error(what + " has negative dimension " + d);
            dims[i] = d;
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw file.error(what + " has dimensions " + t.getDimsList() + " whose element count overflows");
            }
        }
        if (n > Integer.MAX_VALUE / et.byteWidth()) {
            throw file.error(what + " has " + n + " elements, more than the 2 GB one tensor may hold");
        }
        return TensorType.of(et, dims);
    }

    private static boolean hasTypedData(TensorProto t) {
        return t.getFloatDataCount() + t.getInt32DataCount() + t.getInt64DataCount() + t.getDoubleDataCount()
                + t.getUint64DataCount() > 0;
    }

    private Tensor fromTypedFields(TensorProto t, TensorType type, int n, String what) {
        ElementType et = type.elementType();
        switch (et) {
            case F32 -> {
                checkCount(t.getFloatDataCount(), n, "float_data", type, what);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = t.getFloatData(i);
                return Tensor.ofDoubles(type, v);
            }
            case F64 -> {
                checkCount(t.getDoubleDataCount(), n, "double_data", type, what);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = t.getDoubleData(i);
                return Tensor.ofDoubles(type, v);
            }
            case F16, BF16 -> {
                checkCount(t.getInt32DataCount(), n, "int32_data", type, what);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    short bits = (short) t.getInt32Data(i); // the raw 16-bit pattern sits in the low half
                    v[i] = et == ElementType.F16 ? HalfFloat.toFloat(bits) : HalfFloat.bf16ToFloat(bits);
                }
                return Tensor.ofDoubles(type, v);
            }
            case I64 -> {
                checkCount(t.getInt64DataCount(), n, "int64_data", type, what);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = t.getInt64Data(i);
                return Tensor.ofLongs(type, v);
            }
            default -> {
                checkCount(t.getInt32DataCount(), n, "int32_data", type, what);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = t.getInt32Data(i);
                return Tensor.ofLongs(type, v);
            }
        }
    }

    private void checkCount(int count, int n, String field, TensorType type, String what) {
        if (count != n) throw file.error(what + ": " + field + " holds " + count + " values but " + type + " needs " + n);
    }
}
