package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassRegistry;

/**
 * Test-only passes that stand for a buggy pass and for a pass that rejects its input, registered beside the
 * real ones. {@link #main} is {@code xambac} with them, for tests that need a real process (its environment).
 */
final class CrashingPasses {
    private CrashingPasses() {}

    /** Throws, as a pass with a bug does. */
    static final class Crash extends Pass {
        @Override public String cliName() { return "test-crash"; }

        @Override public String summary() { return "test only: throws IllegalStateException"; }

        @Override public void run(Operation module, PassContext ctx) { throw new IllegalStateException("boom"); }
    }

    /** Reports an error about its input, as a pass that cannot handle a model does. */
    static final class Reject extends Pass {
        @Override public String cliName() { return "test-reject"; }

        @Override public String summary() { return "test only: reports an error at the module"; }

        @Override public void run(Operation module, PassContext ctx) {
            ctx.emit(Diagnostic.error(module.diagnosticLocation(), "cannot handle this module"));
        }
    }

    static PassRegistry registry() { return PassRegistry.standard().with(Crash::new).with(Reject::new); }

    public static void main(String[] args) {
        System.exit(Xambac.execute(registry(), args));
    }
}
