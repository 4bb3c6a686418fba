package dev.xamba.ir;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The operations of one block, in order: a live view of the block's intrusive list, not a copy. There is no
 * random access (it would be O(n)); take a {@link #toList() snapshot} when indices are needed.
 *
 * <p><b>Mutation while iterating.</b> An iterator reads the op after the current one before it returns the
 * current one (MLIR's {@code make_early_inc_range}). So while iterating you may erase or move the op just
 * returned, and insert ops anywhere; ops inserted before the saved successor are not visited, and an op moved
 * ahead of the iterator is visited again where it now stands. You must not erase or move the saved successor itself: the iterator detects a successor that
 * left the block and throws {@link ConcurrentModificationException}. The same holds for {@link #reversed()}
 * with "before" and "after" swapped.
 */
public final class OpList implements Iterable<Operation> {
    private final Block block;

    OpList(Block block) { this.block = block; }

    public int size() { return block.size; }

    public boolean isEmpty() { return block.size == 0; }

    /** The first op; throws if the block is empty. */
    public Operation first() {
        if (block.first == null) throw new NoSuchElementException("empty block");
        return block.first;
    }

    /** The last op; throws if the block is empty. */
    public Operation last() {
        if (block.last == null) throw new NoSuchElementException("empty block");
        return block.last;
    }

    @Override public Iterator<Operation> iterator() { return new Cursor(block, block.first, true); }

    /** The ops from last to first, with the same rules for mutation while iterating. */
    public Iterable<Operation> reversed() { return () -> new Cursor(block, block.last, false); }

    @Override public Spliterator<Operation> spliterator() {
        return Spliterators.spliterator(iterator(), block.size, Spliterator.ORDERED | Spliterator.NONNULL);
    }

    public Stream<Operation> stream() { return StreamSupport.stream(spliterator(), false); }

    /** A copy of the current order, unaffected by later mutations. */
    public List<Operation> toList() {
        List<Operation> out = new ArrayList<>(block.size);
        for (Operation op = block.first; op != null; op = op.next) out.add(op);
        return out;
    }

    @Override public String toString() { return "OpList" + stream().map(Operation::name).toList(); }

    /** An early-increment cursor: {@code upcoming} is read before the current op is handed out. */
    private static final class Cursor implements Iterator<Operation> {
        private final Block block;
        private final boolean forward;
        private Operation upcoming;

        Cursor(Block block, Operation start, boolean forward) {
            this.block = block;
            this.upcoming = start;
            this.forward = forward;
        }

        @Override public boolean hasNext() {
            if (upcoming != null && upcoming.parentBlock() != block) {
                throw new ConcurrentModificationException(upcoming.name()
                        + " left the block while an iterator was about to visit it");
            }
            return upcoming != null;
        }

        @Override public Operation next() {
            if (!hasNext()) throw new NoSuchElementException();
            Operation current = upcoming;
            upcoming = forward ? current.next : current.prev;
            return current;
        }
    }
}
