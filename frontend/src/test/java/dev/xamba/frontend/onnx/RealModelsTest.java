package dev.xamba.frontend.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exported Mamba and Mamba-2 models in testdata/ (see testdata/README.md). */
class RealModelsTest {
    static final Path TESTDATA = locateTestdata();

    static Path locateTestdata() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata"))) return p.resolve("testdata");
        }
        throw new IllegalStateException("no testdata/ folder above " + Path.of("").toAbsolutePath());
    }

    static FuncOp importMain(String model) {
        Operation module = OnnxImporter.importModel(TESTDATA.resolve(model), ImportOptions.defaults());
        return new ModuleOp(module).function("main").orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mamba2_tiny_l2_t16.onnx", "mamba2_tiny_l1_t16_dynamo.onnx", "mamba_tiny_l2_t16.onnx"})
    void importsWithStaticTypesAndNoShapeArithmeticLeft(String model) {
        FuncOp main = importMain(model);
        List<String> leftovers = new ArrayList<>();
        List<String> dynamic = new ArrayList<>();
        for (Value a : main.body().arguments()) if (!a.tensorType().hasStaticShape()) dynamic.add("argument " + a.type());
        for (Operation op : main.body().operations()) {
            switch (op.name()) {
                case "onnx.Shape", "onnx.ConstantOfShape", "onnx.Range", "onnx.Size" -> leftovers.add(op.toString());
                case "onnx.Gather" -> {
                    if (op.operand(0).tensorType().elementType() == ElementType.I64) leftovers.add("shape " + op);
                }
                default -> { }
            }
            for (Value r : op.results()) if (!r.tensorType().hasStaticShape()) dynamic.add(op + ": " + r.type());
        }
        assertThat(leftovers).as("shape computations left in " + model).isEmpty();
        assertThat(dynamic).as("values of " + model + " without a static shape").isEmpty();
        assertThat(main.type().results()).containsExactly(TensorType.of(ElementType.F32, 1, 16, 64));
    }

    @Test
    void printsWithWeightsAsResourceBlobs() {
        FuncOp main = importMain("mamba2_tiny_l1_t16_dynamo.onnx");
        String ir = AsmPrinter.print(main.op().parentOp());
        assertThat(ir).startsWith("module @mamba2_tiny_l1_t16_dynamo {\n  func.func @main(%input_ids: tensor<1x16xi64>) -> tensor<1x16x64xf32> attributes {arg_names = [\"input_ids\"], result_names = [\"last_hidden_state\"]} {")
                .contains("%embeddings.weight = \"onnx.Constant\"() {value = dense_resource<embeddings.weight> : tensor<512x64xf32>}"
                        + " : () -> tensor<512x64xf32> loc(\"embeddings.weight\")")
                .contains("dialect_resources: {", "embeddings.weight: \"0x04000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mamba2_tiny_l2_t16.onnx", "mamba2_tiny_l1_t16_dynamo.onnx", "mamba_tiny_l2_t16.onnx"})
    void printedImportParsesBackToTheSameText(String model) {
        String printed = AsmPrinter.print(importMain(model).op().parentOp());
        assertThat(AsmPrinter.print(TextIrParser.parse(printed, model + ".xir"))).isEqualTo(printed);
    }
}
