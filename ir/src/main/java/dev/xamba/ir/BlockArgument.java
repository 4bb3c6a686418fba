package dev.xamba.ir;

import dev.xamba.ir.type.Type;

/** The {@code index}-th argument of a block (for a function's entry block: its parameters). */
public final class BlockArgument extends Value {
    private final Block owner;
    private final int index;

    BlockArgument(Block owner, int index, Type type) {
        super(type);
        this.owner = owner;
        this.index = index;
    }

    public Block owner() { return owner; }

    public int index() { return index; }

    @Override public Operation definingOp() { return null; }

    @Override public String toString() { return "block argument #" + index; }
}
