package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code xambac report --format json} follows docs/report.schema.json (checked by a JSON Schema 2020-12 validator)
 * and its numbers add up: units sum to the total, speedup is baseline ÷ total, every op is on one of the target's
 * units.
 */
class ReportJsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(RepoFiles.root().resolve("docs/report.schema.json")));
    }

    @ParameterizedTest
    @CsvSource({"mamba2_tiny_l2_t16.onnx, npu4, DPU SHAVE DMA", "mamba2_tiny_l1_t16_dynamo.onnx, npu3720, DPU SHAVE DMA",
            "mamba_tiny_l2_t16.onnx, cpu, CPU"})
    void reportFollowsTheSchemaAndAddsUp(String model, String target, String units) throws IOException {
        Path file = RepoFiles.root().resolve("testdata").resolve(model);
        CliRunner.Result r = CliRunner.run("report", file.toString(), "--target", target, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        Set<ValidationMessage> problems = schema().validate(report);
        assertThat(problems).isEmpty();

        assertThat(report.get("target").asText()).isEqualTo(target);
        assertThat(report.get("model").asText()).isEqualTo(model);
        double total = report.get("total_us").asDouble();
        assertThat(total).isPositive();
        double unitSum = 0;
        Iterator<Map.Entry<String, JsonNode>> it = report.get("units").fields();
        while (it.hasNext()) unitSum += it.next().getValue().asDouble();
        assertThat(unitSum).isCloseTo(total, within(0.01));
        // The ops and the per-inference fixed cost (in no op) make the total, up to each op's rounding to 1 ns.
        double opSum = 0;
        for (JsonNode op : report.get("ops")) opSum += op.get("us").asDouble();
        assertThat(report.has("fixed_us")).as("fixed_us").isTrue();
        double fixed = report.get("fixed_us").asDouble();
        assertThat(opSum + fixed).isCloseTo(total, within(0.0005 * report.get("ops").size() + 0.001));
        assertThat(fixed).isEqualTo(target.equals("cpu") ? 4.846 : 0.0);
        assertThat(report.has("dynamic_dims")).as("the testdata models are static").isFalse();
        assertThat(report.get("speedup").asDouble()).isCloseTo(report.get("baseline_total_us").asDouble() / total, within(1e-3));
        Set<String> allowed = Set.of(units.split(" "));
        for (JsonNode op : report.get("ops")) assertThat(allowed).contains(op.get("unit").asText());
    }

    @org.junit.jupiter.api.Test
    void theSchemaRejectsBrokenReports() throws IOException {
        Path file = RepoFiles.root().resolve("testdata/mamba2_tiny_l2_t16.onnx");
        JsonNode good = JSON.readTree(CliRunner.run("report", file.toString(), "--format", "json").out());
        assertThat(schema().validate(good)).isEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode noOps = good.deepCopy();
        noOps.remove("ops");
        assertThat(schema().validate(noOps)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode badUnit = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) badUnit.get("ops").get(0)).put("unit", "GPU");
        assertThat(schema().validate(badUnit)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode negative = good.deepCopy();
        negative.put("total_us", -1.0);
        assertThat(schema().validate(negative)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode negativeFixed = good.deepCopy();
        negativeFixed.put("fixed_us", -1.0);
        assertThat(schema().validate(negativeFixed)).isNotEmpty();
    }

    /** An op with a dynamic dimension (costed as 1) gives {@code dynamic_dims}, which the schema describes. */
    @org.junit.jupiter.api.Test
    void aDynamicDimensionIsNoted(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path xir = Files.writeString(dir.resolve("dynamic.xir"), """
                module {
                  func.func @main(%x: tensor<?x8xf32>, %y: tensor<2x8xf32>) -> (tensor<?x8xf32>, tensor<2x8xf32>) {
                    %a = "ov.ReLU"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32> loc("dynamic")
                    %b = "ov.ReLU"(%y) : (tensor<2x8xf32>) -> tensor<2x8xf32> loc("static")
                    func.return %a, %b : tensor<?x8xf32>, tensor<2x8xf32>
                  }
                }
                """);
        CliRunner.Result r = CliRunner.run("report", xir.toString(), "--target", "cpu", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(schema().validate(report)).isEmpty();
        assertThat(report.has("dynamic_dims")).as("dynamic_dims").isTrue();
        assertThat(report.get("dynamic_dims").get("ops").asInt()).isEqualTo(1);
        assertThat(report.get("dynamic_dims").get("note").asText()).startsWith("1 of 2 ops has a dynamic dimension, costed as size 1");
    }

    /**
     * {@code --measure} on the real OpenVINO CPU plugin: per-op times from the performance counters, matched by layer
     * name, and their total; the matched ops' times plus the unmatched layers' make up the total. With rewrites (whose
     * ops share the location of the op they replace) rows were named by location: eight rows took one layer's time,
     * and the embedding's Gather was matched to the constant that had taken its name first.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mamba_tiny_l2_t16.onnx:none", "mamba2_tiny_l2_t16.onnx:auto"})
    void measuredReportHasPerLayerTimesThatAddUp(String modelAndXamba) throws IOException {
        Path file = RepoFiles.root().resolve("testdata/" + modelAndXamba.split(":")[0]);
        CliRunner.Result r = CliRunner.run("report", file.toString(), "--target", "cpu", "--xamba", modelAndXamba.split(":")[1],
                "--measure", "--runs", "3", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(schema().validate(report)).isEmpty();
        JsonNode m = report.get("measured");
        assertThat(m.get("per_layer").asBoolean()).isTrue();
        assertThat(m.get("total_us").asDouble()).isPositive().isGreaterThanOrEqualTo(m.get("fastest_us").asDouble());
        assertThat(m.has("predicted_over_measured")).as("predicted_over_measured").isTrue();
        assertThat(m.get("predicted_over_measured").asDouble())
                .isCloseTo(report.get("total_us").asDouble() / m.get("total_us").asDouble(), within(1e-3));
        double matched = 0;
        int measuredOps = 0;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonNode op : report.get("ops")) {
            assertThat(names.add(op.get("name").asText())).as("a second row named " + op.get("name")).isTrue();
            // The embedding lookup runs as a layer of its own (a constant folded from it had taken its name first).
            if (op.get("location").asText().endsWith("embeddings/Gather\")")) assertThat(op.get("measured_us").isNull()).as(op.toString()).isFalse();
            if (op.get("measured_us").isNull()) continue;
            matched += op.get("measured_us").asDouble();
            measuredOps++;
        }
        // How many layers the plugin reports as run varies from run to run (68-100 of 255 rows with rewrites): a floor.
        assertThat(measuredOps).as("ops whose layer the plugin ran").isGreaterThan(report.get("ops").size() / 8);
        assertThat(matched + m.get("unmatched_us").asDouble()).isCloseTo(report.get("measured_total_us").asDouble(), within(0.01));
        assertThat(CliRunner.run("report", file.toString(), "--target", "cpu", "--measure", "--runs", "3").out())
                .contains("measured µs", "per layer (performance counters)");
        String html = CliRunner.run("report", file.toString(), "--target", "cpu", "--measure", "--runs", "3", "--format", "html").out();
        assertThat(html).contains("fastest of the 3 runs", "predicted / measured", "of which in layers that are none of the ops");
    }
}
