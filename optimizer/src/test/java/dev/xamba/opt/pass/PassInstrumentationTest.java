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
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.pass.instrument.IrPrinting;
import dev.xamba.opt.pass.instrument.IrSnapshots;
import dev.xamba.opt.testing.FunctionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassInstrumentationTest {

    /** Records every hook call as a line, prefixed with its own name. */
    private static final class Recorder implements PassInstrumentation {
        private final String name;
        private final List<String> log;

        Recorder(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override public void runBeforePipeline(Operation m, PassContext c) { log.add(name + " begin"); }

        @Override public void runBeforePass(Pass p, Operation m, PassContext c) { log.add(name + " before " + p.cliName()); }

        @Override public void runAfterPass(Pass p, Operation m, PassContext c) { log.add(name + " after " + p.cliName()); }

        @Override public void runAfterPassFailed(Pass p, Operation m, PassContext c) { log.add(name + " failed " + p.cliName()); }

        @Override public void runAfterPipeline(Operation m, PassContext c) { log.add(name + " end"); }
    }

    /** Reports an error about its input, as a pass does for input it cannot handle. */
    static final class Refuse extends Pass {
        @Override public String cliName() { return "test-refuse"; }

        @Override public String summary() { return "test only: reports an error"; }

        @Override public void run(Operation module, PassContext ctx) {
            ctx.emit(Diagnostic.error(Location.name("here"), "cannot handle this"));
        }
    }

    private static final PassRegistry REGISTRY = PassRegistry.standard().with(Refuse::new);

    private static ModuleOp foldableAdd() {
        FunctionBuilder f = FunctionBuilder.main(f32(2));
        Value c = f.constant("c", floats(shape(2), 1, 2));
        Value folded = f.op("ov.Add", Map.of(), "fold", c, c);
        return f.returning(f.op("ov.Add", Map.of(), "keep", f.arg(0), folded));
    }

    @Test
    void beforeHooksRunInRegistrationOrderAndAfterHooksInReverse() {
        List<String> log = new ArrayList<>();
        PassManager.Options options = PassManager.Options.defaults()
                .withInstrumentation(new Recorder("outer", log)).withInstrumentation(new Recorder("inner", log));

        PassManager.parse("canonicalize,cse", options).run(foldableAdd().op());

        assertThat(log).containsExactly(
                "outer begin", "inner begin",
                "outer before canonicalize", "inner before canonicalize", "inner after canonicalize", "outer after canonicalize",
                "outer before cse", "inner before cse", "inner after cse", "outer after cse",
                "inner end", "outer end");
    }

    @Test
    void aFailingPassGetsTheFailedHookAndNoLaterPassRuns() {
        List<String> log = new ArrayList<>();
        PassManager pm = PassManager.parse("test-refuse,cse",
                PassManager.Options.defaults().withInstrumentation(new Recorder("r", log)), REGISTRY);

        assertThatThrownBy(() -> pm.run(foldableAdd().op())).isInstanceOf(DiagnosticException.class);

        assertThat(log).containsExactly("r begin", "r before test-refuse", "r failed test-refuse", "r end");
    }

    @Test
    void snapshotsShowWhatEachPassChanged() {
        IrSnapshots snapshots = IrSnapshots.allFunctions();
        ModuleOp m = foldableAdd();

        PassManager.parse("canonicalize,cse", PassManager.Options.defaults().withInstrumentation(snapshots)).run(m.op());

        List<IrSnapshots.Snapshot> s = snapshots.snapshots();
        assertThat(s).extracting(IrSnapshots.Snapshot::pass).containsExactly("canonicalize", "cse");
        assertThat(s.get(0).before().get("main")).contains("\"ov.Add\"(%c, %c)");
        assertThat(s.get(0).after().get("main")).doesNotContain("\"ov.Add\"(%c, %c)");
        assertThat(s.get(0).changedFunctions()).containsExactly("main");
        assertThat(s.get(1).changedFunctions()).isEmpty();
        assertThat(s.get(1).before()).isEqualTo(s.get(0).after());
    }

    @Test
    void aSnapshotOfAFailedPassKeepsTheIrBeforeIt() {
        IrSnapshots snapshots = new IrSnapshots(name -> name.equals("main"));
        PassManager pm = PassManager.parse("cse,test-refuse",
                PassManager.Options.defaults().withInstrumentation(snapshots), REGISTRY);

        assertThatThrownBy(() -> pm.run(foldableAdd().op())).isInstanceOf(DiagnosticException.class);

        IrSnapshots.Snapshot last = snapshots.snapshots().get(1);
        assertThat(last.failed()).isTrue();
        assertThat(last.before()).containsKey("main");
        assertThat(last.after()).isEmpty();
    }

    @Test
    void irPrintingCanSelectPassesAndPrintBefore() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        IrPrinting printer = new IrPrinting(out, p -> p.cliName().equals("cse"), p -> p.cliName().equals("canonicalize"));

        PassManager.parse("canonicalize,cse", PassManager.Options.defaults().withInstrumentation(printer)).run(foldableAdd().op());

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("// -----//")))
                .containsExactly("// -----// IR Dump After CanonicalizePass (canonicalize) //----- //",
                        "// -----// IR Dump Before CsePass (cse) //----- //");
    }
}
