package dev.xamba.opt.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetFormatException;
import dev.xamba.opt.cost.device.TargetJson;
import dev.xamba.opt.cost.device.Targets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target files: the built-ins parse, round-trip, cite their sources, and bad files name the field. */
class TargetJsonTest {
    @Test void builtInNpuTargetsHoldTheDocsNumbers() {
        Target npu4 = Targets.builtIn("npu4");
        assertThat(npu4.npu().dpu().tiles()).isEqualTo(6);
        assertThat(npu4.npu().shave().count()).isEqualTo(12);
        assertThat(Targets.builtIn("npu3720").npu().dpu().tiles()).isEqualTo(2);
        assertThat(npu4.sources()).containsKeys("dpu.tiles", "dpu.clock_mhz", "shave.kernels", "dma.dram_gbps");
    }

    @Test void writeThenParseGivesTheSameTarget() {
        for (String name : Targets.BUILT_IN) {
            Target t = Targets.builtIn(name);
            Target back = TargetJson.parse(TargetJson.write(t), name);
            assertThat(back).isEqualTo(t);
            assertThat(TargetJson.write(back)).isEqualTo(TargetJson.write(t));
        }
    }

    @Test void aWrongFieldIsNamed() {
        String text = TargetJson.write(Targets.builtIn("npu4")).replace("\"tiles\": 6", "\"tiles\": \"six\"");
        assertThatThrownBy(() -> TargetJson.parse(text, "T.json")).isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:6:5: dpu.tiles: expected a whole number from 1 to 1024, got \"six\"");
        assertThatThrownBy(() -> TargetJson.parse("{\"name\": \"x\", \"kind\": \"gpu\"}", "T.json"))
                .hasMessageContaining("kind: expected \"npu\" or \"cpu\"");
        String badRate = TargetJson.write(Targets.builtIn("npu4")).replace("\"fixed_us\": 4.66", "\"fixed_us\": -1");
        assertThatThrownBy(() -> TargetJson.parse(badRate, "T.json")).hasMessageContaining("shave.kernels.CumSum.fixed_us");
    }

    @Test void aSyntaxErrorIsOneLineAtItsLineAndColumn() {
        assertThatThrownBy(() -> TargetJson.parse("[1", "T.json")).isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:1:3: not valid JSON: unexpected end-of-input: expected close marker for Array (start marker at line 1, column 1)");
        assertThatThrownBy(() -> TargetJson.parse("{\"name\": \"x\"}\n}", "T.json"))
                .hasMessage("T.json:2:1: not valid JSON: more text after the JSON value (a target file is one object)");
        // Strict JSON: an unquoted string, single quotes, a trailing comma, a comment are not (gson's parseString took them).
        String npu4 = TargetJson.write(Targets.builtIn("npu4"));
        for (String lenient : List.of(npu4.replace("\"kind\": \"npu\"", "\"kind\": npu"), npu4.replace("\"kind\": \"npu\"", "'kind': 'npu'"),
                npu4.replace("\"kind\": \"npu\",", "\"kind\": \"npu\",,"), "// a comment\n" + npu4)) {
            assertThat(lenient).isNotEqualTo(npu4);
            assertThatThrownBy(() -> TargetJson.parse(lenient, "T.json")).isInstanceOf(TargetFormatException.class)
                    .hasMessageStartingWith("T.json:").hasMessageContaining(": not valid JSON: ").hasMessageNotContaining("strict");
        }
        assertThatThrownBy(() -> TargetJson.parse(npu4 + "\n{}", "T.json")).hasMessageContaining(": not valid JSON: more text after");
        assertThatThrownBy(() -> TargetJson.parse(npu4.replace("\"npu4\"", "\"npu\t4\""), "T.json"))
                .hasMessage("T.json:2:15: not valid JSON: illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value");
    }

    @Test void efficienciesAndSingleShaveKernelsAreReadWithTheirSourcesAndDefaultToIdeal() {
        Target npu4 = Targets.builtIn("npu4");
        assertThat(npu4.npu().efficiency().dpuCompute()).isEqualTo(0.05);
        assertThat(npu4.npu().shave().singleShave()).containsExactlyInAnyOrder("CumSum", "SoftPlus");
        assertThat(npu4.sources()).containsKeys("efficiency.dpu_compute", "efficiency.dma_bandwidth", "shave.single_shave_kernels");
        String old = TargetJson.write(npu4).replaceAll("(?s),\\s*\"efficiency\": \\{[^}]*\\}", "")
                .replaceAll("(?s),\\s*\"single_shave_kernels\": \\[[^]]*\\]", "");
        Target parsed = TargetJson.parse(old, "old.json");
        assertThat(parsed.npu().efficiency()).isEqualTo(Target.Efficiency.IDEAL);
        assertThat(parsed.npu().shave().singleShave()).isEmpty();
        String tooHigh = TargetJson.write(npu4).replace("\"dpu_compute\": 0.05", "\"dpu_compute\": 5");
        assertThatThrownBy(() -> TargetJson.parse(tooHigh, "T.json"))
                .hasMessage("T.json:95:5: efficiency.dpu_compute: expected a number from 1e-9 to 1, got 5");
    }

    @Test void unknownBuiltInListsTheKnownOnes() {
        assertThatThrownBy(() -> Targets.builtIn("npu9")).hasMessageContaining("npu4, npu3720, cpu");
    }

    @Test
    void aMisspeltFieldOrAFractionOfAByteIsRefused() {
        // A typo left the field's default (efficiency 1.0: DPU compute 20x faster than npu4's), and 0.5 bytes of CMX
        // was read as 0 (every cost then infinite at the first op), both without an error.
        String npu4 = readBuiltIn("npu4");
        assertThatThrownBy(() -> TargetJson.parse(npu4.replace("\"dpu_compute\"", "\"dpu_compute_typo\""), "T.json"))
                .isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:37:18: efficiency.dpu_compute_typo: unknown field (expected one of dpu_compute, dma_bandwidth)");
        assertThatThrownBy(() -> TargetJson.parse(npu4.replaceFirst("\"cmx_bytes_per_tile\": *[0-9]+", "\"cmx_bytes_per_tile\": 0.5"), "T.json"))
                .isInstanceOf(TargetFormatException.class).hasMessageStartingWith("T.json:12:5: dpu.cmx_bytes_per_tile: expected a whole number");
        assertThatThrownBy(() -> TargetJson.parse(npu4.replaceFirst("\"name\"", "\"nmae\": \"x\", \"name\""), "T.json"))
                .isInstanceOf(TargetFormatException.class).hasMessageStartingWith("T.json:2:3: nmae: unknown field");
        // The built-in targets use only known fields.
        for (String t : new String[] {"npu4", "npu3720", "cpu"}) TargetJson.parse(readBuiltIn(t), t + ".json");
    }

    static String readBuiltIn(String name) {
        try (var in = TargetJson.class.getResourceAsStream("/dev/xamba/opt/cost/targets/" + name + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
