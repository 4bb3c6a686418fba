package dev.xamba.ir;

/** The {@code index}-th operand slot of an operation: one edge of the graph, kept in its value's use list. */
public final class OpOperand {
    private final Operation owner;
    private final int index;
    private Value value;
    /** Neighbours in {@code value}'s use list; Value owns them. */
    OpOperand prevUse;
    OpOperand nextUse;

    OpOperand(Operation owner, int index, Value value) {
        this.owner = owner;
        this.index = index;
        attach(value);
    }

    public Operation owner() { return owner; }

    public int index() { return index; }

    public Value get() { return value; }

    /** Points this operand at another value, moving the edge between the two use lists. */
    public void set(Value newValue) {
        if (newValue == value) return;
        requireValue(newValue); // before detaching: a refused value leaves the operand as it was
        detach();
        attach(newValue);
    }

    void detach() {
        if (value != null) value.removeUse(this);
        value = null;
    }

    private void attach(Value v) {
        requireValue(v);
        value = v;
        v.addUse(this);
    }

    private void requireValue(Value v) {
        if (v == null) throw new IllegalArgumentException("operand #" + index + " of " + owner.name() + " is null");
    }
}
