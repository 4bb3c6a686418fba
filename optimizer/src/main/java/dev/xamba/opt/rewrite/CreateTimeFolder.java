package dev.xamba.opt.rewrite;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.ops.ov.OvDialect;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds a freshly made, still detached {@code ov} op whose operands are all constants into an {@code ov.Constant}
 * (Graal's "fold on create"), with the op's own reference evaluator. Anything it cannot fold stays as built.
 */
final class CreateTimeFolder {
    private CreateTimeFolder() {}

    /** A detached constant with {@code op}'s value and location, or null when {@code op} does not fold. */
    static Operation fold(Operation op) {
        if (op.numResults() != 1 || !op.dialect().equals("ov")) return null;
        Optional<OpDefinition> maybeDef = op.definition();
        if (maybeDef.isEmpty()) return null;
        OpDefinition def = maybeDef.get();
        if (!def.has(Trait.PURE) || def.has(Trait.CONSTANT_LIKE) || !def.canEvaluate()) return null;
        if (!(op.result().type() instanceof TensorType t) || !t.hasStaticShape() || t.numElements() > OvBuilder.MAX_FOLD_ELEMENTS) {
            return null;
        }
        List<Tensor> operands = new ArrayList<>();
        for (Value v : op.operandValues()) {
            if (v.definingOp() == null || !Constants.isConstant(v.definingOp())) return null;
            Optional<Tensor> value = Constants.valueOf(v);
            if (value.isEmpty()) return null;
            operands.add(value.get());
        }
        List<Tensor> values;
        try {
            values = def.evaluate(OperationContext.withValues(op, def, operands));
        } catch (OpError e) {
            return null; // the op stays; whoever runs it reports the problem
        }
        if (values.size() != 1 || !values.get(0).type().equals(t)) return null;
        return OpBuilder.createDetached(OvDialect.CONSTANT, List.of(), Map.of("value", new DenseElementsAttr(values.get(0))),
                op.location());
    }
}
