package dev.xamba.opt.cost;

import dev.xamba.ir.Operation;
import java.util.Optional;

/**
 * Predicts what {@code ov} ops cost on one target. Rewrites ask it whether a replacement is cheaper than what it
 * replaces; {@code xambac report} sums it over a function. Ops may be detached (a replacement planned but not yet
 * inserted): a cost depends only on the op's name, operand and result types, attributes and constant operands.
 */
public interface CostModel {
    /** The target's name, e.g. {@code npu4}. */
    String targetName();

    /** The predicted cost of one op (zero for ops that cost nothing, such as constants). */
    Cost cost(Operation op);

    /**
     * The unit {@code op} runs on, or empty if nothing runs (constants). Ops that cost nothing still have a unit
     * when they run (a ReLU fused into the DPU task before it is on the DPU); by default, the unit of the cost.
     */
    default Optional<Unit> unitOf(Operation op) {
        return cost(op).byUnit().keySet().stream().findFirst();
    }

    /**
     * What running a whole graph costs beyond its ops (an inference request's fixed cost on the CPU); zero by
     * default.
     */
    default Cost graphOverhead() { return Cost.ZERO; }

    /** The sum over {@code ops}. */
    default Cost cost(Iterable<Operation> ops) {
        Cost c = Cost.ZERO;
        for (Operation op : ops) c = c.plus(cost(op));
        return c;
    }
}
