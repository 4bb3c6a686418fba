package dev.xamba.opt.cost.cpu;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.Cost;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.Unit;
import dev.xamba.opt.cost.op.Family;
import dev.xamba.opt.cost.op.OpCostings;
import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.KernelRate;
import dev.xamba.opt.cost.device.Target;
import java.util.Optional;
import java.util.Set;

/**
 * A CPU measured by {@code xambac calibrate}, as the OpenVINO CPU plugin runs a graph: one op after another (the
 * latency hint runs one stream), each costing its kernel's (else its family's) fixed time plus its per-element
 * and per-MAC time, and
 * <ul>
 *   <li>an op at least streams through DRAM its constant operands (weights are read once per inference, and a
 *       model's weights together outgrow the cache) and, when its operands and result exceed the last-level
 *       cache, all of them (roofline: the measured in-cache time and bytes ÷ DRAM bandwidth, combined as the
 *       target's {@link Target.Roofline} says: the larger, or the sum);</li>
 *   <li>an elementwise op or activation whose input is the only use of a computing op's result is fused into that
 *       op's kernel (the plugin's eltwise fusion): it adds only its per-element compute, no launch and no memory
 *       round trip.</li>
 * </ul>
 * Reshape, Squeeze and Unsqueeze cost nothing: the plugin runs them in place (they only relabel the buffer). One
 * inference adds the request's fixed cost.
 */
public final class CpuCostModel implements CostModel {
    private static final Set<Family> FUSABLE = Set.of(Family.ELEMENTWISE, Family.ACTIVATION);
    private static final Set<Family> FUSES_INTO = Set.of(Family.ELEMENTWISE, Family.ACTIVATION, Family.MATMUL, Family.CONVOLUTION);
    private static final Set<String> IN_PLACE = Set.of("Reshape", "Squeeze", "Unsqueeze");
    /** Families that read all of their constant operands (weights); Gather reads only the rows it picks. */
    private static final Set<Family> READS_WEIGHTS = Set.of(Family.MATMUL, Family.CONVOLUTION);

    private final Target target;

    public CpuCostModel(Target target) {
        if (target.kind() != Target.Kind.CPU) throw new IllegalArgumentException(target.name() + " is not a CPU target");
        this.target = target;
        OpCostings.attachAll();
    }

    @Override public String targetName() { return target.name(); }

    public Target target() { return target; }

    @Override public Cost cost(Operation op) {
        Optional<Work> w = OpCostings.of(op).map(c -> c.work(op));
        if (w.isEmpty() || w.get().family() == Family.NONE || IN_PLACE.contains(w.get().kernel())) return Cost.ZERO;
        KernelRate r = rate(w.get());
        if (isFused(op, w.get())) return Cost.of(Unit.CPU, r.variableMicros(w.get().rateElements(), w.get().macs()));
        double weights = READS_WEIGHTS.contains(w.get().family()) ? constantBytes(op) : 0;
        double dram = dramBytes(w.get(), weights) / (target.cpu().dramGBps() * 1e3);
        return Cost.of(Unit.CPU, r.fixedUs() + target.cpu().roofline().combine(r.variableMicros(w.get().rateElements(), w.get().macs()), dram));
    }

    @Override public Optional<Unit> unitOf(Operation op) {
        return OpCostings.of(op).filter(c -> c.work(op).family() != Family.NONE).map(c -> Unit.CPU);
    }

    @Override public Cost graphOverhead() { return Cost.of(Unit.CPU, target.cpu().inferenceFixedUs()); }

    private KernelRate rate(Work w) { return target.cpu().rate(w.kernel(), w.family().key()); }

    /** Bytes through DRAM: every operand and the result when together they exceed the cache, else the weights. */
    private double dramBytes(Work w, double weightBytes) {
        double bytes = ((double) w.inputElements() + w.outputElements()) * Math.max(1, w.elementType().byteWidth()); // counts may be saturated
        return bytes > target.cpu().cacheBytes() ? bytes : weightBytes;
    }

    private static double constantBytes(Operation op) {
        double bytes = 0;
        for (Value v : op.operandValues()) {
            Operation def = v.definingOp();
            if (def != null && Constants.isConstant(def) && v.type() instanceof TensorType t) {
                bytes += (double) Math.max(0, t.numElements()) * t.elementType().byteWidth();
            }
        }
        return bytes;
    }

    private static boolean isFused(Operation op, Work w) {
        if (!FUSABLE.contains(w.family()) || op.numOperands() == 0) return false;
        Value input = op.operand(0);
        Operation producer = input.definingOp();
        if (producer == null || input.numUsesInBlocks() != 1) return false; // a planned replacement's reads do not count
        return OpCostings.of(producer).map(c -> FUSES_INTO.contains(c.work(producer).family())).orElse(false);
    }
}
