package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Test-only passes that stand for a buggy pass, for a pass that rejects its input and for another process truncating
 * the model during a compile, registered beside the real ones. {@link #main} is {@code xambac} with them, for tests
 * that need a real process (its environment).
 */
final class CrashingPasses {
    private CrashingPasses() {}

    /** Throws, as a pass with a bug does. */
    static final class Crash extends Pass {
        @Override public String cliName() { return "test-crash"; }

        @Override public String summary() { return "test only: throws IllegalStateException"; }

        @Override public void run(Operation module, PassContext ctx) { throw new IllegalStateException("boom"); }
    }

    /**
     * Crashes on every second run in the process: a bug that depends on more than the IR, which a reproducer
     * cannot replay.
     */
    static final class Flaky extends Pass {
        static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

        @Override public String cliName() { return "test-flaky"; }

        @Override public String summary() { return "test only: throws on every second run"; }

        @Override public void run(Operation module, PassContext ctx) {
            if (RUNS.incrementAndGet() % 2 == 0) throw new IllegalStateException("flaky");
        }
    }

    /** Reports an error about its input, as a pass that cannot handle a model does. */
    static final class Reject extends Pass {
        @Override public String cliName() { return "test-reject"; }

        @Override public String summary() { return "test only: reports an error at the module"; }

        @Override public void run(Operation module, PassContext ctx) {
            ctx.emit(Diagnostic.error(module.diagnosticLocation(), "cannot handle this module"));
        }
    }

    /**
     * Truncates the file the first file-backed weight lies in and reads the weight through its memory mapping: what
     * another process rewriting the model during a compile does to xambac (HotSpot's SIGBUS handler makes the read
     * throw an InternalError).
     */
    static final class TruncateInput extends Pass {
        @Override public String cliName() { return "test-truncate-input"; }

        @Override public String summary() { return "test only: truncates the input under its mapping and reads it"; }

        @Override public void run(Operation module, PassContext ctx) {
            for (Operation op : IrWalk.nestedOps(module)) {
                for (Attribute a : op.attributes().values()) {
                    if (a instanceof DenseResourceAttr r && r.handle().region().isPresent()) {
                        try (FileChannel file = FileChannel.open(r.handle().region().get().file(), StandardOpenOption.WRITE)) {
                            file.truncate(0);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        ByteBuffer blob = r.handle().blob();
                        long sum = 0;
                        for (int i = blob.position(); i < blob.limit(); i++) sum += blob.get(i);
                        throw new IllegalStateException("the read did not fault (" + sum + "): the weight is not mapped");
                    }
                }
            }
            throw new IllegalStateException("no file-backed weight");
        }
    }

    static PassRegistry registry() {
        return PassRegistry.standard().with(Crash::new).with(Reject::new).with(Flaky::new).with(TruncateInput::new);
    }

    public static void main(String[] args) {
        System.exit(Xambac.execute(registry(), args));
    }
}
