package dev.xamba.frontend.onnx;

import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.frontend.onnx.OnnxBuilder.floats;
import static dev.xamba.frontend.onnx.OnnxBuilder.graph;
import static dev.xamba.frontend.onnx.OnnxBuilder.intAttr;
import static dev.xamba.frontend.onnx.OnnxBuilder.intsAttr;
import static dev.xamba.frontend.onnx.OnnxBuilder.longs;
import static dev.xamba.frontend.onnx.OnnxBuilder.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.frontend.onnx.OnnxBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.print.AsmPrinter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators whose meaning changed between opset versions, each checked against the version's own spec (from a
 * review against onnx's schemas): a version xamba does not implement is refused, never given another's results.
 */
class OpVersionSemanticsTest {
    @TempDir Path dir;

    private String ir(ModelProto m) {
        return AsmPrinter.print(OnnxImporter.importModel(write(dir, "m.onnx", m), ImportOptions.defaults()));
    }

    private String error(ModelProto m) {
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class,
                () -> OnnxImporter.importModel(write(dir, "m.onnx", m), ImportOptions.defaults()));
        assertThat(e).as("refused").isNotNull();
        return e.diagnostics().get(0).message();
    }

    @Test
    void clip6ClipsToTheLargestFloatByDefault() {
        // Clip-6's min and max default to ∓3.402823e+38: +inf becomes the largest float (it stayed inf).
        ModelProto m = model(6, graph().addInitializer(floats("x", dims(2), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY))
                .addNode(node("c", "Clip", List.of("x"), List.of("y"))).addOutput(tensor("y", FLOAT, 2)));
        assertThat(ir(m)).contains("dense<[3.4028235E38, -3.4028235E38]>");
    }

    @Test
    void oneHotBeforeOpset11IsRefusedNotGivenOpset11sNegativeIndices() {
        // OneHot-9: an index outside [0, depth) is an all-off row; from 11 a negative one counts from the end.
        ModelProto m = model(9, graph().addInitializer(longs("i", dims(1), -1)).addInitializer(longs("d", dims(), 3))
                .addInitializer(floats("v", dims(2), 0, 1)).addNode(node("oh", "OneHot", List.of("i", "d", "v"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 1, 3)));
        assertThat(error(m)).contains("OneHot").contains("opset 9");
    }

    @Test
    void splitBeforeOpset18MakesEqualPartsOnly() {
        // Split-13 without sizes splits "into equal sized parts": 10 into 3 was made [4, 4, 2] (opset 18's rule).
        ModelProto uneven = model(13, graph().addInput(tensor("x", FLOAT, 10))
                .addNode(node("s", "Split", List.of("x"), List.of("a", "b", "c")))
                .addOutput(tensor("a", FLOAT, 4)).addOutput(tensor("b", FLOAT, 4)).addOutput(tensor("c", FLOAT, 2)));
        assertThat(error(uneven)).contains("splits dim 10 into 3 outputs");
        ModelProto even = model(13, graph().addInput(tensor("x", FLOAT, 9))
                .addNode(node("s", "Split", List.of("x"), List.of("a", "b", "c")))
                .addOutput(tensor("a", FLOAT, 3)).addOutput(tensor("b", FLOAT, 3)).addOutput(tensor("c", FLOAT, 3)));
        assertThat(ir(even)).contains("onnx.Split");
        // Sizes that name another number of outputs than the node has: the extra pieces were dropped silently.
        ModelProto mismatched = model(11, graph().addInput(tensor("x", FLOAT, 10))
                .addNode(node("s", "Split", List.of("x"), List.of("a", "b"), intsAttr("split", 2, 3, 5), intAttr("axis", 0)))
                .addOutput(tensor("a", FLOAT, 2)).addOutput(tensor("b", FLOAT, 3)));
        assertThat(error(mismatched)).contains("'split' has 3 sizes for 2 outputs");
    }
}
