package dev.xamba.opt.cost.cpu;

import dev.xamba.ir.Operation;
import dev.xamba.opt.cost.Cost;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.Unit;
import dev.xamba.opt.cost.op.Family;
import dev.xamba.opt.cost.op.OpCostings;
import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.target.KernelRate;
import dev.xamba.opt.cost.target.Target;
import java.util.Optional;

/**
 * A CPU measured by {@code xambac calibrate}: each op costs its kernel's (else its family's) fixed time plus its
 * per-element and per-MAC time; one inference adds the request's fixed cost. Ops run one after another (the
 * latency hint runs one stream).
 */
public final class CpuCostModel implements CostModel {
    private final Target target;

    public CpuCostModel(Target target) {
        if (target.kind() != Target.Kind.CPU) throw new IllegalArgumentException(target.name() + " is not a CPU target");
        this.target = target;
        OpCostings.attachAll();
    }

    @Override public String targetName() { return target.name(); }

    public Target target() { return target; }

    @Override public Cost cost(Operation op) {
        return OpCostings.of(op).map(c -> cost(c.work(op))).orElse(Cost.ZERO);
    }

    @Override public Optional<Unit> unitOf(Operation op) {
        return OpCostings.of(op).filter(c -> c.work(op).family() != Family.NONE).map(c -> Unit.CPU);
    }

    /** The predicted time of {@code w} on this CPU. */
    public Cost cost(Work w) {
        if (w.family() == Family.NONE) return Cost.ZERO;
        KernelRate r = target.cpu().rate(w.kernel(), w.family().key());
        return Cost.of(Unit.CPU, r.micros(w.rateElements(), w.macs()));
    }

    @Override public Cost graphOverhead() { return Cost.of(Unit.CPU, target.cpu().inferenceFixedUs()); }
}
