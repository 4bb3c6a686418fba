package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Behaviour attached from outside the dialect (MLIR's external models), by interface type. */
    private final Map<Class<?>, Object> interfaces = new ConcurrentHashMap<>();

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
        // A loop, not a stream: the verifier asks this for every attribute of every op, mostly before the JIT.
        for (AttrSpec s : attributes) if (s.name().equals(attrName)) return Optional.of(s);
        return Optional.empty();
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

    /**
     * Attaches {@code model} as this op's implementation of {@code type}, as MLIR's {@code attachInterface} does:
     * a module above {@code ir} (the optimizer's cost model) gives ops behaviour without {@code ir} knowing it.
     * Attaching the same model again is a no-op; attaching another model for the same interface fails, so two
     * clients cannot silently overwrite each other.
     */
    public final <I> void attachInterface(Class<I> type, I model) {
        Object previous = interfaces.putIfAbsent(type, type.cast(model));
        if (previous != null && previous != model) {
            throw new IllegalStateException(name + " already has a " + type.getSimpleName() + " model: " + previous);
        }
    }

    /** This op's model of {@code type}, if one was attached. */
    public final <I> Optional<I> getInterface(Class<I> type) {
        return Optional.ofNullable(type.cast(interfaces.get(type)));
    }

    @Override public String toString() { return name; }
}
