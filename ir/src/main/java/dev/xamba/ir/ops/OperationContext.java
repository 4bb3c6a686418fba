package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link OpContext} of an op in the graph (for inference and verification), of an op about to be built (for
 * inference), or of an op applied to given tensors (for evaluation and folding).
 */
public final class OperationContext implements OpContext {
    /** Null when {@link #values} gives every operand. */
    private final List<? extends Value> operands;
    private final Map<String, Attribute> attributes;
    private final OpDefinition def;
    private final List<Tensor> values;

    private OperationContext(List<? extends Value> operands, Map<String, Attribute> attributes, OpDefinition def,
                             List<Tensor> values) {
        this.operands = operands;
        this.attributes = attributes;
        this.def = def;
        this.values = values;
    }

    /** Context over the graph: constants are found by looking at the defining ops. */
    public static OperationContext of(Operation op, OpDefinition def) {
        return new OperationContext(op.operandValues(), op.attributes(), def, null);
    }

    /**
     * Context of an op not built yet, over the operands and attributes it will have: its result types are
     * inferred before it exists, so it is built once, with them.
     */
    public static OperationContext ofParts(OpDefinition def, List<? extends Value> operands, Map<String, Attribute> attributes) {
        return new OperationContext(operands, attributes, def, null);
    }

    /** Context with every operand given as a tensor (one per operand of {@code op}). */
    public static OperationContext withValues(Operation op, OpDefinition def, List<Tensor> operandValues) {
        return new OperationContext(null, op.attributes(), def, List.copyOf(operandValues));
    }

    @Override public int numOperands() { return values != null ? values.size() : operands.size(); }

    @Override public TensorType operandType(int i) {
        if (values != null) return values.get(i).type();
        Value v = operands.get(i);
        if (!(v.type() instanceof TensorType t)) throw new OpError("operand #" + i + " must be a tensor, got " + v.type());
        return t;
    }

    @Override public Optional<Tensor> constantOperand(int i) {
        if (values != null) return Optional.of(values.get(i));
        return Constants.valueOf(operands.get(i));
    }

    @Override public Attribute attr(String name) {
        Attribute a = attributes.get(name);
        if (a != null) return a;
        return def.attrSpec(name).map(AttrSpec::defaultValue).orElse(null);
    }
}
