package dev.xamba.opt.cost.npu;

import dev.xamba.ir.Operation;
import dev.xamba.opt.cost.Cost;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.Unit;
import dev.xamba.opt.cost.op.Engine;
import dev.xamba.opt.cost.op.OpCosting;
import dev.xamba.opt.cost.op.OpCostings;
import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.Target;
import java.util.Optional;

/**
 * The Intel NPU model: each {@code ov} op is placed by its attached {@link OpCosting} (the NPU compiler's rules)
 * and timed on that engine ({@link DpuTiming}, {@link ShaveTiming}, {@link DmaTiming}), at the nominal rates the
 * target lists derated by its {@link Target.Efficiency} (SHAVE rates are already profiles). A graph's time is the sum
 * along the schedule: DPU, SHAVE and DMA tasks are assumed not to overlap (a latency-bound batch-1 graph is a
 * chain of dependent tasks; the overlap the runtime finds between independent ones makes this an upper bound).
 */
public final class NpuCostModel implements CostModel {
    private final Target target;
    private final DpuTiming dpu;
    private final ShaveTiming shave;
    private final DmaTiming dma;

    public NpuCostModel(Target target) {
        if (target.kind() != Target.Kind.NPU) throw new IllegalArgumentException(target.name() + " is not an NPU target");
        this.target = target;
        this.dma = new DmaTiming(target.npu());
        this.dpu = new DpuTiming(target.npu(), dma);
        this.shave = new ShaveTiming(target.npu(), dma);
        OpCostings.attachAll();
    }

    @Override public String targetName() { return target.name(); }

    public Target target() { return target; }

    @Override public Cost cost(Operation op) {
        Optional<OpCosting> costing = OpCostings.of(op);
        if (costing.isEmpty()) return Cost.ZERO;
        Engine engine = costing.get().npuEngine(op);
        if (engine.isFree()) return Cost.ZERO;
        Work work = costing.get().work(op);
        return switch (engine.unit()) {
            case DPU -> Cost.of(Unit.DPU, dpu.micros(work, engine));
            case SHAVE -> shave.cost(work);
            case DMA -> Cost.of(Unit.DMA, dma.micros(work));
            case CPU -> throw new IllegalStateException("an NPU engine on the CPU: " + engine);
        };
    }

    @Override public Optional<Unit> unitOf(Operation op) { return Optional.ofNullable(engine(op).unit()); }

    /** The engine {@code op} runs on, or {@link Engine#NONE} for ops the model does not cost. */
    public static Engine engine(Operation op) {
        return OpCostings.of(op).map(c -> c.npuEngine(op)).orElse(Engine.NONE);
    }

    /** MAC-array cycles of a DPU task at the ideal rate (for calibration checks). */
    public double dpuComputeCycles(Operation op) {
        return dpu.computeCycles(OpCostings.of(op).orElseThrow().work(op), engine(op));
    }

    /** A DPU task's compute time at the ideal rate, µs, before the target's DPU efficiency. */
    public double dpuIdealComputeMicros(Operation op) {
        return dpu.idealComputeMicros(OpCostings.of(op).orElseThrow().work(op), engine(op));
    }

    /** SHAVEs a SHAVE kernel is split over. */
    public long usableShaves(Operation op) { return shave.usableShaves(OpCostings.of(op).orElseThrow().work(op)); }
}
