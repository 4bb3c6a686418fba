package dev.xamba.opt.rewrite;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.ov.OvDialect;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.view.ConvertOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The builder that rewrites on the {@code ov} dialect share (legalization, XAMBA). Builds the ops that replace one
 * root op: every new op takes the root's location (or the fused location of everything a fusion replaces), and
 * the replacement values take the replaced results' name hints, so an OpenVINO layer leads back to its ONNX node.
 *
 * <p>Two modes. {@link #OvBuilder(Operation, PatternRewriter) Immediate}: ops are inserted before the root as
 * they are made and {@link #rollback} erases them if a later guard fails (legalization). {@link #plan Plan}: ops
 * are made detached, nothing in the IR changes (beyond use edges from the planned ops to existing values), so a
 * rewrite can cost its replacement ({@link #planned}) and then {@link #commit} it (insert before the root, replace
 * the root) or {@link #discard} it (drop the detached ops and their use edges).
 *
 * <p>Helpers fold where an operand makes them trivial: {@link #reshaped} to the same shape and {@link #transposed}
 * by the identity are the input, a reshaped constant is a constant. In plan mode, an op whose operands are all
 * constants becomes a constant (up to {@link #MAX_FOLD_ELEMENTS} elements); immediate mode leaves that to
 * {@code canonicalize}, so legalization's output stays as its tests pin it.
 */
public final class OvBuilder {
    /** Largest result a create-time constant fold produces (a 256×256 f32 mask is 64 Ki elements). */
    public static final long MAX_FOLD_ELEMENTS = 1 << 20;

    private final Operation root;
    private final PatternRewriter rewriter;
    private final boolean planning;
    private final List<Operation> created = new ArrayList<>();
    private Location location;
    private boolean replaced;
    private List<Value> pendingReplacements;

    /** An immediate-mode builder: ops are inserted before {@code root} as they are made. */
    public OvBuilder(Operation root, PatternRewriter rewriter) {
        this(root, rewriter, false);
    }

    private OvBuilder(Operation root, PatternRewriter rewriter, boolean planning) {
        this.root = root;
        this.rewriter = rewriter;
        this.planning = planning;
        this.location = root.location();
    }

    /**
     * Runs an immediate-mode rewrite of {@code root} with a new builder. A guard that fails inside it (a
     * {@link RewriteFailure}, such as {@link #replace}'s type check, or an op refusing its operands) erases what it
     * built and becomes the match failure: a pattern never leaves the IR half-changed.
     */
    public static MatchResult rewriting(Operation root, PatternRewriter rewriter, Function<OvBuilder, MatchResult> rewrite) {
        OvBuilder ov = new OvBuilder(root, rewriter);
        try {
            return rewrite.apply(ov);
        } catch (RewriteFailure | OpError e) {
            ov.rollback();
            return rewriter.notifyMatchFailure(root, e.getMessage());
        } catch (DiagnosticException e) {
            ov.rollback();
            return rewriter.notifyMatchFailure(root, e.diagnostics().get(0).message());
        }
    }

    /** A plan-mode builder: ops are made detached until {@link #commit}. */
    public static OvBuilder plan(Operation root, PatternRewriter rewriter) {
        return new OvBuilder(root, rewriter, true);
    }

    public boolean isPlanning() { return planning; }

    /** The op being replaced. */
    public Operation root() { return root; }

    /** Adds the location of another op this rewrite replaces (a fusion); later ops get the fused location. */
    public void fuseLocationOf(Operation alsoReplaced) {
        location = Location.fuse(List.of(location, alsoReplaced.location()));
    }

    /** The location new ops get: the root's, fused with every {@link #fuseLocationOf} op's. */
    public Location location() { return location; }

    /**
     * Creates {@code name(operands) {attributes}}, folded to a constant when every operand is one; throws (and the
     * rewrite is undone) if the operands do not fit.
     */
    public Operation createOp(String name, Map<String, Attribute> attributes, List<Value> operands) {
        Operation op = OpBuilder.createDetached(name, operands, attributes, location);
        Operation folded = planning ? CreateTimeFolder.fold(op) : null;
        if (folded != null) {
            op.erase();
            op = folded;
        }
        if (planning) {
            created.add(op);
            return op;
        }
        rewriter.insert(op);
        created.add(op);
        return op;
    }

    /** A single-result op. */
    public Value create(String name, Map<String, Attribute> attributes, Value... operands) {
        return createOp(name, attributes, Arrays.asList(operands)).result();
    }

    /** A single-result op without attributes. */
    public Value create(String name, Value... operands) {
        return create(name, Map.of(), operands);
    }

    /** {@link #createOp(String, Map, List)} of the one op {@code kind} names ({@code CumSumOp.KIND}). */
    public Operation createOp(OpViewKind<?> kind, Map<String, Attribute> attributes, List<Value> operands) {
        return createOp(kind.opName(), attributes, operands);
    }

    /** A single-result op of the one op {@code kind} names: {@code create(CumSumOp.KIND, flags, x, axis)}. */
    public Value create(OpViewKind<?> kind, Map<String, Attribute> attributes, Value... operands) {
        return create(kind.opName(), attributes, operands);
    }

    /** A single-result op of the one op {@code kind} names, without attributes. */
    public Value create(OpViewKind<?> kind, Value... operands) {
        return create(kind.opName(), Map.of(), operands);
    }

    /** An {@code ov.Constant} holding {@code value}, which may be a {@code dense_resource} (the bytes are shared). */
    public Value constant(Attribute value) {
        return create(OvDialect.CONSTANT, Map.of("value", value));
    }

    public Value constant(Tensor value) {
        return constant(new DenseElementsAttr(value));
    }

    /** A 1-D i64 constant, the form OpenVINO takes for shapes, axes, pads and orders. */
    public Value i64Vector(long... values) {
        return constant(Tensor.ofLongs(TensorType.of(ElementType.I64, values.length), values.clone()));
    }

    /** A 0-D i64 constant, the form OpenVINO takes for a single axis. */
    public Value i64Scalar(long value) {
        return constant(Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {value}));
    }

    /** {@code ov.Convert(v) {destination_type = to}}: always a new op, also when v already has that type. */
    public Value convert(Value v, ElementType to) {
        return create(ConvertOp.KIND, Map.of("destination_type", new StringAttr(OvElementTypes.irName(to))), v);
    }

    /** A 0-D constant of element type {@code type} (integers take the value truncated). */
    public Value scalar(ElementType type, double value) {
        return constant(Tensor.splat(TensorType.scalar(type), value));
    }

    /**
     * {@code v} with another static shape of the same element count: {@code v} itself if the shape is already
     * that; a constant is re-typed at compile time (a {@code dense_resource} keeps its bytes and only changes its
     * type); anything else goes through {@code ov.Reshape}.
     */
    public Value reshaped(Value v, long... shape) {
        if (Arrays.equals(v.tensorType().shape(), shape)) return v; // reshape to its own shape => v
        TensorType type = TensorType.of(v.tensorType().elementType(), shape);
        Operation def = v.definingOp();
        if (def != null && Constants.isConstant(def)) {
            if (def.attr("value") instanceof DenseResourceAttr r) return constant(new DenseResourceAttr(r.handle(), type));
            if (def.attr("value") instanceof DenseElementsAttr d) return constant(d.value().reshape(type));
        }
        return create(ReshapeOp.RESHAPE, Map.of("special_zero", BoolAttr.FALSE), v, i64Vector(shape));
    }

    /** {@code v} with its axes permuted ({@code result dim i = v dim perm[i]}); {@code v} itself for the identity. */
    public Value transposed(Value v, int... perm) {
        boolean identity = true;
        for (int i = 0; i < perm.length; i++) identity &= perm[i] == i;
        if (identity) return v; // identity transpose => v
        long[] order = new long[perm.length];
        for (int i = 0; i < perm.length; i++) order[i] = perm[i];
        return create(TransposeOp.KIND, v, i64Vector(order));
    }

    /** Replaces the root's single result. */
    public void replace(Value replacement) {
        replace(List.of(replacement));
    }

    /**
     * Replaces the root's results, one value each (in plan mode: at {@link #commit}). A value this rewrite created
     * takes the replaced result's name hint; a value that existed before (an identity forwards its operand) keeps
     * its own. The types must be equal: a rewrite never changes what users of the result see.
     */
    public void replace(List<Value> replacements) {
        if (replacements.size() != root.numResults()) {
            throw new IllegalStateException(root.name() + " has " + root.numResults() + " results, got " + replacements.size());
        }
        for (int i = 0; i < replacements.size(); i++) {
            Value old = root.result(i);
            Value v = replacements.get(i);
            if (!v.type().equals(old.type())) {
                throw new RewriteFailure("the ov form gives " + v.type() + " where the op has " + old.type());
            }
        }
        if (planning) {
            pendingReplacements = List.copyOf(replacements);
            return;
        }
        doReplace(replacements);
    }

    private void doReplace(List<Value> replacements) {
        Set<Operation> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(created);
        for (int i = 0; i < replacements.size(); i++) {
            Value v = replacements.get(i);
            if (v.definingOp() != null && mine.contains(v.definingOp()) && root.result(i).nameHint() != null) {
                v.setNameHint(root.result(i).nameHint());
            }
        }
        rewriter.replaceOp(root, replacements);
        replaced = true;
    }

    public boolean hasReplaced() { return replaced; }

    /** The ops made so far, in creation order (plan mode: still detached; constants included). */
    public List<Operation> planned() { return Collections.unmodifiableList(created); }

    /** Whether a plan has its replacement values ({@link #replace} was called). */
    public boolean hasPlannedReplacement() { return pendingReplacements != null; }

    /**
     * Inserts the planned ops before the root, in creation order, and replaces the root. Planned ops nothing
     * uses (a helper made a constant the fold made unnecessary) are dropped instead of inserted.
     */
    public void commit() {
        if (!planning) throw new IllegalStateException("commit is for plan-mode builders");
        if (pendingReplacements == null) throw new IllegalStateException("the plan for " + root + " has no replacement");
        Set<Operation> needed = neededOps();
        for (int i = created.size() - 1; i >= 0; i--) {
            Operation op = created.get(i);
            if (!needed.contains(op)) op.erase();
        }
        created.removeIf(op -> !needed.contains(op));
        rewriter.setInsertionPointBefore(root);
        for (Operation op : created) rewriter.insert(op);
        doReplace(pendingReplacements);
    }

    /** Planned ops the replacement values depend on. */
    private Set<Operation> neededOps() {
        Set<Operation> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(created);
        Set<Operation> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Operation> stack = new ArrayList<>();
        for (Value v : pendingReplacements) if (mine.contains(v.definingOp())) stack.add(v.definingOp());
        while (!stack.isEmpty()) {
            Operation op = stack.remove(stack.size() - 1);
            if (!needed.add(op)) continue;
            for (Value v : op.operandValues()) if (mine.contains(v.definingOp())) stack.add(v.definingOp());
        }
        return needed;
    }

    /** Drops a plan: erases the detached ops newest first, so existing values lose the uses the plan added. */
    public void discard() {
        if (!planning) throw new IllegalStateException("discard is for plan-mode builders; use rollback");
        for (int i = created.size() - 1; i >= 0; i--) {
            Operation op = created.get(i);
            op.erase();
        }
        created.clear();
        pendingReplacements = null;
    }

    /** Erases every op this emitter created, newest first (later ops may use earlier ones, never the reverse). */
    public void rollback() {
        if (planning) {
            discard();
            return;
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            Operation op = created.get(i);
            if (op.parentBlock() != null && !op.hasUses()) rewriter.eraseOp(op);
        }
        created.clear();
    }

    /** A failure of an {@code ov} op to accept its operands, as a rewrite failure with the diagnostic's text. */
    public static RewriteFailure asFailure(DiagnosticException e) {
        return new RewriteFailure(e.diagnostics().get(0).message());
    }
}
