package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Declares one op: its operand and result counts, attributes, traits, result-type inference, extra
 * verification and, where it has one, a reference evaluator on constant tensors (used by folding).
 */
public abstract class OpDefinition {
    /** {@code maxOperands} value meaning "any number". */
    public static final int VARIADIC = Integer.MAX_VALUE;

    private final String name;
    private final String summary;
    private final int minOperands;
    private final int maxOperands;
    private final List<AttrSpec> attributes;
    private final Set<Trait> traits;

    protected OpDefinition(String name, String summary, int minOperands, int maxOperands, List<AttrSpec> attributes,
                           Trait... traits) {
        this.name = name;
        this.summary = summary;
        this.minOperands = minOperands;
        this.maxOperands = maxOperands;
        this.attributes = List.copyOf(attributes);
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.of(traits[0], traits);
    }

    public final String name() { return name; }

    public final String summary() { return summary; }

    public final int minOperands() { return minOperands; }

    public final int maxOperands() { return maxOperands; }

    public final List<AttrSpec> attributes() { return attributes; }

    public final boolean has(Trait t) { return traits.contains(t); }

    public final Optional<AttrSpec> attrSpec(String attrName) {
        return attributes.stream().filter(s -> s.name().equals(attrName)).findFirst();
    }

    /** The number of results, or -1 if it depends on attributes (then inference decides). */
    public int numResults() { return 1; }

    /** Result types from operand types, constant operands and attributes; throws {@link OpError} when invalid. */
    public abstract List<TensorType> inferResultTypes(OpContext ctx);

    /** Checks beyond counts, attributes and inference; report through {@code emit}. */
    public void verify(Operation op, Consumer<Diagnostic> emit) {}

    /** Whether {@link #evaluate} is implemented. */
    public boolean canEvaluate() { return false; }

    /** Computes the results on constant operands (every {@code ctx.constantOperand(i)} is present). */
    public List<Tensor> evaluate(OpContext ctx) {
        throw new OpError("no reference evaluator for " + name);
    }

    @Override public String toString() { return name; }
}
