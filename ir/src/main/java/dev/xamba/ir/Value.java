package dev.xamba.ir;

import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An SSA value: an operation result or a block argument. Its use list is the single source of truth for
 * who reads it; it changes only through {@link OpOperand#set} and {@link #replaceAllUsesWith}.
 */
public abstract sealed class Value permits OpResult, BlockArgument {
    private Type type;
    private String nameHint;
    final List<OpOperand> uses = new ArrayList<>(2);

    Value(Type type) {
        this.type = type;
    }

    public Type type() { return type; }

    /** The type as a tensor type; every SSA value in this IR is a tensor. */
    public TensorType tensorType() { return (TensorType) type; }

    /**
     * Changes the type in place. Dangerous: consumers' inferred types are not updated; only shape
     * inference and the parser call it, and the verifier checks the result.
     */
    public void setType(Type type) { this.type = type; }

    /** The preferred name when printing ({@code %axis}); null prints a number. */
    public String nameHint() { return nameHint; }

    public void setNameHint(String nameHint) { this.nameHint = nameHint; }

    public List<OpOperand> uses() { return Collections.unmodifiableList(uses); }

    public boolean hasUses() { return !uses.isEmpty(); }

    /** The operation that defines this value, or null for a block argument. */
    public abstract Operation definingOp();

    /** Makes every reader of this value read {@code other} instead. */
    public void replaceAllUsesWith(Value other) {
        if (other == this) return;
        for (OpOperand use : new ArrayList<>(uses)) use.set(other);
    }
}
