package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code report} takes {@code --remarks} and the compile limits as {@code compile} does: it had neither, so a model
 * that needs a larger fold budget could not be reported on, and the rewrite decisions behind a report were not shown.
 */
class ReportOptionsTest {
    private static final String MODEL = RepoFiles.root().resolve("testdata/mamba_tiny_l2_t16.onnx").toString();

    @Test
    void remarksShowTheRewriteDecisionsOfTheReportedCompile() {
        CliRunner.Result r = CliRunner.run("report", MODEL, "--target", "npu4", "--remarks");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("xamba cost report: mamba_tiny_l2_t16.onnx on npu4");
        assertThat(r.err()).contains("\"/layers.0/norm/ReduceMean\": remark: [xamba-reduba] applied (predicted win)");
        CliRunner.Result quiet = CliRunner.run("report", MODEL, "--target", "npu4");
        assertThat(quiet.err()).doesNotContain("remark:");
        assertThat(quiet.out()).isEqualTo(r.out());
    }

    @Test
    void theFoldBudgetReachesTheReportedCompile() {
        // Legalizing a Slice needs its bounds folded to constants; with no fold budget they stay computed.
        CliRunner.Result r = CliRunner.run("report", MODEL, "--target", "npu4", "--max-fold-work", "0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("\"/layers.0/mixer/Slice\": error: 'onnx.Slice' op cannot be legalized to the ov dialect: ends (operand #2) must be a constant");
        assertThat(r.out()).isEmpty();
    }
}
