package dev.xamba.cli;

import static dev.xamba.cli.HostileCase.bad;
import static dev.xamba.cli.HostileCase.badCommandLine;
import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.cli.HostileFiles.external;
import static dev.xamba.frontend.onnx.OnnxBuilder.floats;
import static dev.xamba.cli.HostileFiles.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.cli.HostileFiles.relu;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.cli.HostileFiles.write;
import static dev.xamba.cli.HostileFiles.xirFunction;

import dev.xamba.frontend.onnx.OnnxBuilder;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Malformed ONNX and textual IR, as a user might hand them over by mistake or malice. */
class HostileModelsTest {
    private static String[] compile(Path dir, String name, ModelProto m) throws Exception {
        return new String[] {"compile", write(dir.resolve(name), m).toString(), "-o", dir.resolve("o.xml").toString()};
    }

    private static String[] compileBytes(Path dir, byte[] bytes) throws Exception {
        Files.write(dir.resolve("b.onnx"), bytes);
        return new String[] {"compile", dir.resolve("b.onnx").toString(), "-o", dir.resolve("o.xml").toString()};
    }

    private static String[] opt(Path dir, String text) throws Exception {
        return new String[] {"opt", write(dir.resolve("in.xir"), text).toString(), "-o", dir.resolve("out.xir").toString()};
    }

    private static GraphProto.Builder withExternal(String location) {
        return GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2)).addInitializer(external("w", dims(2), location))
                .addNode(node("add", "Add", List.of("x", "w"), List.of("y"))).addOutput(tensor("y", FLOAT, 2));
    }

    @TestFactory
    Stream<DynamicTest> onnx() {
        byte[] good = model(relu().addInitializer(floats("pad", dims(64), new float[64]))).toByteArray();
        return HostileCase.tests(
                bad("truncated ONNX", "b.onnx\": error: not a valid ONNX model", dir -> compileBytes(dir, Arrays.copyOf(good, good.length / 2))),
                bad("random bytes", "b.onnx\": error: not a valid ONNX model", dir -> {
                    byte[] b = new byte[4096];
                    new Random(11).nextBytes(b);
                    return compileBytes(dir, b);
                }),
                bad("wrong wire type", "Protocol message tag had invalid wire type", dir -> compileBytes(dir, new byte[] {0x3e, 0x01, 0x02})),
                bad("a group that never ends", "b.onnx\": error: not a valid ONNX model", dir -> compileBytes(dir, new byte[] {0x3b, 0x01, 0x02})),
                bad("empty file", "it has no graph", dir -> compileBytes(dir, new byte[0])),
                bad("text instead of protobuf", "b.onnx\": error: not a valid ONNX model", dir -> compileBytes(dir, "# a readme\nnothing here\n".getBytes())),
                bad("missing model", "nothing.onnx: no such file", dir -> new String[] {"compile", dir.resolve("nothing.onnx").toString(), "-o", dir.resolve("o.xml").toString()}),
                bad("model is a folder", "is a folder, expected a file", dir -> {
                    Files.createDirectory(dir.resolve("f.onnx"));
                    return new String[] {"compile", dir.resolve("f.onnx").toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("cycle", "the graph has a cycle or is not in topological order", dir -> compile(dir, "c.onnx", model(GraphProto.newBuilder()
                        .addInput(tensor("x", FLOAT, 2)).addNode(node("a", "Add", List.of("x", "b_out"), List.of("a_out")))
                        .addNode(node("b", "Relu", List.of("a_out"), List.of("b_out"))).addOutput(tensor("b_out", FLOAT, 2))))),
                bad("undefined node input", "input 'nowhere' is not produced by any node", dir -> compile(dir, "u.onnx", model(GraphProto.newBuilder()
                        .addInput(tensor("x", FLOAT, 2)).addNode(node("a", "Add", List.of("x", "nowhere"), List.of("y")))
                        .addOutput(tensor("y", FLOAT, 2))))),
                bad("undefined graph output", "graph output 'ghost' is not produced", dir -> compile(dir, "g.onnx", model(relu().addOutput(tensor("ghost", FLOAT, 2))))),
                bad("tensor produced twice", "tensor 'y' is produced by both", dir -> compile(dir, "t.onnx", model(relu()
                        .addNode(node("r2", "Relu", List.of("x"), List.of("y")))))),
                bad("unsupported operator", "node 'fft' (ai.onnx::DFT): unsupported operator", dir -> compile(dir, "o.onnx", model(GraphProto.newBuilder()
                        .addInput(tensor("x", FLOAT, 2)).addNode(node("fft", "DFT", List.of("x"), List.of("y"))).addOutput(tensor("y", FLOAT, 2))))),
                bad("type mismatch between Add operands", "node 'add' (ai.onnx::Add): 'onnx.Add' op operands #0 and #1 must have the same element type, got f32 and i64", dir -> compile(dir, "m.onnx", model(GraphProto.newBuilder()
                        .addInput(tensor("x", FLOAT, 2)).addInput(tensor("i", OnnxBuilder.INT64, 2))
                        .addNode(node("add", "Add", List.of("x", "i"), List.of("y"))).addOutput(tensor("y", FLOAT, 2))))),
                bad("negative dim in a graph input", "has negative dimension -5", dir -> compile(dir, "m.onnx", model(GraphProto.newBuilder()
                        .addInput(tensor("x", FLOAT, -5)).addNode(node("r", "Relu", List.of("x"), List.of("y"))).addOutput(tensor("y", FLOAT, -5))))),
                bad("raw_data shorter than the tensor", "raw_data holds 12 bytes but tensor<1000xf32> needs 4000", dir -> compile(dir, "m.onnx", model(relu()
                        .addInitializer(TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(1000)
                                .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[12])))
                        .addNode(node("a", "Add", List.of("y", "w"), List.of("z")))))),
                bad("external data with an absolute path", "is absolute", dir -> {
                    Files.write(dir.resolve("w.bin"), new byte[8]);
                    return compile(dir, "e.onnx", model(withExternal(dir.resolve("w.bin").toString())));
                }),
                bad("external data leaving the folder with ../", "leaves the model's folder", dir -> {
                    Files.createDirectory(dir.resolve("m"));
                    Files.write(dir.resolve("w.bin"), new byte[8]);
                    return new String[] {"compile", write(dir.resolve("m/e.onnx"), model(withExternal("../w.bin"))).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("external data through a symbolic link out of the folder", "through a symbolic link", dir -> {
                    Files.createDirectory(dir.resolve("m"));
                    Files.write(dir.resolve("w.bin"), new byte[8]);
                    Files.createSymbolicLink(dir.resolve("m/w.bin"), dir.resolve("w.bin"));
                    return new String[] {"compile", write(dir.resolve("m/e.onnx"), model(withExternal("w.bin"))).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("external data file missing", "does not exist", dir -> compile(dir, "e.onnx", model(withExternal("gone.bin")))),
                bad("external data too short", "runs past the end", dir -> {
                    Files.write(dir.resolve("w.bin"), new byte[3]);
                    return compile(dir, "e.onnx", model(withExternal("w.bin")));
                }),
                bad("external data is a FIFO", "is not a regular file", dir -> {
                    HostileFiles.fifo(dir.resolve("w.bin"));
                    return compile(dir, "e.onnx", model(withExternal("w.bin")));
                }),
                bad("a node calling a function the model defines", "node 'y' (custom::MyRelu): unsupported operator (a function "
                        + "the model defines: xamba does not inline model-local functions; onnx.inliner.inline_local_functions does)", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2))
                            .addNode(node("y", "MyRelu", List.of("x"), List.of("y")).toBuilder().setDomain("custom"))
                            .addOutput(tensor("y", FLOAT, 2));
                    ModelProto m = model(g).toBuilder()
                            .addOpsetImport(dev.xamba.frontend.onnx.proto.OperatorSetIdProto.newBuilder().setDomain("custom").setVersion(1))
                            .addFunctions(dev.xamba.frontend.onnx.proto.FunctionName.newBuilder().setName("MyRelu").setDomain("custom")).build();
                    return compile(dir, "f.onnx", m);
                }),
                bad("an input of a newer ONNX type, named", "input 'x' has element type INT4, which xamba does not support", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", TensorProto.DataType.INT4_VALUE, 2))
                            .addNode(node("r", "Identity", List.of("x"), List.of("y"))).addOutput(tensor("y", TensorProto.DataType.INT4_VALUE, 2));
                    return compile(dir, "i4.onnx", model(g));
                }),
                bad("--input-shape for an input that does not exist", "but the model has no such input", dir -> {
                    String[] a = compile(dir, "m.onnx", model(relu()));
                    return new String[] {a[0], a[1], a[2], a[3], "--input-shape", "nope=1x2"};
                }));
    }

    @TestFactory
    Stream<DynamicTest> textualIr() {
        String add = "    %r = \"ov.Add\"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>";
        return HostileCase.tests(
                bad("unbalanced braces", "in.xir:4:1: error: expected an operation or '}' but found end of input", dir -> opt(dir, "module {\n  func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {\n" + add + "\n")),
                bad("extra closing brace", "in.xir:7:1: error: expected '{-#' or end of input but found '}'", dir -> opt(dir, HostileFiles.VALID_XIR + "}\n")),
                bad("unknown op", "is not a registered operation", dir -> opt(dir, xirFunction("%a: tensor<2xf32>", "tensor<2xf32>",
                        "    %r = \"ov.Frobnicate\"(%a) : (tensor<2xf32>) -> tensor<2xf32>"))),
                // The function returns the mismatched type too: returning it as 2xf32 failed at the return instead.
                bad("type mismatch", "'ov.Add' op result #0 has type tensor<3xf32> but its operands and attributes give tensor<2xf32>",
                        dir -> opt(dir, xirFunction("%a: tensor<2xf32>", "tensor<3xf32>",
                        "    %r = \"ov.Add\"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<3xf32>"))),
                bad("redefinition of a value", "redefinition of value '%r'", dir -> opt(dir, xirFunction("%a: tensor<2xf32>", "tensor<2xf32>", add + "\n" + add))),
                bad("use of an undefined value", "use of undefined value '%zz'", dir -> opt(dir, xirFunction("%a: tensor<2xf32>", "tensor<2xf32>",
                        "    %r = \"ov.Add\"(%a, %zz) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>"))),
                bad("use before definition", "operand #1 does not dominate this use", dir -> opt(dir, xirFunction("%a: tensor<2xf32>", "tensor<2xf32>",
                        "    %r = \"ov.Add\"(%a, %t) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>\n"
                                + "    %t = \"ov.ReLU\"(%a) : (tensor<2xf32>) -> tensor<2xf32>"))),
                bad("overflowing dim literal", "dimension 99999999999999999999 is too large", dir -> opt(dir, xirFunction("%a: tensor<99999999999999999999xf32>", "tensor<2xf32>", add))),
                bad("missing terminator", "body must end with 'func.return'", dir -> opt(dir, "module {\n  func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {\n" + add + "\n  }\n}\n")),
                bad("not UTF-8", "in.xir: not UTF-8 text: byte 0xFF at line 1, column 1", dir -> {
                    Files.write(dir.resolve("in.xir"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
                    return new String[] {"opt", dir.resolve("in.xir").toString()};
                }),
                bad("prose instead of IR", "in.xir:1:1: error: ", dir -> opt(dir, "hello world\n")),
                badCommandLine("unknown pass", "xambac opt: error: unknown pass 'no-such-pass'", dir -> {
                    String[] a = opt(dir, HostileFiles.VALID_XIR);
                    return new String[] {a[0], a[1], "--passes", "no-such-pass"};
                }),
                bad("an initializer of an unsupported type that a node reads", "initializer 'u' has element type UINT32, which xamba does not support", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2))
                            .addInitializer(TensorProto.newBuilder().setName("u").addDims(2).setDataType(12).addUint64Data(1).addUint64Data(2))
                            .addNode(node("c", "Cast", List.of("u"), List.of("uc"), OnnxBuilder.intAttr("to", 1)))
                            .addNode(node("a", "Add", List.of("x", "uc"), List.of("y"))).addOutput(tensor("y", FLOAT, 2));
                    return new String[] {"compile", write(dir.resolve("m.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("an ONNX graph without outputs (it compiled to an IR xamba's own reader refuses)",
                        "m.onnx\": error: the graph has no outputs, so it computes nothing", dir -> {
                    GraphProto.Builder g = HostileFiles.relu().clearOutput();
                    return new String[] {"compile", write(dir.resolve("m.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("an ONNX input without a type (it was called a sequence or map)", "m.onnx\": error: input 'x' has no type", dir -> {
                    GraphProto.Builder g = HostileFiles.relu().setInput(0, dev.xamba.frontend.onnx.proto.ValueInfoProto.newBuilder().setName("x"));
                    return new String[] {"compile", write(dir.resolve("m.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("Split at opset 13 with the older 'split' attribute (it was called an uneven split)",
                        "attribute 'split' is an input from opset 13 on (this node is at opset 13)", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(OnnxBuilder.tensor("x", OnnxBuilder.FLOAT, 3))
                            .addNode(OnnxBuilder.node("s", "Split", List.of("x"), List.of("a", "b"), OnnxBuilder.intsAttr("split", 1, 2)))
                            .addOutput(OnnxBuilder.tensor("a", OnnxBuilder.FLOAT, 1)).addOutput(OnnxBuilder.tensor("b", OnnxBuilder.FLOAT, 2));
                    return new String[] {"compile", write(dir.resolve("m.onnx"), OnnxBuilder.model(13, g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                badCommandLine("a misspelt target of an XAMBA pass (the rewrite was quietly off, exit 0)", "xambac opt: error: option"
                        + " 'target' of 'xamba-cumba': no built-in target 'npu44' (npu4, npu3720, cpu) and no target file of that name", dir -> {
                    String[] a = opt(dir, HostileFiles.VALID_XIR);
                    return new String[] {a[0], a[1], "--passes", "xamba-cumba{target=npu44}"};
                }),
                badCommandLine("an empty target of an XAMBA pass (it was the current folder)", "option 'target' of 'xamba-cumba':"
                        + " an empty target (built in: npu4, npu3720, cpu; or a target file)", dir -> {
                    String[] a = opt(dir, HostileFiles.VALID_XIR);
                    return new String[] {a[0], a[1], "--passes", "xamba-cumba{target=\"\"}"};
                }),
                badCommandLine("a target file of an XAMBA pass that does not parse", "t.json:1:", dir -> {
                    String[] a = opt(dir, HostileFiles.VALID_XIR);
                    Files.writeString(dir.resolve("t.json"), "{ kind: 1");
                    return new String[] {a[0], a[1], "--passes", "xamba-reduba{target=" + dir.resolve("t.json") + "}"};
                }),
                bad("unknown attribute", "has unknown attribute 'colour'", dir -> opt(dir, xirFunction("%a: tensor<2xf32>", "tensor<2xf32>",
                        "    %r = \"ov.ReLU\"(%a) {colour = 1 : i64} : (tensor<2xf32>) -> tensor<2xf32>"))));
    }
}
