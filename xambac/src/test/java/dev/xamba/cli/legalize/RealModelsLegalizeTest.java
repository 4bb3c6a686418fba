package dev.xamba.cli.legalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.frontend.onnx.OnnxImporter;
import dev.xamba.ir.Operation;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.NpzFile;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.PassManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real exported models of {@code testdata/} legalize completely ({@code canonicalize,legalize-ov,canonicalize,cse}
 * leaves no onnx op) and the legalized graph, run in the reference interpreter on the reference {@code input_ids},
 * reproduces PyTorch's {@code last_hidden_state} within 1e-4.
 */
class RealModelsLegalizeTest {
    private static final String PIPELINE = "canonicalize,legalize-ov,canonicalize,cse";
    private static final double TOLERANCE = 1e-4;

    @TestFactory
    Stream<DynamicTest> everyTestModelLegalizesWithItsNumerics() throws IOException {
        Path testdata = repositoryRoot().resolve("testdata");
        List<Path> models;
        try (Stream<Path> files = Files.list(testdata)) {
            models = files.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        return models.stream().map(model -> DynamicTest.dynamicTest(model.getFileName().toString(), () -> check(model)));
    }

    private static void check(Path model) throws IOException {
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        Map<String, Tensor> io = NpzFile.read(model.resolveSibling(name + ".io.npz"));
        Operation module = OnnxImporter.importModel(model);

        PassManager.parse(PIPELINE, PassManager.Options.defaults().withVerifyEach(true)).run(module);

        Map<String, Integer> counts = new TreeMap<>();
        for (Operation op : IrWalk.nestedOps(module)) counts.merge(op.name(), 1, Integer::sum);
        assertThat(counts.keySet()).as("ops left in the onnx dialect").noneMatch(n -> n.startsWith("onnx."));
        FuncOp main = new ModuleOp(module).functions().get(0);
        Tensor actual = Interpreter.run(main, Map.of("input_ids", io.get("input_ids"))).get(0);
        double err = maxAbsError(actual, io.get("last_hidden_state"));
        System.out.printf("%s: max_abs_err=%.3e after %s; ops: %s%n", name, err, PIPELINE, counts);
        assertThat(err).as("max abs error of last_hidden_state").isLessThanOrEqualTo(TOLERANCE);
    }

    private static double maxAbsError(Tensor actual, Tensor expected) {
        assertThat(actual.type()).isEqualTo(expected.type());
        double max = 0;
        for (int i = 0; i < expected.size(); i++) {
            double d = Math.abs(actual.getDouble(i) - expected.getDouble(i));
            if (Double.isNaN(d)) return Double.POSITIVE_INFINITY;
            max = Math.max(max, d);
        }
        return max;
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testdata"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("testdata/ not found above " + Path.of("").toAbsolutePath());
        return p;
    }
}
