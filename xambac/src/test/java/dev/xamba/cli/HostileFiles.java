package dev.xamba.cli;

import com.google.protobuf.ByteString;
import dev.xamba.frontend.onnx.proto.AttributeProto;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.NodeProto;
import dev.xamba.frontend.onnx.proto.OperatorSetIdProto;
import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.frontend.onnx.proto.TensorShapeProto;
import dev.xamba.frontend.onnx.proto.TypeProto;
import dev.xamba.frontend.onnx.proto.ValueInfoProto;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.Npy;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small input files written in code for the hostile-input suite: ONNX models, textual IR, .npy arrays, FIFOs. */
final class HostileFiles {
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;

    private HostileFiles() {}

    static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("xamba-hostile")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph.setName("g")).build();
    }

    /** A value info; each dim is a number (fixed) or a String (symbolic). */
    static ValueInfoProto tensor(String name, int elemType, Object... dims) {
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

    static NodeProto node(String name, String op, List<String> in, List<String> out, AttributeProto... attrs) {
        return NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(in).addAllOutput(out).addAllAttribute(List.of(attrs)).build();
    }

    static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto tensorAttr(String name, TensorProto t) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
    }

    static TensorProto floats(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT).setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) t.addDims(d);
        return t.build();
    }

    static TensorProto longs(String name, long[] dims, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(INT64);
        for (long d : dims) t.addDims(d);
        for (long v : values) t.addInt64Data(v);
        return t.build();
    }

    /** A float tensor stored in {@code location} (relative to the model) at offset 0. */
    static TensorProto external(String name, long[] dims, String location) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        for (long d : dims) t.addDims(d);
        return t.build();
    }

    static long[] dims(long... d) { return d; }

    /** x (f32[2]) → Relu → y: the smallest valid model. */
    static GraphProto.Builder relu() {
        return GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2)).addNode(node("r", "Relu", List.of("x"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2));
    }

    static Path write(Path file, ModelProto m) throws IOException {
        Files.write(file, m.toByteArray());
        return file;
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    static Path npy(Path file, ElementType et, long[] shape, double... values) throws IOException {
        TensorType t = TensorType.of(et, shape);
        Npy.write(file, et.isFloat() ? Tensor.ofDoubles(t, values)
                : Tensor.ofLongs(t, java.util.Arrays.stream(values).mapToLong(v -> (long) v).toArray()));
        return file;
    }

    static Path fifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException("mkfifo failed");
        return file;
    }

    /** A function adding its argument to itself: valid textual IR. */
    static final String VALID_XIR = """
            module {
              func.func @main(%arg0: tensor<2xf32>) -> tensor<2xf32> {
                %0 = "ov.Add"(%arg0, %arg0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                func.return %0 : tensor<2xf32>
              }
            }
            """;

    /** {@link #VALID_XIR} with {@code body} as the function's ops before the return of {@code %r}. */
    static String xirFunction(String args, String resultType, String body) {
        return "module {\n  func.func @main(" + args + ") -> " + resultType + " {\n" + body + "\n    func.return %r : " + resultType
                + "\n  }\n}\n";
    }
}
