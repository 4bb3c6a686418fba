package dev.xamba.ir;

import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A straight-line sequence of operations with typed arguments. The operations form an intrusive doubly linked
 * list (each {@link Operation} holds its neighbours), as in MLIR: inserting, erasing and moving an op is O(1).
 * "Is a before b" compares order indices that are assigned on insertion when there is room between the
 * neighbours, and renumbered for the whole block only when a query finds them invalid: amortized O(1).
 */
public final class Block {
    /** Gap between neighbouring order indices after a renumbering: about 32 insertions fit at one spot. */
    private static final long ORDER_STRIDE = 1L << 32;

    private final Region parent;
    private final List<BlockArgument> arguments = new ArrayList<>();
    private final OpList opList = new OpList(this);
    Operation first;
    Operation last;
    int size;
    /** Whether every op's order index is set and increasing; cleared when an insertion finds no room. */
    private boolean orderValid = true;

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

    /**
     * The operations in order, as a live view. Iterating it stays valid while the op just returned is erased or
     * moved (the iterator has already stepped past it); see {@link OpList} for the exact rules.
     */
    public OpList operations() { return opList; }

    public boolean isEmpty() { return size == 0; }

    /** The last operation, or null for an empty block. */
    public Operation terminator() { return last; }

    /** Inserts a detached op at the end. */
    public void append(Operation op) { link(op, null); }

    /** Inserts a detached op at the start. */
    public void prepend(Operation op) { link(op, first); }

    /** Inserts a detached op right before {@code anchor}, which must be in this block. */
    public void insertBefore(Operation anchor, Operation op) { link(op, requireHere(anchor)); }

    /** Inserts a detached op right after {@code anchor}, which must be in this block. */
    public void insertAfter(Operation anchor, Operation op) { link(op, requireHere(anchor).next); }

    private Operation requireHere(Operation anchor) {
        if (anchor.parentBlock() != this) throw new IllegalArgumentException(anchor.name() + " is not in this block");
        return anchor;
    }

    /** Links {@code op} in before {@code next} (at the end when null). */
    void link(Operation op, Operation next) {
        if (op.parentBlock() != null) throw new IllegalStateException(op.name() + " is already in a block");
        Operation prev = next == null ? last : next.prev;
        op.prev = prev;
        op.next = next;
        if (prev == null) first = op; else prev.next = op;
        if (next == null) last = op; else next.prev = op;
        op.setParentBlock(this);
        size++;
        if (orderValid) assignOrder(op);
    }

    /** Unlinks {@code op}; the others keep their order indices, which stay increasing. */
    void unlink(Operation op) {
        if (op.parentBlock() != this) throw new IllegalArgumentException(op.name() + " is not in this block");
        if (op.prev == null) first = op.next; else op.prev.next = op.next;
        if (op.next == null) last = op.prev; else op.next.prev = op.prev;
        op.prev = null;
        op.next = null;
        op.setParentBlock(null);
        size--;
    }

    /** True if {@code a} comes before {@code b}; both must be in this block. */
    boolean isBefore(Operation a, Operation b) {
        if (!orderValid) renumber();
        return a.orderIndex < b.orderIndex;
    }

    /** Gives {@code op} an index between its neighbours', or marks the block for renumbering if none is free. */
    private void assignOrder(Operation op) {
        long lo = op.prev == null ? 0 : op.prev.orderIndex;
        if (op.next == null) {
            if (lo > Long.MAX_VALUE - ORDER_STRIDE) orderValid = false;
            else op.orderIndex = lo + ORDER_STRIDE;
            return;
        }
        long hi = op.next.orderIndex;
        if (hi - lo > 1) op.orderIndex = lo + (hi - lo) / 2;
        else orderValid = false;
    }

    private void renumber() {
        long stride = Math.min(ORDER_STRIDE, Long.MAX_VALUE / (size + 1L)); // never overflows, even for 2^31 ops
        long index = 0;
        for (Operation op = first; op != null; op = op.next) op.orderIndex = index += stride;
        orderValid = true;
    }
}
