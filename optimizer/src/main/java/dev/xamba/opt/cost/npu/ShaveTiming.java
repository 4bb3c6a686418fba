package dev.xamba.opt.cost.npu;

import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.KernelRate;
import dev.xamba.opt.cost.device.Target;

/**
 * SHAVE kernel time: launch overhead + per-element cost × elements ÷ usable SHAVEs, where the per-element cost is
 * the one-SHAVE profile of VPUNN and the usable SHAVEs are as many as the kernel has independent lanes (a scan
 * of one row runs on one SHAVE), at most all of them.
 */
final class ShaveTiming {
    private final Target.Shave shave;

    ShaveTiming(Target.Shave shave) { this.shave = shave; }

    long usableShaves(Work w) { return Math.max(1, Math.min(shave.count(), w.lanes())); }

    double micros(Work w) {
        KernelRate r = shave.rate(w.kernel());
        return r.fixedUs() + r.variableMicros(w.rateElements(), 0) / usableShaves(w);
    }
}
