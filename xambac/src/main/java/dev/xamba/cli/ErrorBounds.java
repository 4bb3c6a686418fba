package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.opt.pass.IrWalk;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-op error bounds approximate rewrites (ActiBA) record on the ops they emit ({@code xamba.max_error}),
 * shown by {@code verify} beside the measured end-to-end error.
 */
final class ErrorBounds {
    static final String ATTRIBUTE = "xamba.max_error";

    record Bound(String location, double maxError) {}

    private ErrorBounds() {}

    static List<Bound> of(Operation module) {
        List<Bound> out = new ArrayList<>();
        for (Operation op : IrWalk.nestedOps(module)) {
            if (op.attr(ATTRIBUTE) instanceof FloatAttr f) out.add(new Bound(op.location().describe(), f.value()));
        }
        return out;
    }

    /** One line per approximated op, then the end-to-end error beside the largest per-op bound. */
    static void print(PrintStream out, List<Bound> bounds, double endToEnd) {
        if (bounds.isEmpty()) return;
        double largest = 0;
        for (Bound b : bounds) {
            out.printf(Locale.ROOT, "approximated op at %s: bound max_error=%.3e%n", b.location(), b.maxError());
            largest = Math.max(largest, b.maxError());
        }
        out.printf(Locale.ROOT, "approximations: %d ops, largest op bound %.3e, end-to-end max_abs_err=%.3e%n",
                bounds.size(), largest, endToEnd);
    }
}
