package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;

/** Constants and shape queries: folded or resident in memory, nothing runs. */
final class FreeCosting implements OpCosting {
    static final FreeCosting INSTANCE = new FreeCosting();

    @Override public Work work(Operation op) { return Work.none(Sizes.kernel(op)); }

    @Override public Engine npuEngine(Operation op) { return Engine.NONE; }
}
