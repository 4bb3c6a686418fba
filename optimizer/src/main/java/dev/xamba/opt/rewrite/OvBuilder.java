package dev.xamba.opt.rewrite;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.ov.OvDialect;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builder that rewrites on the {@code ov} dialect share (legalization, XAMBA). Builds the ops that replace one
 * root op: every new op is inserted before it and takes its
 * location (or the fused location of everything a fusion replaces), and the replacement values take the replaced
 * results' name hints, so an OpenVINO layer leads back to its ONNX node. Remembers what it created so that a
 * failed lowering can be undone.
 */
public final class OvBuilder {
    private final Operation root;
    private final PatternRewriter rewriter;
    private final List<Operation> created = new ArrayList<>();
    private Location location;
    private boolean replaced;

    public OvBuilder(Operation root, PatternRewriter rewriter) {
        this.root = root;
        this.rewriter = rewriter;
        this.location = root.location();
    }

    /** Adds the location of another op this rewrite replaces (a fusion); later ops get the fused location. */
    public void fuseLocationOf(Operation alsoReplaced) {
        location = Location.fuse(List.of(location, alsoReplaced.location()));
    }

    /** Creates {@code name(operands) {attributes}}; throws (and the lowering is undone) if the operands do not fit. */
    public Operation createOp(String name, Map<String, Attribute> attributes, List<Value> operands) {
        Operation op = rewriter.create(name, operands, attributes, location);
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

    /** A 0-D constant of element type {@code type} (integers take the value truncated). */
    public Value scalar(ElementType type, double value) {
        return constant(Tensor.splat(TensorType.scalar(type), value));
    }

    /**
     * {@code v} with another static shape of the same element count: a constant is re-typed at compile time (a
     * {@code dense_resource} keeps its bytes and only changes its type), anything else goes through
     * {@code ov.Reshape}.
     */
    public Value reshaped(Value v, long... shape) {
        TensorType type = TensorType.of(v.tensorType().elementType(), shape);
        Operation def = v.definingOp();
        if (def != null && Constants.isConstant(def)) {
            if (def.attr("value") instanceof DenseResourceAttr r) return constant(new DenseResourceAttr(r.handle(), type));
            if (def.attr("value") instanceof DenseElementsAttr d) return constant(d.value().reshape(type));
        }
        return create("ov.Reshape", Map.of("special_zero", BoolAttr.FALSE), v, i64Vector(shape));
    }

    /** Replaces the root's single result. */
    public void replace(Value replacement) {
        replace(List.of(replacement));
    }

    /**
     * Replaces the root's results, one value each. A value this lowering created takes the replaced result's name
     * hint; a value that existed before (an identity forwards its operand) keeps its own. The types must be equal:
     * a lowering never changes what users of the result see.
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

    /** Erases every op this emitter created, newest first (later ops may use earlier ones, never the reverse). */
    public void rollback() {
        for (int i = created.size() - 1; i >= 0; i--) {
            Operation op = created.get(i);
            if (op.parentBlock() != null && !op.hasUses()) rewriter.eraseOp(op);
        }
        created.clear();
    }
}
