package dev.xamba.opt.cost.report;

import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost model counts a dynamic dimension as 1; a report says so, in every format, when an op has one. The ops it
 * counts are those that run, with a dynamic operand or result.
 */
class DynamicDimsTest {
    @Test
    void countsTheOpsThatRunWithADynamicDimension() {
        FunctionBuilder f = FunctionBuilder.main(f32(TensorType.DYNAMIC, 8), f32(2, 8));
        var dynamic = f.op("ov.ReLU", f.arg(0));
        var fixed = f.op("ov.ReLU", f.arg(1));
        var module = f.returning(dynamic, fixed);
        assertThat(DynamicDims.count(module.op(), CostModels.forTarget("cpu"))).isEqualTo(1);
    }

    @Test
    void aStaticGraphHasNone() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 8));
        var module = f.returning(f.op("ov.ReLU", f.arg(0)));
        assertThat(DynamicDims.count(module.op(), CostModels.forTarget("npu4"))).isZero();
    }

    @Test
    void anOpWithADynamicDimensionGivesANoteInEveryFormat() {
        OpRow op = new OpRow("relu", "ReLU", "CPU", 0.5, "loc(\"relu\")", Double.NaN);
        GraphCost g = new GraphCost(List.of(op, op), Map.of("CPU", 1.0), 1.0);
        CostReport r = new CostReport("cpu", "", "m.onnx", List.of("none"), g, g, List.of(), null, List.of(), 1);
        String note = "1 of 2 ops has a dynamic dimension, costed as size 1: the prediction is for that size"
                + " (--input-shape fixes an ONNX input's size)";
        assertThat(r.dynamicDimNote()).isEqualTo(note);
        // Textual IR takes no --input-shape: the hint was given for it too.
        CostReport xir = new CostReport("cpu", "", "m.xir", List.of("none"), g, g, List.of(), null, List.of(), 1);
        assertThat(xir.dynamicDimNote()).isEqualTo("1 of 2 ops has a dynamic dimension, costed as size 1: the prediction is for that size");
        assertThat(TextReport.render(r)).contains("\nnote: " + note + "\n");
        assertThat(HtmlReport.render(r)).contains("<p class=\"note dynamic\">Note: " + note.replace("'", "&#39;") + "</p>");
        JsonObject json = JsonParser.parseString(JsonReport.render(r)).getAsJsonObject().getAsJsonObject("dynamic_dims");
        assertThat(json.get("ops").getAsInt()).isEqualTo(1);
        assertThat(json.get("note").getAsString()).isEqualTo(note);

        CostReport staticShapes = new CostReport("cpu", "", "m.onnx", List.of("none"), g, g, List.of(), null);
        assertThat(staticShapes.dynamicDimOps()).isZero();
        assertThat(TextReport.render(staticShapes)).doesNotContain("dynamic");
        assertThat(HtmlReport.render(staticShapes)).doesNotContain("dynamic");
        assertThat(JsonReport.render(staticShapes)).doesNotContain("dynamic");
    }

    @Test
    void aMeasurementKeepsTheCount() {
        OpRow op = new OpRow("relu", "ReLU", "CPU", 0.5, "loc(\"relu\")", Double.NaN);
        GraphCost g = new GraphCost(List.of(op), Map.of("CPU", 0.5), 0.5);
        CostReport r = new CostReport("cpu", "", "m.onnx", List.of("none"), g, g, List.of(), null, List.of(), 1);
        CostReport.Measurement m = new CostReport.Measurement("CPU", 2, 1, 3, false, Double.NaN, Double.NaN, "");
        assertThat(r.withMeasurement(g, m).dynamicDimOps()).isEqualTo(1);
    }
}
