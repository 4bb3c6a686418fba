package dev.xamba.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of blocks owned by an operation (a function body, a module body). */
public final class Region {
    private final Operation owner;
    private final List<Block> blocks = new ArrayList<>(1);

    Region(Operation owner) { this.owner = owner; }

    public Operation owner() { return owner; }

    public List<Block> blocks() { return Collections.unmodifiableList(blocks); }

    public boolean isEmpty() { return blocks.isEmpty(); }

    /** The first block; regions of this IR have exactly one. */
    public Block entryBlock() {
        if (blocks.isEmpty()) throw new IllegalStateException("empty region of " + owner.name());
        return blocks.get(0);
    }

    public Block addBlock() {
        Block b = new Block(this);
        blocks.add(b);
        return b;
    }
}
