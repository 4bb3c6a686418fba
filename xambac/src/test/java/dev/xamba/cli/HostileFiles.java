package dev.xamba.cli;

import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;

import dev.xamba.frontend.onnx.OnnxBuilder;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.Npy;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small input files written in code for the hostile-input suite: ONNX models, textual IR, .npy arrays, FIFOs. */
final class HostileFiles {

    private HostileFiles() {}

    /** An opset-17 model of {@code graph} (the frontend's {@link OnnxBuilder} builds the parts). */
    static ModelProto model(GraphProto.Builder graph) {
        return OnnxBuilder.model(17, graph);
    }

    /** A float tensor stored in {@code location} (relative to the model) at offset 0. */
    static TensorProto external(String name, long[] dims, String location) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        for (long d : dims) t.addDims(d);
        return t.build();
    }


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
