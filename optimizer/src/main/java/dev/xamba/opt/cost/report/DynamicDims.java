package dev.xamba.opt.cost.report;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.CostModel;

/**
 * Finds the ops whose cost is a guess: the cost model counts a dynamic dimension as 1 (it costs what it can see),
 * so a report says how many of its ops have one rather than present their times as the model's.
 */
public final class DynamicDims {
    private DynamicDims() {}

    /**
     * How many of the ops that {@link GraphCost#of} costs (those of {@code @main}, else the first function, that
     * run on a unit of {@code model}) have an operand or result with a dynamic dimension.
     */
    public static int count(Operation module, CostModel model) {
        if (new ModuleOp(module).functions().isEmpty()) return 0;
        FuncOp func = new FuncOp(GraphCost.mainFunction(module));
        int n = 0;
        for (Operation op : func.body().operations()) {
            if (model.unitOf(op).isPresent() && hasDynamicDim(op)) n++;
        }
        return n;
    }

    private static boolean hasDynamicDim(Operation op) {
        for (Value v : op.operandValues()) if (isDynamic(v)) return true;
        for (Value v : op.results()) if (isDynamic(v)) return true;
        return false;
    }

    private static boolean isDynamic(Value v) { return v.type() instanceof TensorType t && !t.hasStaticShape(); }
}
