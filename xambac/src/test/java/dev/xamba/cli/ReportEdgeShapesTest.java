package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cost models at the edges of shapes: empty tensors, and work counts beyond 64 bits. */
class ReportEdgeShapesTest {
    private static final String EXP = """
            module {
              func.func @main(%x: tensor<NxKxf32>) -> tensor<NxKxf32> {
                %0 = "ov.Exp"(%x) : (tensor<NxKxf32>) -> tensor<NxKxf32> loc("exp")
                func.return %0 : tensor<NxKxf32>
              }
            }
            """;
    /** A convolution of 12288 → CH channels over 2^30 positions: 2^30 × CH × 12288 MACs, beyond 2^63 for CH = 2^20. */
    private static final String CONV = """
            module {
              func.func @main(%x: tensor<1x12288x1073741824xf32>, %w: tensor<CHx12288x1xf32>) -> tensor<1xCHx1073741824xf32> {
                %0 = "ov.Convolution"(%x, %w) {dilations = [1], pads_begin = [0], pads_end = [0], strides = [1]} : (tensor<1x12288x1073741824xf32>, tensor<CHx12288x1xf32>) -> tensor<1xCHx1073741824xf32> loc("conv")
                func.return %0 : tensor<1xCHx1073741824xf32>
              }
            }
            """;

    @TempDir
    Path dir;

    private double predictedTotal(String text, String target) throws IOException {
        Path file = Files.writeString(dir.resolve("m.xir"), text);
        CliRunner.Result r = CliRunner.run("report", file.toString(), "--target", target);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Matcher m = Pattern.compile("predicted total: ([0-9.]+) µs").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** An empty tensor was costed as if its 0 were a dynamic dimension (1): as much as one row of 65536 elements. */
    @ParameterizedTest
    @ValueSource(strings = {"cpu", "npu4"})
    void anEmptyTensorCostsLessThanOneRow(String target) throws IOException {
        double empty = predictedTotal(EXP.replace("NxK", "0x65536"), target);
        double oneRow = predictedTotal(EXP.replace("NxK", "1x65536"), target);
        double twoRows = predictedTotal(EXP.replace("NxK", "2x65536"), target);
        assertThat(oneRow - empty).isGreaterThan(0).isCloseTo(twoRows - oneRow, org.assertj.core.api.Assertions.within(0.01 * (twoRows - oneRow)));
    }

    /**
     * The MAC count of a convolution wrapped past 2^63: on cpu an internal error (a negative cost), on npu4 a total
     * barely above that of a convolution with 1/128 of the channels. Counts saturate now.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cpu", "npu4"})
    void aConvolutionBeyond64BitsOfWorkIsNotCheaperThanASmallerOne(String target) throws IOException {
        double huge = predictedTotal(CONV.replace("CH", "1048576"), target);
        double smaller = predictedTotal(CONV.replace("CH", "8192"), target);
        assertThat(huge).isFinite().isGreaterThan(10 * smaller);
    }

    /** Textual IR without {@code @main} is costed (its first function), though it cannot be written: it was refused. */
    @org.junit.jupiter.api.Test
    void aModuleWithoutMainIsReportedOn() throws IOException {
        String noMain = EXP.replace("NxK", "2x8").replace("@main", "@f");
        assertThat(predictedTotal(noMain, "cpu")).isPositive();
    }

    /**
     * The report's rows are named after the layers of the IR the compile writes, with --compress-fp16 too (a compressed
     * constant adds a layer, which shifted the generated names of ops without a location: MatMul_2 against MatMul_3).
     */
    @org.junit.jupiter.api.Test
    void rowNamesAreTheWrittenLayersNamesWithCompressedWeights() throws Exception {
        Path xir = Files.writeString(dir.resolve("nl.xir"), """
                module {
                  func.func @main(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
                    %w = "ov.Constant"() {value = dense<0.5> : tensor<8x8xf32>} : () -> tensor<8x8xf32>
                    %0 = "ov.MatMul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
                    %1 = "ov.Exp"(%0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
                    func.return %1 : tensor<4x8xf32>
                  }
                }
                """);
        Path xml = dir.resolve("nl.xml");
        dev.xamba.api.CompileResult r = dev.xamba.api.Xamba.compile(xir, dev.xamba.api.CompileOptions.defaults().withTarget("cpu")
                .withCompressFp16(true).withReport(true).withOutput(xml));
        String written = Files.readString(xml);
        java.util.List<String> rows = r.report().orElseThrow().after().ops().stream().map(dev.xamba.opt.cost.report.OpRow::name).toList();
        assertThat(rows).isNotEmpty().allSatisfy(name -> assertThat(written).contains(" name=\"" + name + "\""));
    }

    /** A MatMul over an inner dimension of 0 does no multiply-add; it was charged as if K were 1. */
    @ParameterizedTest
    @ValueSource(strings = {"cpu", "npu4"})
    void aMatMulOverAnEmptyInnerDimensionCostsNoMacs(String target) throws IOException {
        String mm = """
                module {
                  func.func @main(%a: tensor<4096xKxf32>, %b: tensor<Kx4096xf32>) -> tensor<4096x4096xf32> {
                    %0 = "ov.MatMul"(%a, %b) {transpose_a = false, transpose_b = false} : (tensor<4096xKxf32>, tensor<Kx4096xf32>) -> tensor<4096x4096xf32> loc("mm")
                    func.return %0 : tensor<4096x4096xf32>
                  }
                }
                """;
        double k0 = predictedTotal(mm.replace("xKx", "x0x").replace("<Kx", "<0x"), target);
        double k1 = predictedTotal(mm.replace("xKx", "x1x").replace("<Kx", "<1x"), target);
        double k2 = predictedTotal(mm.replace("xKx", "x2x").replace("<Kx", "<2x"), target);
        assertThat(k0).isLessThan(k1);
        assertThat(k1 - k0).isGreaterThan(0.5 * (k2 - k1));
    }

    /** The fixed cost is the model's (0 on an NPU target), not total minus rows, which is not exact for large sums. */
    @org.junit.jupiter.api.Test
    void theFixedCostIsTheTargetsEvenBesideHugeOps() throws IOException {
        Path file = Files.writeString(dir.resolve("conv.xir"), CONV.replace("CH", "1048576"));
        CliRunner.Result npu = CliRunner.run("report", file.toString(), "--target", "npu4", "--format", "json");
        assertThat(npu.exitCode()).as(npu.err()).isZero();
        assertThat(npu.out()).contains("\"fixed_us\": 0.0");
        CliRunner.Result cpu = CliRunner.run("report", file.toString(), "--target", "cpu", "--format", "json");
        assertThat(cpu.out()).contains("\"fixed_us\": " + dev.xamba.opt.cost.device.Targets.builtIn("cpu").cpu().inferenceFixedUs());
    }
}
