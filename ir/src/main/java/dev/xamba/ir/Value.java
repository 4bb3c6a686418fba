package dev.xamba.ir;

import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An SSA value: an operation result or a block argument. Its use list is the single source of truth for
 * who reads it; it changes only through {@link OpOperand#set} and {@link #replaceAllUsesWith}.
 */
public abstract sealed class Value permits OpResult, BlockArgument {
    private Type type;
    private String nameHint;
    /** The use list, intrusive and doubly linked through {@link OpOperand}, in the order the uses were made. */
    OpOperand firstUse;
    OpOperand lastUse;
    int numUses;

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

    /**
     * The operand slots that read this value, as a live view in the order they were made. Iterating stays valid
     * while the use just returned is moved elsewhere ({@link OpOperand#set}) or dropped, and only that use: erasing
     * its owner drops every use the owner has, and one that reads this value twice ends the iteration early. To
     * erase or rewrite the readers, iterate over {@link #useList()}.
     */
    public Iterable<OpOperand> uses() {
        return () -> new Iterator<>() {
            private OpOperand upcoming = firstUse;

            @Override public boolean hasNext() { return upcoming != null; }

            @Override public OpOperand next() {
                if (upcoming == null) throw new NoSuchElementException();
                OpOperand current = upcoming;
                upcoming = current.nextUse;
                return current;
            }
        };
    }

    /** A copy of the current uses. */
    public List<OpOperand> useList() {
        List<OpOperand> out = new ArrayList<>(numUses);
        for (OpOperand u = firstUse; u != null; u = u.nextUse) out.add(u);
        return out;
    }

    public int numUses() { return numUses; }

    /**
     * The uses by ops that are in a block: not those of detached ops, such as a rewrite's planned replacement that
     * reads this value while it is costed (a guard or a cost asking "is this its only reader?" means the program's).
     */
    public int numUsesInBlocks() {
        int n = 0;
        for (OpOperand u = firstUse; u != null; u = u.nextUse) if (u.owner().parentBlock() != null) n++;
        return n;
    }

    public boolean hasUses() { return firstUse != null; }

    /** Links a use at the end of the list; O(1). */
    void addUse(OpOperand use) {
        use.prevUse = lastUse;
        use.nextUse = null;
        if (lastUse == null) firstUse = use; else lastUse.nextUse = use;
        lastUse = use;
        numUses++;
    }

    /** Unlinks a use; O(1). */
    void removeUse(OpOperand use) {
        if (use.prevUse == null) firstUse = use.nextUse; else use.prevUse.nextUse = use.nextUse;
        if (use.nextUse == null) lastUse = use.prevUse; else use.nextUse.prevUse = use.prevUse;
        use.prevUse = null;
        use.nextUse = null;
        numUses--;
    }

    /** The operation that defines this value, or null for a block argument. */
    public abstract Operation definingOp();

    /** Makes every reader of this value read {@code other} instead. */
    public void replaceAllUsesWith(Value other) {
        if (other == this) return;
        for (OpOperand use : uses()) use.set(other);
    }
}
