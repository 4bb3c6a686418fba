package dev.xamba.opt.pass;

import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.floats;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.testing.FunctionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassManagerTest {

    /** Breaks the IR the way a buggy pass would: gives the first op's result a wrong type. */
    static final class BreakTypes extends Pass {
        @Override public String cliName() { return "test-break-types"; }

        @Override public String summary() { return "test only: corrupts a result type"; }

        @Override public void run(Operation module, PassContext ctx) {
            Operation first = new ModuleOp(module).functions().get(0).body().operations().first();
            first.result().setType(TensorType.of(dev.xamba.ir.type.ElementType.I64, 7));
        }
    }

    /** Throws, as a pass with a bug does. */
    static final class Crash extends Pass {
        @Override public String cliName() { return "test-crash"; }

        @Override public String summary() { return "test only: throws"; }

        @Override public void run(Operation module, PassContext ctx) { throw new IllegalStateException("boom"); }
    }

    /** Reports an error about its input and a warning. */
    static final class Complain extends Pass {
        @Override public String cliName() { return "test-complain"; }

        @Override public String summary() { return "test only: reports an error"; }

        @Override public void run(Operation module, PassContext ctx) {
            ctx.warn(Location.name("w"), "something odd");
            ctx.emit(Diagnostic.error(Location.name("here"), "cannot handle this"));
        }
    }

    private static final PassRegistry REGISTRY = PassRegistry.standard()
            .with(BreakTypes::new).with(Crash::new).with(Complain::new);

    private static ModuleOp addOfConstants() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        Value c = f.constant("c", floats(shape(2), 1, 2));
        Value folded = f.op("ov.Add", Map.of(), "fold", c, c);
        return f.returning(f.op("ov.Add", Map.of(), "keep", f.arg(0), folded));
    }

    private static final class Capture {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() { return bytes.toString(StandardCharsets.UTF_8); }
    }

    @Test
    void aPipelineWithNonFiniteOptionValuesPrintsBackToItself() {
        // The reproducer line of a crash is the pipeline printed: "max-error=Infinity" did not parse back.
        String printed = PassManager.parse("xamba-actiba{max-error=inf}", PassManager.Options.defaults()).pipeline();
        assertThat(printed).contains("max-error=inf");
        assertThat(PassManager.parse(printed, PassManager.Options.defaults()).pipeline()).isEqualTo(printed);
        PassOption<Double> any = PassOption.doubleOption("x", 0.0, "a double");
        assertThat(java.util.List.of(any.format(Double.NEGATIVE_INFINITY), any.format(Double.NaN), any.format(0.5)))
                .containsExactly("-inf", "nan", "0.5");
    }

    @Test
    void printIrAfterAllWritesMlirHeadersAndTheModule() {
        ModuleOp m = addOfConstants();
        Capture out = new Capture();

        PassManager.parse("canonicalize,cse", PassManager.Options.defaults().withPrintIrAfterAll(out.stream)).run(m.op());

        String ir = AsmPrinter.print(m.op());
        assertThat(out.text()).isEqualTo(
                "// -----// IR Dump After CanonicalizePass (canonicalize) //----- //\n" + ir + "\n"
                + "// -----// IR Dump After CsePass (cse) //----- //\n" + ir + "\n");
    }

    @Test
    void verifyEachNamesThePassThatBrokeTheIr() {
        ModuleOp m = addOfConstants();
        PassManager pm = PassManager.parse("cse,test-break-types,canonicalize",
                PassManager.Options.defaults().withVerifyEach(true), REGISTRY);

        assertThatThrownBy(() -> pm.run(m.op()))
                .isInstanceOf(DiagnosticException.class)
                .satisfies(e -> {
                    var ds = ((DiagnosticException) e).diagnostics();
                    assertThat(ds.get(0).message()).isEqualTo("verification failed after pass 'test-break-types'");
                    assertThat(ds).hasSizeGreaterThan(1);
                    assertThat(ds.get(1).render()).contains("result #0 has type tensor<7xi64>");
                });
    }

    @Test
    void withoutVerifyEachTheBrokenIrGoesThrough() {
        ModuleOp m = addOfConstants();

        PassManager.parse("test-break-types", PassManager.Options.defaults(), REGISTRY).run(m.op());

        assertThat(dev.xamba.ir.verify.Verifier.verify(m.op())).isNotEmpty();
    }

    @Test
    void verifyEachChecksTheInputFirst() {
        ModuleOp m = addOfConstants();
        m.functions().get(0).body().operations().first().result().setType(f32(3));

        assertThatThrownBy(() -> PassManager.parse("cse", PassManager.Options.defaults().withVerifyEach(true)).run(m.op()))
                .isInstanceOf(DiagnosticException.class)
                .satisfies(e -> assertThat(((DiagnosticException) e).diagnostics().get(0).message())
                        .isEqualTo("verification failed on the input, before pass 'cse'"));
    }

    @Test
    void aThrowingPassIsAnInternalErrorNotADiagnostic() {
        ModuleOp m = addOfConstants();
        PassManager pm = PassManager.parse("canonicalize{max-iterations=3},test-crash",
                PassManager.Options.defaults().withReproducerOnFailure(true), REGISTRY);

        assertThatThrownBy(() -> pm.run(m.op()))
                .isInstanceOf(PassCrashException.class)
                .hasMessage("pass 'test-crash' crashed: java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(e -> {
                    PassCrashException crash = (PassCrashException) e;
                    assertThat(crash.passIndex()).isEqualTo(1);
                    assertThat(crash.passElement()).isEqualTo("test-crash");
                    assertThat(crash.pipeline()).isEqualTo("canonicalize{max-iterations=3},test-crash");
                    assertThat(crash.getCause().getStackTrace()[0].getClassName()).endsWith("PassManagerTest$Crash");
                });
    }

    @Test
    void aPassErrorCarriesTheReproducerNote() {
        PassManager pm = PassManager.parse("cse,test-complain",
                PassManager.Options.defaults().withReproducerOnFailure(true), REGISTRY);

        assertThatThrownBy(() -> pm.run(addOfConstants().op()))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("note: reproduce with: xambac opt --passes 'cse,test-complain' <input>");
    }

    @Test
    void errorsReportedByAPassFailTheRunWithEveryDiagnostic() {
        ModuleOp m = addOfConstants();
        Capture timing = new Capture();
        PassManager pm = PassManager.parse("test-complain,cse", PassManager.Options.defaults().withTiming(timing.stream), REGISTRY);

        assertThatThrownBy(() -> pm.run(m.op()))
                .isInstanceOf(DiagnosticException.class)
                .satisfies(e -> assertThat(((DiagnosticException) e).diagnostics()).extracting(Diagnostic::render)
                        .containsExactly("\"w\": warning: something odd", "\"here\": error: cannot handle this"));
        // The timing report is still printed, and cse never ran.
        assertThat(timing.text()).contains("test-complain").doesNotContain("  cse\n");
    }

    @Test
    void timingReportLooksLikeMlirs() {
        ModuleOp m = addOfConstants();
        Capture out = new Capture();

        PassManager.parse("canonicalize,cse", PassManager.Options.defaults().withTiming(out.stream).withVerifyEach(true)).run(m.op());

        String[] lines = out.text().split("\n");
        String rule = "===-------------------------------------------------------------------------===";
        assertThat(lines[0]).isEqualTo(rule);
        assertThat(lines[1]).isEqualTo("                         ... Execution time report ...");
        assertThat(lines[2]).isEqualTo(rule);
        assertThat(lines[3]).matches("  Total Execution Time: \\d+\\.\\d{4} seconds");
        assertThat(lines[4]).isEmpty();
        assertThat(lines[5]).isEqualTo("  ----Wall Time----  ----Name----");
        String row = "  +\\d+\\.\\d{4} \\( *\\d+\\.\\d%\\)  ";
        assertThat(lines[6]).matches(row + "canonicalize");
        assertThat(lines[7]).matches(row + "cse");
        assertThat(lines[8]).matches(row + "\\(V\\) verifier");
        assertThat(lines[9]).matches(row + "Rest");
        assertThat(lines[10]).matches("  +\\d+\\.\\d{4} \\(100\\.0%\\)  Total");
        assertThat(lines).hasSize(11);
    }

    @Test
    void statisticsAndRemarksArePrintedAfterTheRun() {
        ModuleOp m = addOfConstants();
        Capture stats = new Capture();
        Capture remarks = new Capture();

        PassContext ctx = PassManager.parse("canonicalize", PassManager.Options.defaults()
                .withStatistics(stats.stream).withRemarks(remarks.stream)).run(m.op());

        assertThat(stats.text()).contains("... Pass statistics report ...")
                .contains("'canonicalize'\n  (S) 1 ops-folded\n  (S) 1 ops-erased\n");
        assertThat(remarks.text()).contains("\"fold\": remark: [canonicalize] folded 'ov.Add' to a constant\n");
        assertThat(ctx.remarks()).allSatisfy(r -> assertThat(r.severity()).isEqualTo(Severity.REMARK));
    }

    @Test
    void remarksAreNotRecordedUnlessAsked() {
        PassContext ctx = PassManager.parse("canonicalize", PassManager.Options.defaults()).run(addOfConstants().op());

        assertThat(ctx.remarks()).isEmpty();
        assertThat(ctx.statistic("canonicalize", "ops-folded")).isEqualTo(1);
    }

    @Test
    void programmaticConfigurationChecksTypes() {
        Pass p = REGISTRY.create("canonicalize").orElseThrow();
        p.configure(dev.xamba.opt.canonical.CanonicalizePass.MAX_ITERATIONS, 4);

        assertThat(p.pipelineElement()).isEqualTo("canonicalize{max-iterations=4}");
        assertThatThrownBy(() -> p.configure(dev.xamba.opt.canonical.CanonicalizePass.MAX_ITERATIONS, 0))
                .hasMessage("option 'max-iterations' of 'canonicalize' must be at least 1, got 0");
        assertThatThrownBy(() -> p.configure(PipelineParserTest.Configurable.MAX_LEN, 3))
                .hasMessage("pass 'canonicalize' does not declare option 'max-len'");
    }
}
