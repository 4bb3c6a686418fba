package dev.xamba.frontend.onnx;

import com.google.protobuf.ByteString;
import dev.xamba.frontend.onnx.proto.AttributeProto;
import dev.xamba.frontend.onnx.proto.AttributeProto.AttributeType;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.NodeProto;
import dev.xamba.frontend.onnx.proto.OperatorSetIdProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.frontend.onnx.proto.TensorProto.DataType;
import dev.xamba.frontend.onnx.proto.TensorShapeProto;
import dev.xamba.frontend.onnx.proto.TypeProto;
import dev.xamba.frontend.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small ONNX models written in code with the generated protobuf classes. */
public final class OnnxBuilder {
    private OnnxBuilder() {}

    public static final int FLOAT = DataType.FLOAT_VALUE;
    public static final int INT64 = DataType.INT64_VALUE;

    public static ModelProto model(long opset, GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("xamba-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph.setName("test_graph")).build();
    }

    public static GraphProto.Builder graph() { return GraphProto.newBuilder(); }

    /** A tensor value info; each dim is a Long/Integer (fixed) or a String (symbolic). */
    public static ValueInfoProto tensor(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) b.setDimParam(s);
            else b.setDimValue(((Number) d).longValue());
            shape.addDim(b);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    public static NodeProto node(String name, String opType, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        return NodeProto.newBuilder().setName(name).setOpType(opType).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attrs)).build();
    }

    public static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
    }

    public static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(v).build();
    }

    public static AttributeProto intsAttr(String name, long... v) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long x : v) b.addInts(x);
        return b.build();
    }

    public static AttributeProto stringAttr(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING).setS(ByteString.copyFromUtf8(v)).build();
    }

    public static AttributeProto tensorAttr(String name, TensorProto t) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(t).build();
    }

    /** A float tensor stored as little-endian raw_data. */
    public static TensorProto floats(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return TensorProto.newBuilder().setName(name).setDataType(FLOAT).addAllDims(boxed(dims))
                .setRawData(ByteString.copyFrom(b.array())).build();
    }

    /** An i64 tensor stored in int64_data. */
    public static TensorProto longs(String name, long[] dims, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(INT64).addAllDims(boxed(dims));
        for (long v : values) t.addInt64Data(v);
        return t.build();
    }

    public static List<Long> boxed(long[] dims) { return java.util.Arrays.stream(dims).boxed().toList(); }

    public static long[] dims(long... d) { return d; }

    public static Path write(Path dir, String fileName, ModelProto model) {
        try {
            Path p = dir.resolve(fileName);
            Files.write(p, model.toByteArray());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
