package dev.xamba.frontend.common;

import dev.xamba.ir.Block;
import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.InternalCompilerError;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.FoldWork;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds an importer's ops, folding on construction (as Graal's {@code create} methods do): an op whose
 * operands are all constants and whose definition can evaluate becomes constants of its results (the importer's
 * dialect's constant op, e.g. {@code onnx.Constant}), within a size limit. Ops are collected detached, in order; {@link #finish} drops the unused pure ones in one
 * backward sweep (so a chain that only fed a dropped op goes too) and appends the rest to the body.
 */
public final class OpFactory {
    private final String constantOp;
    private final boolean fold;
    private final long maxFoldElements;
    private final long maxFoldWork;
    private final ConstantAttrs constants;
    private final List<Operation> built = new ArrayList<>();
    private final FoldMemo memo = new FoldMemo();

    /**
     * @param constantOp the constant op of the importer's dialect, whose {@code value} attribute holds the tensor
     */
    public OpFactory(String constantOp, boolean fold, long maxFoldElements, long maxFoldWork, ConstantAttrs constants) {
        this.constantOp = constantOp;
        this.maxFoldWork = maxFoldWork;
        this.fold = fold;
        this.maxFoldElements = maxFoldElements;
        this.constants = constants;
    }

    public ConstantAttrs constants() { return constants; }

    /**
     * Creates {@code opName(operands) {attrs}} at {@code loc}, or its folded constants; {@code nameHint} names a
     * folded constant's resource blob; {@code errors} turns a message into the node's error.
     */
    public List<Value> create(String opName, List<Value> operands, Map<String, Attribute> attrs, Location loc, String nameHint,
                       Function<String, DiagnosticException> errors) {
        OpDefinition def = OpRegistry.lookup(opName)
                .orElseThrow(() -> errors.apply("'" + opName + "' is not a registered operation"));
        checkSignature(def, operands.size(), attrs, errors);
        Operation op;
        try {
            op = OpBuilder.createDetached(opName, operands, attrs, loc);
        } catch (DiagnosticException e) {
            throw errors.apply(e.diagnostics().get(0).message());
        } catch (RuntimeException | StackOverflowError e) {
            throw new InternalCompilerError("type inference of '" + opName + "' at " + loc.describe(), e); // a bug
        }
        List<Value> folded = tryFold(op, def, loc, nameHint);
        if (folded != null) {
            op.erase();
            return folded;
        }
        built.add(op);
        return new ArrayList<>(op.results());
    }

    /** A new constant op holding {@code value}. */
    public Value constant(Attribute value, Location loc) {
        Operation op = OpBuilder.createDetached(constantOp, List.of(), Map.of("value", value), loc);
        built.add(op);
        return op.result();
    }

    /**
     * ONNX attributes that later opsets made inputs (Reduce*, Squeeze and Unsqueeze's axes, Slice's starts/ends/axes/
     * steps, Pad's pads, Clip's min/max): left on a newer node, they are the exporter's or the editor's slip.
     */
    private static final Set<String> BECAME_INPUTS = Set.of("axes", "starts", "ends", "steps", "pads", "min", "max");

    private static void checkSignature(OpDefinition def, int numOperands, Map<String, Attribute> attrs,
                                       Function<String, DiagnosticException> errors) {
        if (numOperands < def.minOperands() || numOperands > def.maxOperands()) {
            String expected = def.minOperands() == def.maxOperands() ? Integer.toString(def.minOperands())
                    : def.maxOperands() == OpDefinition.VARIADIC ? "at least " + def.minOperands()
                    : def.minOperands() + " to " + def.maxOperands();
            throw errors.apply("'" + def.name() + "' takes " + expected + " inputs, got " + numOperands);
        }
        for (Map.Entry<String, Attribute> e : attrs.entrySet()) {
            Optional<AttrSpec> spec = def.attrSpec(e.getKey());
            if (spec.isEmpty()) {
                throw errors.apply("attribute '" + e.getKey() + "' is not supported by '" + def.name() + "'"
                        + (def.name().startsWith("onnx.") && BECAME_INPUTS.contains(e.getKey())
                                ? " (an older opset's attribute: at this node's opset it is an input)" : ""));
            }
            if (!spec.get().kind().accepts(e.getValue())) {
                throw errors.apply("attribute '" + e.getKey() + "' must be " + spec.get().kind().describe() + ", got " + e.getValue());
            }
        }
    }

    private List<Value> tryFold(Operation op, OpDefinition def, Location loc, String nameHint) {
        if (!fold || !def.canEvaluate() || def.has(Trait.CONSTANT_LIKE) || op.numOperands() == 0) return null;
        if (FoldWork.isWeightDecompression(op)) return null;
        List<Tensor> inputs = new ArrayList<>(op.numOperands());
        for (Value v : op.operandValues()) {
            if (!withinLimit(v.tensorType())) return null;
            Optional<Tensor> c = Constants.valueOf(v);
            if (c.isEmpty()) return null;
            inputs.add(c.get());
        }
        for (Value r : op.results()) if (!withinLimit(r.tensorType())) return null;
        if (FoldWork.estimate(op) > maxFoldWork) return null;
        boolean readsWeights = memo.readsWeights(op);
        FoldMemo.Key key = readsWeights ? null : FoldMemo.keyOf(op, inputs);
        List<Tensor> values = key == null ? null : memo.get(key);
        if (values == null) {
            try {
                values = def.evaluate(OperationContext.withValues(op, def, inputs));
            } catch (OpError e) {
                return null; // not foldable here (e.g. integer division by zero): keep the op, its run-time behaviour decides
            } catch (RuntimeException | StackOverflowError e) {
                throw new InternalCompilerError("folding " + op, e); // a kernel bug, not a problem of the model
            }
            if (key != null) memo.put(key, values);
        }
        if (values.size() != op.numResults()) return null;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).elementType() != op.result(i).tensorType().elementType()) return null;
        }
        List<Value> out = new ArrayList<>(values.size());
        for (Tensor t : values) out.add(constant(constants.fromTensor(t, nameHint), loc));
        if (readsWeights) memo.addFromWeights(out);
        return out;
    }

    private boolean withinLimit(TensorType t) {
        return t.hasStaticShape() && t.numElements() <= maxFoldElements;
    }

    /**
     * Erases pure ops nobody uses (walking backwards, so a chain that only fed a removed op goes too) and
     * appends the others to {@code body}; returns how many were removed.
     */
    public int finish(Block body) {
        boolean[] keep = new boolean[built.size()];
        int removed = 0;
        for (int i = built.size() - 1; i >= 0; i--) {
            Operation op = built.get(i);
            boolean pure = op.definition().map(d -> d.has(Trait.PURE) || d.has(Trait.CONSTANT_LIKE)).orElse(false);
            if (pure && !op.hasUses()) {
                op.erase();
                removed++;
            } else {
                keep[i] = true;
            }
        }
        for (int i = 0; i < built.size(); i++) if (keep[i]) body.append(built.get(i));
        built.clear();
        return removed;
    }
}
