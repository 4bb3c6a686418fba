package dev.xamba.ir;

import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A straight-line list of operations with typed arguments. */
public final class Block {
    private final Region parent;
    private final List<BlockArgument> arguments = new ArrayList<>();
    private final List<Operation> ops = new ArrayList<>();
    /** Positions of ops, rebuilt lazily after a mutation; answers "is a before b" in O(1). */
    private Map<Operation, Integer> order;

    Block(Region parent) { this.parent = parent; }

    public Region parent() { return parent; }

    /** The operation owning this block's region, e.g. the function. */
    public Operation parentOp() { return parent.owner(); }

    public List<BlockArgument> arguments() { return Collections.unmodifiableList(arguments); }

    public BlockArgument argument(int i) { return arguments.get(i); }

    public BlockArgument addArgument(Type type) {
        BlockArgument a = new BlockArgument(this, arguments.size(), type);
        arguments.add(a);
        return a;
    }

    /** The operations in order. Do not hold on to the list across mutations. */
    public List<Operation> operations() { return Collections.unmodifiableList(ops); }

    public boolean isEmpty() { return ops.isEmpty(); }

    public Operation terminator() { return ops.isEmpty() ? null : ops.get(ops.size() - 1); }

    public void append(Operation op) { insert(ops.size(), op); }

    public void insertBefore(Operation anchor, Operation op) { insert(indexOf(anchor), op); }

    public void insertAfter(Operation anchor, Operation op) { insert(indexOf(anchor) + 1, op); }

    private void insert(int index, Operation op) {
        if (op.parentBlock() != null) throw new IllegalStateException(op.name() + " is already in a block");
        ops.add(index, op);
        op.setParentBlock(this);
        order = null;
    }

    void remove(Operation op) {
        ops.remove(indexOf(op));
        op.setParentBlock(null);
        order = null;
    }

    public int indexOf(Operation op) {
        if (order == null) {
            order = new IdentityHashMap<>(ops.size() * 2);
            for (int i = 0; i < ops.size(); i++) order.put(ops.get(i), i);
        }
        Integer i = order.get(op);
        if (i == null) throw new IllegalArgumentException(op.name() + " is not in this block");
        return i;
    }
}
