package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ops one {@link OpView} class covers and how to make the view: {@code MatMulOp.KIND} covers
 * {@code ov.MatMul}; {@code BinaryOp.ADD} covers {@code ov.Add}, {@code BinaryOp.ANY} the whole elementwise
 * family. Patterns match through a kind instead of comparing op names.
 */
public final class OpViewKind<V extends OpView> {
    private final List<String> names;
    private final Set<String> nameSet;
    private final Function<Operation, V> wrap;

    private OpViewKind(List<String> names, Function<Operation, V> wrap) {
        if (names.isEmpty()) throw new IllegalArgumentException("a view kind needs at least one op name");
        this.names = List.copyOf(names);
        this.nameSet = Set.copyOf(names);
        this.wrap = wrap;
    }

    public static <V extends OpView> OpViewKind<V> of(Function<Operation, V> wrap, String... names) {
        return new OpViewKind<>(List.of(names), wrap);
    }

    /** The op names this kind covers, in declaration order. */
    public List<String> names() { return names; }

    /** The one op name of a single-op kind, the op a builder creates from it; fails for a family kind. */
    public String opName() {
        if (names.size() != 1) throw new IllegalStateException("the kind " + this + " covers several ops; name one");
        return names.get(0);
    }

    public boolean matches(Operation op) { return op != null && nameSet.contains(op.name()); }

    /** The view of {@code op} if it is one of this kind's ops. */
    public Optional<V> match(Operation op) { return matches(op) ? Optional.of(wrap.apply(op)) : Optional.empty(); }

    /** The view of the op defining {@code v}, if {@code v} is a result of one of this kind's ops. */
    public Optional<V> definingOp(Value v) { return match(v.definingOp()); }

    /** The view of {@code op}; fails if it is not one of this kind's ops (use after {@link #matches}). */
    public V cast(Operation op) {
        if (!matches(op)) throw new IllegalArgumentException(op + " is not one of " + names);
        return wrap.apply(op);
    }

    /** A kind covering this kind's ops and {@code other}'s, viewed the same way. */
    public OpViewKind<V> or(OpViewKind<? extends V> other) {
        List<String> all = new java.util.ArrayList<>(names);
        for (String n : other.names) if (!nameSet.contains(n)) all.add(n);
        return new OpViewKind<>(all, wrap);
    }

    @Override public String toString() { return String.join("|", names); }
}
