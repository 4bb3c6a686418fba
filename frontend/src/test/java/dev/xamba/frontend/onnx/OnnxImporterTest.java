package dev.xamba.frontend.onnx;

import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.INT64;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.frontend.onnx.OnnxBuilder.floats;
import static dev.xamba.frontend.onnx.OnnxBuilder.graph;
import static dev.xamba.frontend.onnx.OnnxBuilder.intAttr;
import static dev.xamba.frontend.onnx.OnnxBuilder.intsAttr;
import static dev.xamba.frontend.onnx.OnnxBuilder.longs;
import static dev.xamba.frontend.onnx.OnnxBuilder.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensorAttr;
import static dev.xamba.frontend.onnx.OnnxBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxImporterTest {
    @TempDir Path dir;

    private String importAndPrint(String fileName, ModelProto m, ImportOptions options) {
        return AsmPrinter.print(OnnxImporter.importModel(write(dir, fileName, m), options));
    }

    @Test
    void addWithInitializerPrintsNamedValuesAndLocations() {
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 2, 3))
                .addInitializer(floats("b", dims(3), 1, 2, 3))
                .addNode(node("add", "Add", List.of("x", "b"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2, 3)));
        assertThat(importAndPrint("add.onnx", m, ImportOptions.defaults())).isEqualTo("""
                module @add {
                  func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> attributes {arg_names = ["x"], result_names = ["y"]} {
                    %b = "onnx.Constant"() {value = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>} : () -> tensor<3xf32> loc("b")
                    %y = "onnx.Add"(%x, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("add")
                    func.return %y : tensor<2x3xf32>
                  }
                }
                """);
    }

    @Test
    void shapeArithmeticFoldsAwayWithStaticInputs() {
        // reshape x to [dim0 * dim1] computed the way exporters do: Shape -> Gather -> Mul -> Unsqueeze -> Reshape.
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 4, 8))
                .addNode(node("shape", "Shape", List.of("x"), List.of("s")))
                .addNode(node("c0", "Constant", List.of(), List.of("i0"), tensorAttr("value", longs("", dims(), 0))))
                .addNode(node("c1", "Constant", List.of(), List.of("i1"), tensorAttr("value", longs("", dims(), 1))))
                .addNode(node("g0", "Gather", List.of("s", "i0"), List.of("d0"), intAttr("axis", 0)))
                .addNode(node("g1", "Gather", List.of("s", "i1"), List.of("d1"), intAttr("axis", 0)))
                .addNode(node("mul", "Mul", List.of("d0", "d1"), List.of("n")))
                .addNode(node("axes", "Constant", List.of(), List.of("ax"), tensorAttr("value", longs("", dims(1), 0))))
                .addNode(node("unsq", "Unsqueeze", List.of("n", "ax"), List.of("newshape")))
                .addNode(node("reshape", "Reshape", List.of("x", "newshape"), List.of("y")))
                .addOutput(tensor("y", FLOAT, "N")));
        String ir = importAndPrint("fold.onnx", m, ImportOptions.defaults());
        assertThat(ir).isEqualTo("""
                module @fold {
                  func.func @main(%x: tensor<4x8xf32>) -> tensor<32xf32> attributes {arg_names = ["x"], result_names = ["y"]} {
                    %newshape = "onnx.Constant"() {value = dense<32> : tensor<1xi64>} : () -> tensor<1xi64> loc("unsq")
                    %y = "onnx.Reshape"(%x, %newshape) : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<32xf32> loc("reshape")
                    func.return %y : tensor<32xf32>
                  }
                }
                """);
        String unfolded = importAndPrint("nofold.onnx", m, ImportOptions.defaults().withFoldConstants(false));
        assertThat(unfolded).contains("\"onnx.Shape\"", "\"onnx.Gather\"", "\"onnx.Mul\"")
                .contains("-> tensor<?xf32>");
    }

    @Test
    void foldingStopsAtMaxFoldElements() {
        ModelProto m = model(17, graph()
                .addInitializer(floats("a", dims(4), 1, 2, 3, 4))
                .addInitializer(floats("b", dims(4), 10, 20, 30, 40))
                .addNode(node("add", "Add", List.of("a", "b"), List.of("sum")))
                .addOutput(tensor("sum", FLOAT, 4)));
        assertThat(importAndPrint("limit.onnx", m, ImportOptions.defaults()))
                .contains("%sum = \"onnx.Constant\"() {value = dense<[11.0, 22.0, 33.0, 44.0]> : tensor<4xf32>} : () -> tensor<4xf32> loc(\"add\")")
                .doesNotContain("onnx.Add");
        assertThat(importAndPrint("limit.onnx", m, ImportOptions.defaults().withMaxFoldElements(3)))
                .contains("%sum = \"onnx.Add\"(%a, %b)");
    }

    @Test
    void symbolicInputDimsStayDynamicUnlessGiven() {
        ModelProto m = model(17, graph()
                .addInput(tensor("input.1", FLOAT, "batch", 8))
                .addNode(node("", "Relu", List.of("input.1"), List.of("/act/Relu_output_0")))
                .addOutput(tensor("/act/Relu_output_0", FLOAT, "batch", 8)));
        assertThat(importAndPrint("dyn.onnx", m, ImportOptions.defaults())).isEqualTo("""
                module @dyn {
                  func.func @main(%input.1: tensor<?x8xf32>) -> tensor<?x8xf32> attributes {arg_names = ["input.1"], result_names = ["/act/Relu_output_0"]} {
                    %act_Relu_output_0 = "onnx.Relu"(%input.1) : (tensor<?x8xf32>) -> tensor<?x8xf32> loc("/act/Relu_output_0")
                    func.return %act_Relu_output_0 : tensor<?x8xf32>
                  }
                }
                """);
        String fixed = importAndPrint("dyn.onnx", m, ImportOptions.defaults().withInputShape("input.1", 3, 8));
        assertThat(fixed).contains("func.func @main(%input.1: tensor<3x8xf32>) -> tensor<3x8xf32>");
    }

    /** A named dimension is one size: fixing it in one input's shape fixes it in the others (they stayed dynamic). */
    @Test
    void aNamedDimensionFixedInOneInputIsFixedInEveryInput() {
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, "batch", "seq", 8))
                .addInput(tensor("y", FLOAT, "batch", "seq", 8))
                .addInput(tensor("z", FLOAT, "other", 8))
                .addNode(node("add", "Add", List.of("x", "y"), List.of("s")))
                .addNode(node("r", "Relu", List.of("z"), List.of("t")))
                .addOutput(tensor("s", FLOAT, "batch", "seq", 8))
                .addOutput(tensor("t", FLOAT, "other", 8)));
        String fixed = importAndPrint("two.onnx", m, ImportOptions.defaults().withInputShape("x", 2, 16, 8));
        assertThat(fixed).contains("func.func @main(%x: tensor<2x16x8xf32>, %y: tensor<2x16x8xf32>, %z: tensor<?x8xf32>)");
        // A shape that leaves one dimension open (-1) takes it from another input's.
        String partly = importAndPrint("two.onnx", m, ImportOptions.defaults().withInputShape("x", 2, 16, 8).withInputShape("y", 2, -1, 8));
        assertThat(partly).contains("%y: tensor<2x16x8xf32>");
        assertThatThrownBy(() -> importAndPrint("two.onnx", m, ImportOptions.defaults().withInputShape("x", 2, 16, 8).withInputShape("y", 2, 4, 8)))
                .hasMessageEndingWith("the given shapes make dimension 'seq' 16 in input 'x' and 4 in input 'y'; the model names one size so");
        ModelProto square = model(17, graph().addInput(tensor("m", FLOAT, "n", "n")).addNode(node("r", "Relu", List.of("m"), List.of("o")))
                .addOutput(tensor("o", FLOAT, "n", "n")));
        assertThatThrownBy(() -> importAndPrint("sq.onnx", square, ImportOptions.defaults().withInputShape("m", 2, 3)))
                .hasMessageEndingWith("the given shape of input 'm' makes dimension 'n' both 2 and 3; the model names one size so");
    }

    @Test
    void bigInitializersAliasTheMappedFile() {
        float[] w = new float[16 * 8];
        for (int i = 0; i < w.length; i++) w[i] = i * 0.5f;
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 2, 16))
                .addInitializer(floats("layers.0/weight:0", dims(16, 8), w))
                .addNode(node("mm", "MatMul", List.of("x", "layers.0/weight:0"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2, 8)));
        Operation module = OnnxImporter.importModel(write(dir, "big.onnx", m), ImportOptions.defaults());
        FuncOp main = new ModuleOp(module).function("main").orElseThrow();
        Operation weight = main.body().operations().first();
        assertThat(weight.attr("value")).isInstanceOf(DenseResourceAttr.class);
        DenseResourceAttr r = (DenseResourceAttr) weight.attr("value");
        assertThat(r.handle().name()).isEqualTo("layers.0_weight_0");
        assertThat(r.handle().blob().isDirect()).as("a view of the memory-mapped model, not a copy").isTrue();
        assertThat(r.value().getDouble(127)).isEqualTo(63.5);
        assertThat(AsmPrinter.print(module))
                .contains("%layers.0_weight_0 = \"onnx.Constant\"() {value = dense_resource<layers.0_weight_0> : tensor<16x8xf32>}")
                .contains("layers.0_weight_0: \"0x04000000");
    }

    @Test
    void attributeFormsOfOldOpsetsBecomeInputs() {
        ModelProto m = model(11, graph()
                .addInput(tensor("x", FLOAT, 2, 6))
                .addNode(node("sum", "ReduceSum", List.of("x"), List.of("s"), intsAttr("axes", 1), intAttr("keepdims", 0)))
                .addNode(node("unsq", "Unsqueeze", List.of("s"), List.of("u"), intsAttr("axes", 0)))
                .addNode(node("split", "Split", List.of("x"), List.of("a", "b"), intAttr("axis", 1), intsAttr("split", 2, 4)))
                .addNode(node("halves", "Split", List.of("x"), List.of("h0", "h1"), intAttr("axis", 1)))
                .addOutput(tensor("u", FLOAT, 1, 2))
                .addOutput(tensor("b", FLOAT, 2, 4))
                .addOutput(tensor("h1", FLOAT, 2, 3)));
        String ir = importAndPrint("old.onnx", m, ImportOptions.defaults());
        assertThat(ir).contains("\"onnx.ReduceSum\"(%x, %0) {keepdims = 0 : i64} : (tensor<2x6xf32>, tensor<1xi64>) -> tensor<2xf32>")
                .contains("\"onnx.Unsqueeze\"(%s, %1) : (tensor<2xf32>, tensor<1xi64>) -> tensor<1x2xf32>")
                .contains("%a:2 = \"onnx.Split\"(%x, %2) {axis = 1 : i64} : (tensor<2x6xf32>, tensor<2xi64>) -> (tensor<2x2xf32>, tensor<2x4xf32>)")
                .contains("%h0:2 = \"onnx.Split\"(%x) {axis = 1 : i64, num_outputs = 2 : i64}")
                .contains("func.return %u, %a#1, %h0#1 : tensor<1x2xf32>, tensor<2x4xf32>, tensor<2x3xf32>");
    }

    @Test
    void opset10AttributeFormsOfClipSliceAndPad() {
        ModelProto m = model(10, graph()
                .addInput(tensor("x", FLOAT, 4, 6))
                .addNode(node("clip", "Clip", List.of("x"), List.of("c"), OnnxBuilder.floatAttr("max", 6)))
                .addNode(node("pad", "Pad", List.of("c"), List.of("p"), intsAttr("pads", 0, 1, 0, 1),
                        OnnxBuilder.floatAttr("value", 0.5f)))
                .addOutput(tensor("p", FLOAT, 4, 8)));
        ModelProto slice1 = model(9, graph()
                .addInput(tensor("x", FLOAT, 4, 6))
                .addNode(node("slice", "Slice", List.of("x"), List.of("s"), intsAttr("starts", 1), intsAttr("ends", 3),
                        intsAttr("axes", 1)))
                .addOutput(tensor("s", FLOAT, 4, 2)));
        assertThat(importAndPrint("clip6.onnx", m, ImportOptions.defaults()))
                // Clip-6's absent min is its spec's default, -3.402823e+38 (not -inf)
                .contains("%0 = \"onnx.Constant\"() {value = dense<-3.4028235E38> : tensor<f32>} : () -> tensor<f32> loc(\"clip\")")
                .contains("%1 = \"onnx.Constant\"() {value = dense<6.0> : tensor<f32>} : () -> tensor<f32> loc(\"clip\")")
                .contains("%c = \"onnx.Clip\"(%x, %0, %1)")
                .contains("%2 = \"onnx.Constant\"() {value = dense<[0, 1, 0, 1]> : tensor<4xi64>}")
                .contains("%3 = \"onnx.Constant\"() {value = dense<0.5> : tensor<f32>}")
                .contains("%p = \"onnx.Pad\"(%c, %2, %3) : (tensor<4x6xf32>, tensor<4xi64>, tensor<f32>) -> tensor<4x8xf32>");
        assertThat(importAndPrint("slice1.onnx", slice1, ImportOptions.defaults()))
                .contains("%s = \"onnx.Slice\"(%x, %0, %1, %2) : (tensor<4x6xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4x2xf32>");
    }

    @Test
    void absentOptionalInputsInTheMiddleGetOnnxDefaults() {
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 4, 6))
                .addInitializer(longs("starts", dims(2), 1, 0))
                .addInitializer(longs("ends", dims(2), 3, 6))
                .addInitializer(longs("steps", dims(2), 1, 2))
                .addInitializer(floats("hi", dims(), 6))
                .addNode(node("slice", "Slice", List.of("x", "starts", "ends", "", "steps"), List.of("s")))
                .addNode(node("clip", "Clip", List.of("s", "", "hi"), List.of("c")))
                .addOutput(tensor("c", FLOAT, 2, 3)));
        String ir = importAndPrint("defaults.onnx", m, ImportOptions.defaults());
        assertThat(ir).contains("\"onnx.Constant\"() {value = dense<[0, 1]> : tensor<2xi64>} : () -> tensor<2xi64> loc(\"slice\")")
                .contains("\"onnx.Slice\"(%x, %starts, %ends, %0, %steps)")
                .contains("\"onnx.Constant\"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32> loc(\"clip\")")
                .contains("\"onnx.Clip\"(%s, %1, %hi)")
                .contains("-> tensor<2x3xf32>");
    }

    @Test
    void padGetsAZeroConstantValueWhenOnlyAxesAreGiven() {
        ModelProto m = model(18, graph()
                .addInput(tensor("x", FLOAT, 2, 3))
                .addInitializer(longs("pads", dims(2), 1, 2))
                .addInitializer(longs("axes", dims(1), 1))
                .addNode(node("pad", "Pad", List.of("x", "pads", "", "axes"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2, 6)));
        assertThat(importAndPrint("pad.onnx", m, ImportOptions.defaults()))
                .contains("%0 = \"onnx.Constant\"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32> loc(\"pad\")")
                .contains("\"onnx.Pad\"(%x, %pads, %0, %axes) : (tensor<2x3xf32>, tensor<2xi64>, tensor<f32>, tensor<1xi64>) -> tensor<2x6xf32>");
    }

    @Test
    void baseDirLetsExternalDataLiveAboveTheModel() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
        Files.write(dir.resolve("shared.bin"), b.array());
        TensorProto w = TensorProto.newBuilder().setName("w")
                .setDataType(FLOAT).addDims(2).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("../shared.bin"))
                .build();
        ModelProto m = model(17, graph().addInput(tensor("x", FLOAT, 2)).addInitializer(w)
                .addNode(node("add", "Add", List.of("x", "w"), List.of("y"))).addOutput(tensor("y", FLOAT, 2)));
        Path file = write(models, "m.onnx", m);
        assertThat(AsmPrinter.print(OnnxImporter.importModel(file, ImportOptions.defaults().withBaseDir(dir))))
                .contains("%w = \"onnx.Constant\"() {value = dense<[1.5, -2.0]> : tensor<2xf32>}");
    }

    @Test
    void negativeTransposePermIsNormalized() {
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 1, 2, 3, 4))
                .addNode(node("t", "Transpose", List.of("x"), List.of("y"), intsAttr("perm", 0, -2, -1, 1)))
                .addOutput(tensor("y", FLOAT, 1, 3, 4, 2)));
        assertThat(importAndPrint("perm.onnx", m, ImportOptions.defaults()))
                .contains("\"onnx.Transpose\"(%x) {perm = [0, 2, 3, 1]} : (tensor<1x2x3x4xf32>) -> tensor<1x3x4x2xf32>");
    }

    @Test
    void identityAndConstantVariantsNeedNoOps() {
        ModelProto m = model(17, graph()
                .addInput(tensor("x", INT64, 3))
                .addNode(node("k", "Constant", List.of(), List.of("k"), intsAttr("value_ints", 5, 6, 7)))
                .addNode(node("id", "Identity", List.of("x"), List.of("x2")))
                .addNode(node("add", "Add", List.of("x2", "k"), List.of("y")))
                .addOutput(tensor("y", INT64, 3)));
        assertThat(importAndPrint("ident.onnx", m, ImportOptions.defaults())).isEqualTo("""
                module @ident {
                  func.func @main(%x: tensor<3xi64>) -> tensor<3xi64> attributes {arg_names = ["x"], result_names = ["y"]} {
                    %k = "onnx.Constant"() {value = dense<[5, 6, 7]> : tensor<3xi64>} : () -> tensor<3xi64> loc("k")
                    %y = "onnx.Add"(%x, %k) : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64> loc("add")
                    func.return %y : tensor<3xi64>
                  }
                }
                """);
    }

    @Test
    void constantValueIntKeepsEveryBitOfAnInt64() {
        // Through a double, 2^53 + 1 was 2^53 and INT64_MIN + 1 was INT64_MIN.
        ModelProto m = model(17, graph()
                .addNode(node("a", "Constant", List.of(), List.of("a"), intAttr("value_int", (1L << 53) + 1)))
                .addNode(node("b", "Constant", List.of(), List.of("b"), intAttr("value_int", Long.MIN_VALUE + 1)))
                .addOutput(tensor("a", INT64)).addOutput(tensor("b", INT64)));
        assertThat(importAndPrint("big.onnx", m, ImportOptions.defaults()))
                .contains("dense<9007199254740993> : tensor<i64>")
                .contains("dense<-9223372036854775807> : tensor<i64>");
    }

    @Test
    void initializerInputsAreConstantsOnlyWhenFrozen() {
        // torch.onnx.export(keep_initializers_as_inputs=True): every weight is also a graph input.
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 2)).addInput(tensor("w", FLOAT, 2))
                .addInitializer(floats("w", dims(2), 1, 2))
                .addNode(node("add", "Add", List.of("x", "w"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2)));
        assertThatThrownBy(() -> importAndPrint("keep.onnx", m, ImportOptions.defaults()))
                .hasMessageContaining("1 graph input also has an initializer of that name").hasMessageContaining("'w'");
        assertThat(importAndPrint("keep.onnx", m, ImportOptions.defaults().withFreezeInitializerInputs(true)))
                .contains("func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> attributes {arg_names = [\"x\"]")
                .contains("%w = \"onnx.Constant\"() {value = dense<[1.0, 2.0]> : tensor<2xf32>}");
    }

    @Test
    void anInitializerNoOneReadsIsNotDecoded() {
        // A UINT32 tensor, a type xamba does not support: it stopped the compile though no node read it.
        ModelProto m = model(17, graph()
                .addInput(tensor("x", FLOAT, 2))
                .addInitializer(dev.xamba.frontend.onnx.proto.TensorProto.newBuilder().setName("unused").addDims(1).setDataType(12).addUint64Data(7))
                .addNode(node("r", "Relu", List.of("x"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2)));
        assertThat(importAndPrint("spare.onnx", m, ImportOptions.defaults())).doesNotContain("unused")
                .contains("%y = \"onnx.Relu\"(%x)");
    }
}
