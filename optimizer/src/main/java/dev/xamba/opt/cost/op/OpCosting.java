package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;

/**
 * The cost knowledge of an op family, attached to {@code ov} op definitions as an external interface model
 * ({@link OpCostings#attachAll()}): what work the op is and where the NPU compiler puts it. Both must work on
 * detached ops (a rewrite costs a planned replacement before inserting it), so they read only the op's operand
 * and result types, attributes, constant operands and the op defining each operand.
 */
public interface OpCosting {
    Work work(Operation op);

    /** The engine that runs {@code op} on an Intel NPU, by the NPU compiler's rules (NPU_COST_MODEL.md §4). */
    Engine npuEngine(Operation op);
}
