package dev.xamba.opt.pass.instrument;

import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassInstrumentation;
import java.io.PrintStream;
import java.util.function.Predicate;

/**
 * {@code --print-ir-before-all}, {@code --print-ir-after-all} and {@code --print-ir-after=PASSES}: prints the
 * module with MLIR's header line, {@code // -----// IR Dump After CanonicalizePass (canonicalize) //----- //}.
 * The IR after a pass that failed is not printed (it is whatever the pass left half-done).
 */
public final class IrPrinting implements PassInstrumentation {
    private final PrintStream out;
    private final Predicate<Pass> before;
    private final Predicate<Pass> after;

    /**
     * @param before which passes to print the IR before (never null; {@code p -> false} for none)
     * @param after  which passes to print the IR after
     */
    public IrPrinting(PrintStream out, Predicate<Pass> before, Predicate<Pass> after) {
        this.out = out;
        this.before = before;
        this.after = after;
    }

    /** Prints the IR after every pass. */
    public static IrPrinting afterAll(PrintStream out) { return new IrPrinting(out, p -> false, p -> true); }

    @Override public void runBeforePass(Pass pass, Operation module, PassContext ctx) {
        if (before.test(pass)) dump("Before", pass, module);
    }

    @Override public void runAfterPass(Pass pass, Operation module, PassContext ctx) {
        if (after.test(pass)) dump("After", pass, module);
    }

    private void dump(String when, Pass pass, Operation module) {
        out.print("// -----// IR Dump " + when + " " + pass.getClass().getSimpleName() + " (" + pass.cliName() + ") //----- //\n");
        out.print(AsmPrinter.print(module) + "\n");
    }
}
