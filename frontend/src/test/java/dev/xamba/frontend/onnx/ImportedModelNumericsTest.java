package dev.xamba.frontend.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.NpzFile;
import dev.xamba.ir.ops.builtin.FuncOp;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each imported model with the reference interpreter and compares it with PyTorch's own output. */
class ImportedModelNumericsTest {
    @ParameterizedTest
    @ValueSource(strings = {"mamba2_tiny_l2_t16", "mamba2_tiny_l1_t16_dynamo", "mamba_tiny_l2_t16"})
    void reproducesPyTorchLastHiddenState(String model) throws IOException {
        FuncOp main = RealModelsTest.importMain(model + ".onnx");
        Map<String, Tensor> io = NpzFile.read(RealModelsTest.TESTDATA.resolve(model + ".io.npz"));
        List<Tensor> out = Interpreter.run(main, Map.of("input_ids", io.get("input_ids")));
        Tensor expected = io.get("last_hidden_state");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).type()).isEqualTo(expected.type());
        double maxErr = 0;
        for (int i = 0; i < expected.size(); i++) maxErr = Math.max(maxErr, Math.abs(out.get(0).getDouble(i) - expected.getDouble(i)));
        System.out.printf("%s: max abs error %.3g over %d values%n", model, maxErr, expected.size());
        assertThat(maxErr).isLessThanOrEqualTo(1e-4);
    }
}
