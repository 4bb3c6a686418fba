package dev.xamba.opt.xamba;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.longs;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.RewriteDecision;
import dev.xamba.opt.testing.FunctionBuilder;
import dev.xamba.opt.testing.RewriteHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code xamba-cumba}: every axis, exclusive and reverse keep the numerics; each guard states its reason. */
class CumSumToTriangularMatMulTest {
    private static final String FORCED = "xamba-cumba{force}";

    private static ModuleOp cumsum(TensorType x, long axis, boolean exclusive, boolean reverse) {
        FunctionBuilder f = FunctionBuilder.main(x);
        Value ax = f.constant("axis", longs(shape(), axis));
        return f.returning(f.op("ov.CumSum", Map.of("exclusive", BoolAttr.of(exclusive), "reverse", BoolAttr.of(reverse)),
                "scan", f.arg(0), ax));
    }

    @ParameterizedTest(name = "axis {0}, exclusive {1}, reverse {2}")
    @CsvSource({"0,false,false", "1,false,false", "2,false,false", "-1,false,false", "-2,true,false", "-1,false,true",
            "1,true,true", "-1,true,true", "0,true,false"})
    void everyAxisAndModeBecomesOneMatMulWithoutTransposes(long axis, boolean exclusive, boolean reverse) {
        ModuleOp m = cumsum(f32(3, 5, 4), axis, exclusive, reverse);
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(m, FORCED, 1e-5);
        assertThat(d).singleElement().satisfies(x -> assertThat(x.applied()).as(x.reason()).isTrue());
        assertThat(count(m, "ov.CumSum")).isZero();
        assertThat(count(m, "ov.MatMul")).isEqualTo(1);
        assertThat(count(m, "ov.Transpose")).isZero();
    }

    @ParameterizedTest(name = "blocked: axis {0}, exclusive {1}, reverse {2}")
    @CsvSource({"1,false,false", "1,true,false", "1,false,true", "1,true,true", "-1,false,false", "-1,true,true"})
    void theBlockedFormScansInBlocksAndCarriesTheBlockTotals(long axis, boolean exclusive, boolean reverse) {
        ModuleOp m = cumsum(f32(2, 16, 3), axis == -1 ? 1 : axis, exclusive, reverse);
        if (axis == -1) m = cumsum(f32(3, 16), -1, exclusive, reverse);
        List<RewriteDecision> d = RewriteHarness.assertSameNumerics(m, "xamba-cumba{force form=blocked}", 1e-5);
        assertThat(d).singleElement().satisfies(x -> assertThat(x.reason()).contains("blocked"));
        assertThat(count(m, "ov.MatMul")).isEqualTo(3); // in-block scans, block totals, carried totals
        assertThat(count(m, "ov.CumSum")).isZero();
    }

    @Test void theCostModelPicksTheBlockedFormForALongScan() {
        ModuleOp m = cumsum(f32(1, 24, 1, 256, 256), -2, false, false);
        List<RewriteDecision> d = RewriteHarness.run(m, "xamba-cumba{target=npu4}").decisions();
        assertThat(d).singleElement().satisfies(x -> assertThat(x.reason()).contains("blocked"));
    }

    @Test void theMaskIsTheTriangleTheModeAsksFor() {
        var t = f32(3, 3);
        assertThat(CumSumToTriangularMatMul.mask(t, 3, false, false, false).toDoubles()).containsExactly(1, 0, 0, 1, 1, 0, 1, 1, 1);
        assertThat(CumSumToTriangularMatMul.mask(t, 3, true, false, false).toDoubles()).containsExactly(0, 0, 0, 1, 0, 0, 1, 1, 0);
        assertThat(CumSumToTriangularMatMul.mask(t, 3, false, true, false).toDoubles()).containsExactly(1, 1, 1, 0, 1, 1, 0, 0, 1);
        assertThat(CumSumToTriangularMatMul.mask(t, 3, true, true, false).toDoubles()).containsExactly(0, 1, 1, 0, 0, 1, 0, 0, 0);
    }

    @Test void aDynamicScanLengthIsNotRewritten() {
        ModuleOp m = cumsum(f32(2, TensorType.DYNAMIC), -1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the scanned axis 1 has a dynamic length"));
    }

    /**
     * {@code auto} declines a rewrite its cost model predicts no win for: npu4 with a DPU a million times slower
     * (a real target file; every other case of the suite is a predicted win or refused by a guard, so applying
     * without a win passed them all).
     */
    @Test void aRewriteWithoutAPredictedWinIsDeclined(@TempDir Path dir) throws IOException {
        String npu4;
        try (InputStream in = getClass().getResourceAsStream("/dev/xamba/opt/cost/targets/npu4.json")) {
            npu4 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String slowDpu = npu4.replace("\"dpu_compute\": 0.05", "\"dpu_compute\": 0.00000005").replace("\"name\": \"npu4\"", "\"name\": \"slow-dpu\"");
        assertThat(slowDpu).contains("0.00000005").contains("slow-dpu");
        Path target = Files.writeString(dir.resolve("slow-dpu.json"), slowDpu);

        ModuleOp m = cumsum(f32(4, 16), -1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, "xamba-cumba{target=" + target + "}")).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("no predicted win on slow-dpu"));
        // The same scan on npu4 itself is a win.
        assertThat(RewriteHarness.run(cumsum(f32(4, 16), -1, false, false), "xamba-cumba{target=npu4}").decisions())
                .singleElement().satisfies(d -> assertThat(d.applied()).as(d.reason()).isTrue());
    }

    @Test void anIntegerScanIsNotRewritten() {
        FunctionBuilder f = FunctionBuilder.main(TensorType.of(dev.xamba.ir.type.ElementType.I64, 2, 8));
        Value ax = f.constant("axis", longs(shape(), -1));
        ModuleOp m = f.returning(f.op("ov.CumSum", Map.of(), "scan", f.arg(0), ax));
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the input is i64: MatMul would sum integers in floating point"));
    }

    @Test void aMaskOverTheBudgetIsNotRewritten() {
        ModuleOp m = cumsum(f32(2, 64), -1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, "xamba-cumba{force form=single max-mask-bytes=16000}")).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the 64×64 mask takes 16384 bytes, over max-mask-bytes=16000"));
    }

    @Test void whereTheSingleMaskIsOverTheBudgetTheBlockedFormsSmallerMasksMayFit() {
        // 64×64 f32 is 16384 bytes; the blocked form's two masks are 8×8 (256 bytes each). It was refused on the
        // single form's mask, a guard the blocked form does not have.
        ModuleOp m = cumsum(f32(2, 64), -1, false, false);
        assertThat(RewriteHarness.assertSameNumerics(m, "xamba-cumba{force max-mask-bytes=16000}", 1e-4)).singleElement()
                .satisfies(d -> assertThat(d.reason()).as(d.applied() + "").isEqualTo("forced; blocked"));
        assertThat(count(m, "ov.CumSum")).isZero();
    }

    @Test void whenNoFormFitsEachFormsReasonIsGiven() {
        ModuleOp m = cumsum(f32(1, 4096), -1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, "xamba-cumba{force max-mask-bytes=1000}")).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the 4096×4096 mask takes 67108864 bytes, over max-mask-bytes=1000; "
                        + "blocked: the 64×64 mask takes 16384 bytes, over max-mask-bytes=1000"));
    }

    @Test void aMaskTooLargeForOneArrayIsNotRewrittenWhateverTheBudget() {
        // 50000² elements: the budget lets it through, the array could not hold it (it was NegativeArraySizeException).
        ModuleOp m = cumsum(f32(1, 50_000), -1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, "xamba-cumba{force form=single max-mask-bytes=100000000000000}")).allSatisfy(
                d -> assertThat(d.reason()).isEqualTo("the 50000×50000 mask has more than 2^31 elements, more than xamba builds in memory"));
    }

    @Test void theDefaultBudgetIsOneNpuTilesCmx() {
        assertThat(XambaTargets.maskBudgetBytes("npu4")).isGreaterThan(1_000_000L).isLessThan(2_000_000L);
        // 1024×1024 f32 = 4 MiB: over one NPU 4 tile's CMX.
        ModuleOp m = cumsum(f32(1, 1024), -1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, "xamba-cumba{force form=single target=npu4}")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("over max-mask-bytes=" + XambaTargets.maskBudgetBytes("npu4")));
    }

    @Test void aScanOfLengthOneIsNotRewritten() {
        ModuleOp m = cumsum(f32(4, 1), 1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("length 1"));
    }

    @Test void aScanOfNoElementsIsNotRewritten() {
        ModuleOp m = cumsum(f32(0, 8), 1, false, false);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("has no elements"));
    }

    @Test void aComputedAxisIsNotRewritten() {
        FunctionBuilder f = FunctionBuilder.main(f32(2, 3), FunctionBuilder.i64());
        ModuleOp m = f.returning(f.op("ov.CumSum", f.arg(0), f.arg(1)));
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, FORCED)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the axis is not a constant"));
    }

    @Test void onTheNpuTheCostModelPredictsAWinForTheSegmentSum() {
        // The segment sum of Mamba-2 at chunk 256: 24 heads × 256 rows scanned over 256 (NPU_COST_MODEL.md §6).
        ModuleOp m = cumsum(f32(1, 24, 1, 256, 256), -1, false, false);
        List<RewriteDecision> d = RewriteHarness.run(m, "xamba-cumba{target=npu4}").decisions();
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.applied()).as(x.reason()).isTrue();
            assertThat(x.afterMicros()).isLessThan(x.beforeMicros() / 10);
        });
    }
}
