package dev.xamba.ir;

import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one generic operation class: a name ({@code dialect.op}), operands, results, attributes, regions and
 * a location. Typed views (in {@code dev.xamba.ir.ops}) only read it; printer, parser, verifier and pass
 * drivers only know this class.
 */
public final class Operation {
    private final String name;
    /** Looked up once: the name never changes, and the registry is fixed once built. */
    private final Optional<OpDefinition> definition;
    private final List<OpOperand> operands = new ArrayList<>();
    private final List<OpResult> results;
    private final SortedMap<String, Attribute> attributes = new TreeMap<>();
    private final List<Region> regions;
    private Location location;
    private Location.FileLineCol sourcePosition;
    private Block parentBlock;
    /** Neighbours in {@link #parentBlock}'s intrusive list and the lazily maintained order index; Block owns them. */
    Operation prev;
    Operation next;
    long orderIndex;

    private Operation(String name, List<? extends Value> operands, List<? extends Type> resultTypes,
                      Map<String, Attribute> attributes, int numRegions, Location location) {
        this.name = name;
        this.definition = OpRegistry.lookup(name);
        // Checked before any use is recorded: a refused operand list must not leave uses by an op nobody holds.
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i) == null) throw new IllegalArgumentException("operand #" + i + " of " + name + " is null");
        }
        for (Value v : operands) this.operands.add(new OpOperand(this, this.operands.size(), v));
        List<OpResult> rs = new ArrayList<>(resultTypes.size());
        for (Type t : resultTypes) rs.add(new OpResult(this, rs.size(), t));
        this.results = Collections.unmodifiableList(rs);
        this.attributes.putAll(attributes);
        List<Region> regs = new ArrayList<>(numRegions);
        for (int i = 0; i < numRegions; i++) regs.add(new Region(this));
        this.regions = Collections.unmodifiableList(regs);
        this.location = location == null ? Location.UNKNOWN : location;
    }

    /** Creates a detached operation; insert it with {@link Block#append} or a builder. */
    public static Operation create(String name, List<? extends Value> operands, List<? extends Type> resultTypes,
                                   Map<String, Attribute> attributes, int numRegions, Location location) {
        return new Operation(name, operands, resultTypes, attributes, numRegions, location);
    }

    public String name() { return name; }

    /** The part before the first dot: {@code ov}, {@code onnx}, {@code func}. */
    public String dialect() {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** The registered definition of this op, if any. */
    public Optional<OpDefinition> definition() { return definition; }

    public boolean isA(String opName) { return name.equals(opName); }

    /** The model of {@code type} attached to this op's definition ({@link OpDefinition#attachInterface}), if any. */
    public <I> Optional<I> getInterface(Class<I> type) { return definition().flatMap(d -> d.getInterface(type)); }

    // ---- operands

    public int numOperands() { return operands.size(); }

    public Value operand(int i) { return operands.get(i).get(); }

    public OpOperand opOperand(int i) { return operands.get(i); }

    public List<Value> operandValues() {
        List<Value> vs = new ArrayList<>(operands.size());
        for (OpOperand o : operands) vs.add(o.get());
        return vs;
    }

    public void setOperand(int i, Value v) { operands.get(i).set(v); }

    // ---- results

    public int numResults() { return results.size(); }

    public OpResult result(int i) { return results.get(i); }

    /** The only result; fails for ops with another number of results. */
    public OpResult result() {
        if (results.size() != 1) throw new IllegalStateException(name + " has " + results.size() + " results");
        return results.get(0);
    }

    public List<OpResult> results() { return results; }

    public boolean hasUses() {
        for (OpResult r : results) if (r.hasUses()) return true;
        return false;
    }

    // ---- attributes

    /** Every attribute, inherent (declared by the op's definition) and discardable, sorted by name. */
    public SortedMap<String, Attribute> attributes() { return Collections.unmodifiableSortedMap(attributes); }

    /**
     * Whether {@code attrName} names a <em>discardable</em> attribute: one with a dialect prefix,
     * {@code <ident>.<ident>} ({@code npu.unit}, {@code xamba.max_error}). Any op may carry one, as in MLIR: the
     * verifier accepts it without knowing it, the printer and parser carry it like any other attribute, a pass may
     * drop it (rewrites do not copy it to the ops they create), and the OpenVINO writer ignores it. An attribute
     * without a dialect prefix must be declared by the op's definition.
     */
    public static boolean isDiscardable(String attrName) {
        int dot = attrName.indexOf('.');
        return dot > 0 && isIdentifier(attrName, 0, dot) && dot < attrName.length() - 1
                && isIdentifier(attrName, dot + 1, attrName.length());
    }

    /** Identifier characters only, not starting with a digit; dots separate further parts ({@code a.b.c}). */
    private static boolean isIdentifier(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean partStart = i == from || s.charAt(i - 1) == '.';
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (!partStart && ((c >= '0' && c <= '9') || c == '$' || c == '.'));
            if (!ok || (c == '.' && i == to - 1)) return false;
        }
        return true;
    }

    /** The discardable attributes ({@link #isDiscardable}), sorted by name; a copy. */
    public SortedMap<String, Attribute> discardableAttributes() {
        SortedMap<String, Attribute> out = new TreeMap<>();
        attributes.forEach((k, v) -> { if (isDiscardable(k)) out.put(k, v); });
        return out;
    }

    public Attribute attr(String key) { return attributes.get(key); }

    public void setAttr(String key, Attribute value) { attributes.put(key, value); }

    public void removeAttr(String key) { attributes.remove(key); }

    // ---- regions and position

    public List<Region> regions() { return regions; }

    public Region region(int i) { return regions.get(i); }

    public Block parentBlock() { return parentBlock; }

    void setParentBlock(Block b) { this.parentBlock = b; }

    /** The operation whose region holds this one (the function for a body op), or null at top level. */
    public Operation parentOp() { return parentBlock == null ? null : parentBlock.parentOp(); }

    /** The op after this one in its block, or null if it is the last (or detached). */
    public Operation nextInBlock() { return next; }

    /** The op before this one in its block, or null if it is the first (or detached). */
    public Operation prevInBlock() { return prev; }

    /** True if both ops are in the same block and this one comes first; amortized O(1). */
    public boolean isBeforeInBlock(Operation other) {
        if (parentBlock == null || other.parentBlock != parentBlock) throw new IllegalArgumentException("not in one block");
        return parentBlock.isBefore(this, other);
    }

    /**
     * Moves this op (attached or detached) to right before {@code anchor}, possibly into another block; its edges
     * stay as they are, so the caller keeps definitions before uses. O(1).
     */
    public void moveBefore(Operation anchor) {
        if (anchor == this) return;
        Block target = requireAttached(anchor);
        if (parentBlock != null) parentBlock.unlink(this);
        target.link(this, anchor);
    }

    /** Moves this op to right after {@code anchor}; see {@link #moveBefore}. O(1). */
    public void moveAfter(Operation anchor) {
        if (anchor == this) return;
        Block target = requireAttached(anchor);
        if (parentBlock != null) parentBlock.unlink(this);
        target.link(this, anchor.next);
    }

    private static Block requireAttached(Operation anchor) {
        if (anchor.parentBlock == null) throw new IllegalArgumentException("anchor " + anchor.name() + " is not in a block");
        return anchor.parentBlock;
    }

    // ---- location

    public Location location() { return location; }

    public void setLocation(Location location) { this.location = location == null ? Location.UNKNOWN : location; }

    /** Where the parser read this op; not printed, used so that diagnostics point into the source file. */
    public Location.FileLineCol sourcePosition() { return sourcePosition; }

    public void setSourcePosition(Location.FileLineCol pos) { this.sourcePosition = pos; }

    /** The location diagnostics cite: the source position if parsed, else the op's own location. */
    public Location diagnosticLocation() { return sourcePosition != null ? sourcePosition : location; }

    public Diagnostic error(String message) {
        Diagnostic d = Diagnostic.error(diagnosticLocation(), "'" + name + "' op " + message);
        if (sourcePosition != null && !location.describe().equals(Location.UNKNOWN_TEXT)) d = d.withNote(location, "op location");
        return d;
    }

    // ---- mutation

    /** Removes this op from its block (O(1)) and drops its operand edges. Its results must have no uses. */
    public void erase() {
        for (OpResult r : results) {
            if (r.hasUses()) throw new IllegalStateException("erasing " + name + " whose result #" + r.index() + " is still used");
        }
        dropOperandEdges();
        if (parentBlock != null) parentBlock.unlink(this);
    }

    private void dropOperandEdges() {
        for (OpOperand o : operands) o.detach();
        for (Region r : regions) {
            for (Block b : r.blocks()) for (Operation inner : b.operations()) inner.dropOperandEdges();
        }
    }

    @Override public String toString() { return name + " at " + diagnosticLocation().describe(); }
}
