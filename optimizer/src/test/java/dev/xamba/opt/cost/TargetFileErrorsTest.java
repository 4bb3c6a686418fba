package dev.xamba.opt.cost;

import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.Operation;
import dev.xamba.opt.cost.cpu.CpuCostModel;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetFormatException;
import dev.xamba.opt.cost.device.TargetJson;
import dev.xamba.opt.cost.npu.NpuCostModel;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Target files a review found accepted as nonsense, refused as an internal error, or refused without saying where:
 * every error is one line with {@code file:line:col} and the field's full path.
 */
class TargetFileErrorsTest {
    /** A small valid CPU target; each test breaks one field. */
    private static final String CPU = """
            {
              "name": "t", "kind": "cpu",
              "cpu": {
                "inference_fixed_us": 5, "cache_bytes": 1048576, "dram_gbps": 20,
                "default": {"fixed_us": 1, "ns_per_element": 0.1},
                "families": {
                  "MatMul": {"fixed_us": 0.4, "ns_per_mac": 0.01},
                  "elementwise": {"fixed_us": 0.3, "ns_per_element": 0.1}
                }
              },
              "sources": {"cpu.dram_gbps": "a guess"}
            }
            """;

    private static Target parse(String text) { return TargetJson.parse(text, "T.json"); }

    private static String npu4() { return TargetJsonTest.readBuiltIn("npu4"); }

    @Test void theTestTargetIsValid() {
        assertThat(parse(CPU).cpu().families()).containsOnlyKeys("MatMul", "elementwise");
    }

    @Test void aNumberOutsideItsFieldsBoundsIsALocatedErrorNotAnInternalOne() {
        // 1e308 passed the reader and failed KernelRate's own check: an IllegalArgumentException, exit 3.
        assertThatThrownBy(() -> parse(CPU.replace("\"fixed_us\": 0.4, \"ns_per_mac\": 0.01", "\"fixed_us\": 1e308, \"ns_per_mac\": 1e308")))
                .isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:7:18: cpu.families.MatMul.fixed_us: expected a number from 0 to 1e9, got 1e308");
        assertThatThrownBy(() -> parse(CPU.replace("\"ns_per_mac\": 0.01", "\"ns_per_mac\": 1e308")))
                .hasMessage("T.json:7:35: cpu.families.MatMul.ns_per_mac: expected a number from 0 to 1e9, got 1e308");
        assertThatThrownBy(() -> TargetJson.parse(npu4().replace("\"default\": {\"fixed_us\": 2.06", "\"default\": {\"fixed_us\": 1e308"), "npu4.json"))
                .isInstanceOf(TargetFormatException.class)
                .hasMessage("npu4.json:18:17: shave.default.fixed_us: expected a number from 0 to 1e9, got 1e308");
        // Accepted: a total of Infinity µs and a speedup of NaN, or of 300 digits.
        assertThatThrownBy(() -> parse(CPU.replace("\"inference_fixed_us\": 5", "\"inference_fixed_us\": 1e308")))
                .hasMessage("T.json:4:5: cpu.inference_fixed_us: expected a number from 0 to 1e9, got 1e308");
        assertThatThrownBy(() -> parse(CPU.replace("\"dram_gbps\": 20", "\"dram_gbps\": 1e-300")))
                .hasMessage("T.json:4:54: cpu.dram_gbps: expected a number from 0.001 to 1000000, got 1e-300");
        assertThatThrownBy(() -> TargetJson.parse(npu4().replace("\"dpu_compute\": 0.05", "\"dpu_compute\": 1e-300"), "npu4.json"))
                .hasMessageEndingWith(": efficiency.dpu_compute: expected a number from 1e-9 to 1, got 1e-300");
        assertThatThrownBy(() -> TargetJson.parse(npu4().replace("\"clock_mhz\": 1700", "\"clock_mhz\": 1e-9"), "npu4.json"))
                .hasMessage("npu4.json:7:5: dpu.clock_mhz: expected a number from 1 to 100000, got 1e-9");
        assertThatThrownBy(() -> TargetJson.parse(npu4().replace("\"tiles\": 6", "\"tiles\": 100000"), "npu4.json"))
                .hasMessage("npu4.json:6:5: dpu.tiles: expected a whole number from 1 to 1024, got 100000");
    }

    @Test void theBoundsKeepEveryPredictionFinite() {
        // Every number at its worst bound, and an op whose counts saturate at 2^63 - 1.
        Target cpu = parse(CPU.replace("\"inference_fixed_us\": 5", "\"inference_fixed_us\": 1e9").replace("\"cache_bytes\": 1048576", "\"cache_bytes\": 1")
                .replace("\"dram_gbps\": 20", "\"dram_gbps\": 0.001").replace("\"fixed_us\": 0.3, \"ns_per_element\": 0.1", "\"fixed_us\": 1e9, \"ns_per_element\": 1e9"));
        String worstNpu = npu4().replaceAll("\"(tiles|macs_per_cycle_f16|macs_per_cycle_i8|depthwise_macs_per_cycle|eltwise_per_cycle|cmx_bytes_per_tile|count|engines)\": [0-9]+", "\"$1\": 1")
                .replaceAll("\"(clock_mhz)\": [0-9.]+", "\"$1\": 1").replaceAll("\"(cmx_gbps_per_tile|gbps_per_engine|dram_gbps)\": [0-9.]+", "\"$1\": 0.001")
                .replaceAll("\"(dpu_compute|dma_bandwidth)\": [0-9.]+", "\"$1\": 1e-9")
                .replaceAll("\"(fixed_us|ns_per_element|latency_us)\": [0-9.]+", "\"$1\": 1e9");
        Target npu = TargetJson.parse(worstNpu, "worst.json");
        long huge = 1L << 40;
        FunctionBuilder f = FunctionBuilder.main(f32(huge, 1), f32(1, huge), f32(huge, huge));
        Operation multiply = f.create("ov.Multiply", Map.of(), null, f.arg(0), f.arg(1));
        Operation matmul = f.create("ov.MatMul", Map.of(), null, f.arg(2), f.arg(2));
        Operation exp = f.create("ov.Exp", Map.of(), null, f.arg(2));
        for (Operation op : new Operation[] {multiply, matmul, exp}) {
            assertThat(new CpuCostModel(cpu).cost(op).totalMicros()).as(op.name()).isFinite().isLessThan(1e40);
            assertThat(new NpuCostModel(npu).cost(op).totalMicros()).as(op.name()).isFinite().isLessThan(1e40);
        }
        assertThat(new CpuCostModel(cpu).graphOverhead().totalMicros()).isEqualTo(1e9);
    }

    @Test void aRateRowMustNameAKernelOrFamilyTheModelAsksFor() {
        // Each was ignored: the op took the default rate (a misspelt single-SHAVE kernel moved a total from 961 to 296 µs).
        assertThatThrownBy(() -> parse(CPU.replace("\"MatMul\"", "\"Matmul\""))).isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:7:7: cpu.families.Matmul: unknown kernel or op family (did you mean MatMul or matmul?)");
        assertThatThrownBy(() -> TargetJson.parse(npu4().replace("\"CumSum\": {", "\"CumSun\": {"), "npu4.json"))
                .hasMessage("npu4.json:22:7: shave.kernels.CumSun: unknown kernel (did you mean CumSum?)");
        assertThatThrownBy(() -> TargetJson.parse(npu4().replace("[\"CumSum\", \"SoftPlus\"]", "[\"SoftPlus\", \"Cumsum\"]"), "npu4.json"))
                .hasMessage("npu4.json:16:42: shave.single_shave_kernels[1]: \"Cumsum\" is an unknown kernel (did you mean CumSum?)");
        assertThatThrownBy(() -> parse(CPU.replace("\"elementwise\"", "\"Bogus\"")))
                .hasMessageStartingWith("T.json:8:7: cpu.families.Bogus: unknown kernel or op family (expected an ov op's IR type: Abs, Add, ")
                .hasMessageContaining(", CumSum, ").hasMessageEndingWith("; or a family: activation, convolution, elementwise, gather, layout, matmul, other, reduction, scan)");
    }

    @Test void aFieldGivenTwiceIsRefusedWhereItIsRepeated() {
        // The last one won without a word.
        assertThatThrownBy(() -> parse(CPU.replace("\"dram_gbps\": 20,", "\"dram_gbps\": 20, \"dram_gbps\": 30,")))
                .isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:4:71: cpu.dram_gbps: given twice (first at line 4, column 54)");
        assertThatThrownBy(() -> parse(CPU.replace("\"elementwise\"", "\"MatMul\"")))
                .hasMessage("T.json:8:7: cpu.families.MatMul: given twice (first at line 7, column 7)");
        // Located at the repeated name's opening quote, whatever it escapes.
        assertThatThrownBy(() -> parse("{\"a\\\"\\\\\": 1,\n  \"a\\\"\\\\\": 2}")).hasMessage("T.json:2:3: a\"\\: given twice (first at line 1, column 2)");
    }

    @Test void everyErrorNamesTheFieldsFullPathAndWhereItIs() {
        // Were "inference_fixed_us: ...", "families.MatMul: ...", "x: ...", "default: ...", without the file's line.
        assertThatThrownBy(() -> parse(CPU.replace("\"inference_fixed_us\": 5", "\"inference_fixed_us\": -1")))
                .hasMessage("T.json:4:5: cpu.inference_fixed_us: expected a number from 0 to 1e9, got -1");
        assertThatThrownBy(() -> parse(CPU.replace("{\"fixed_us\": 0.4, \"ns_per_mac\": 0.01}", "3")))
                .hasMessage("T.json:7:7: cpu.families.MatMul: expected an object, got 3");
        assertThatThrownBy(() -> parse(CPU.replace("{\"cpu.dram_gbps\": \"a guess\"}", "{\"x\": 3}")))
                .hasMessage("T.json:11:15: sources.x: expected a string, got 3");
        assertThatThrownBy(() -> parse(CPU.replace("\"default\": {\"fixed_us\": 1, \"ns_per_element\": 0.1},", "")))
                .hasMessage("T.json:3:3: cpu.default: expected an object, missing");
        assertThatThrownBy(() -> parse(CPU.replace("\"fixed_us\": 1, ", "")))
                .hasMessage("T.json:5:5: cpu.default.fixed_us: expected a number from 0 to 1e9, missing");
        assertThatThrownBy(() -> parse(CPU.replace("\"elementwise\": {\"fixed_us\": 0.3,", "\"elementwise\": {\"fixed_us\": 0.3, \"ns_per_elem\": 1,")))
                .hasMessage("T.json:8:40: cpu.families.elementwise.ns_per_elem: unknown field (expected one of fixed_us, ns_per_element, ns_per_mac)");
        // A key is the user's text: a newline in it is shown as an escape, and the message stays one line.
        assertThatThrownBy(() -> parse(CPU.replace("\"name\": \"t\"", "\"na\\nme\": \"t\", \"name\": \"t\"")))
                .hasMessage("T.json:2:3: na\\nme: unknown field (expected one of name, kind, description, sources, cpu)");
        assertThatThrownBy(() -> parse("[" + CPU + "]")).hasMessage("T.json:1:1: a target file must hold one JSON object");
    }

    @Test void aNumberOfAnyLengthIsReadAndOneOutOfRangeIsNamedAsSuch() {
        // gson refused a number longer than its 1024-character buffer as "T.json:1:272: not valid JSON: malformed JSON".
        String digits = "1".repeat(1100);
        assertThatThrownBy(() -> parse(CPU.replace("\"cache_bytes\": 1048576", "\"cache_bytes\": " + digits)))
                .isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:4:30: cpu.cache_bytes: expected a whole number from 1 to 1099511627776, got 11111111111111111111111111111111... (1100 characters)");
        assertThatThrownBy(() -> parse(CPU.replace("\"ns_per_mac\": 0.01", "\"ns_per_mac\": " + digits + "e-1000")))
                .hasMessageStartingWith("T.json:7:35: cpu.families.MatMul.ns_per_mac: expected a number from 0 to 1e9, got 1111111");
        assertThat(parse(CPU.replace("\"dram_gbps\": 20", "\"dram_gbps\": 20." + "0".repeat(1100))).cpu().dramGBps()).isEqualTo(20);
        assertThat(parse(CPU.replace("\"dram_gbps\": 20", "\"dram_gbps\": 2" + "0".repeat(1101) + "e-1100")).cpu().dramGBps()).isEqualTo(20);
    }

    @Test void escapesAndAByteOrderMarkAreReadAsJsonSays() {
        // The reader replaced gson's: what gson read, it reads (the built-ins and calibrate's files round-trip elsewhere).
        assertThat(parse("\uFEFF" + CPU.replace("\"name\": \"t\"", "\"name\": \"\\u00e9\\n\\\"\\/\"")).name()).isEqualTo("\u00e9\n\"/");
        // A byte order mark is not a column: the error is where it is without one.
        assertThatThrownBy(() -> parse("\uFEFF" + CPU.replace("\"name\": \"t\"", "\"name\": 3"))).hasMessage("T.json:2:3: name: expected a string, got 3");
        assertThatThrownBy(() -> parse(CPU.replace("\"name\": \"t\"", "\"name\": \"\\x\""))).hasMessage("T.json:2:13: not valid JSON: unrecognized character escape 'x' (code 120)");
        assertThatThrownBy(() -> parse(CPU.replace("\"name\": \"t\"", "\"name\": \"\\u00g0\""))).hasMessage("T.json:2:16: not valid JSON: unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence");
        assertThatThrownBy(() -> parse(CPU.replace("\"dram_gbps\": 20", "\"dram_gbps\": 020"))).hasMessage("T.json:4:68: not valid JSON: invalid numeric value: Leading zeroes not allowed");
        assertThatThrownBy(() -> parse(CPU.replace("\"dram_gbps\": 20", "\"dram_gbps\": 2."))).hasMessage("T.json:4:68: not valid JSON: unexpected character (',' (code 44)) in numeric value: Decimal point not followed by a digit");
    }

    @Test void theParsersMessagesAreOneLineInTheUsersTerms() {
        // Jackson's own messages name its settings ("enable `JsonReadFeature...` to allow") and add "[Source: ...]".
        for (String broken : new String[] {"{\"a\": +1}", "{\"a\": NaN}", "// a comment\n{}", "{\"a\": 1]", "{\"a\": [1}", "{\"a\": \"\u2028\u0000",
                "{\"" + "k".repeat(60_000) + "\": 1}", "{\"a\": tr\u0000ue}"}) {
            assertThatThrownBy(() -> parse(broken)).isInstanceOf(TargetFormatException.class).hasMessageStartingWith("T.json:1:")
                    .hasMessageContaining(": not valid JSON: ").message()
                    .doesNotContain("`", "Source", "REDACTED", "Feature", "StreamRead", "JsonRead", "ackson", "\n", "\u0000", "\u2028");
        }
        assertThatThrownBy(() -> parse("{\"a\": 1]")).hasMessage("T.json:1:8: not valid JSON: unexpected close marker ']': expected '}' (for Object starting at line 1, column 1)");
        assertThatThrownBy(() -> parse("{\"a\": +1}")).hasMessage("T.json:1:8: not valid JSON: unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs");
        // A control character between tokens is where it is (Jackson says one column after).
        assertThatThrownBy(() -> parse("{\"a\": \u0001}")).hasMessage("T.json:1:7: not valid JSON: illegal character ((CTRL-CHAR, code 1)): only regular white space (\\r, \\n, \\t) is allowed between tokens");
        // Lines end at LF, CR LF or CR, as the parser counts them.
        assertThatThrownBy(() -> parse("{\"x\": 1}\r\r\n\r  x")).hasMessage("T.json:4:3: not valid JSON: more text after the JSON value (a target file is one object)");
        assertThatThrownBy(() -> parse(" \n ")).hasMessage("T.json:2:2: not valid JSON: the text ends where a value should be");
    }

    @Test void deepNestingIsASyntaxErrorNotAStackOverflow() {
        // gson's parser recursed until a StackOverflowError: an internal error (exit 3).
        String deep = "{\"name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(TargetFormatException.class)
                .hasMessage("T.json:1:73: not valid JSON: nested more than 64 deep");
    }
}
