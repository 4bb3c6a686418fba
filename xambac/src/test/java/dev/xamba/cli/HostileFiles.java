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

    /** OpenVINO IR adding a constant f32[2] (8 bytes at offset 0 of the .bin beside it) to its parameter. */
    static final String OV_IR_WITH_CONST = """
            <?xml version="1.0"?>
            <net name="addc" version="11">
              <layers>
                <layer id="0" name="x" type="Parameter" version="opset1">
                  <data shape="2" element_type="f32"/>
                  <output><port id="0" precision="FP32" names="x"><dim>2</dim></port></output>
                </layer>
                <layer id="1" name="c" type="Const" version="opset1">
                  <data element_type="f32" shape="2" offset="0" size="8"/>
                  <output><port id="0" precision="FP32"><dim>2</dim></port></output>
                </layer>
                <layer id="2" name="sum" type="Add" version="opset1">
                  <data auto_broadcast="numpy"/>
                  <input><port id="0" precision="FP32"><dim>2</dim></port><port id="1" precision="FP32"><dim>2</dim></port></input>
                  <output><port id="2" precision="FP32" names="sum"><dim>2</dim></port></output>
                </layer>
                <layer id="3" name="out" type="Result" version="opset1">
                  <input><port id="0" precision="FP32"><dim>2</dim></port></input>
                </layer>
              </layers>
              <edges>
                <edge from-layer="0" from-port="0" to-layer="2" to-port="0"/>
                <edge from-layer="1" from-port="0" to-layer="2" to-port="1"/>
                <edge from-layer="2" from-port="2" to-layer="3" to-port="0"/>
              </edges>
            </net>
            """;

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
