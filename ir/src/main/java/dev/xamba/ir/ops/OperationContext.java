package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * The {@link OpContext} of an op in the graph (for inference and verification), or of an op applied to given
 * tensors (for evaluation and folding).
 */
public final class OperationContext implements OpContext {
    private final Operation op;
    private final OpDefinition def;
    private final List<Tensor> values;

    private OperationContext(Operation op, OpDefinition def, List<Tensor> values) {
        this.op = op;
        this.def = def;
        this.values = values;
    }

    /** Context over the graph: constants are found by looking at the defining ops. */
    public static OperationContext of(Operation op, OpDefinition def) { return new OperationContext(op, def, null); }

    /** Context with every operand given as a tensor. */
    public static OperationContext withValues(Operation op, OpDefinition def, List<Tensor> operandValues) {
        return new OperationContext(op, def, List.copyOf(operandValues));
    }

    @Override public int numOperands() { return op.numOperands(); }

    @Override public TensorType operandType(int i) {
        if (values != null) return values.get(i).type();
        Value v = op.operand(i);
        if (!(v.type() instanceof TensorType t)) throw new OpError("operand #" + i + " must be a tensor, got " + v.type());
        return t;
    }

    @Override public Optional<Tensor> constantOperand(int i) {
        if (values != null) return Optional.of(values.get(i));
        return Constants.valueOf(op.operand(i));
    }

    @Override public Attribute attr(String name) {
        Attribute a = op.attr(name);
        if (a != null) return a;
        return def.attrSpec(name).map(AttrSpec::defaultValue).orElse(null);
    }
}
