package dev.xamba.ir.verify;

import dev.xamba.ir.Block;
import dev.xamba.ir.BlockArgument;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Region;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.InternalCompilerError;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what passes can break: first the structure of every op (registration, operand and result counts,
 * attributes, result types against the op's own inference, terminators), then dominance (every operand is
 * defined before its use, in the same function). Both walks use explicit worklists, never recursion, so deep
 * graphs cannot overflow the stack. All problems are reported, not only the first.
 *
 * <p>An op's inference or verifier reports a problem of the input by throwing {@code OpError}; anything else it
 * throws is a bug in the compiler and escapes as an {@link InternalCompilerError}, never as a diagnostic.
 */
public final class Verifier {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final boolean allowUnregistered;

    private Verifier(boolean allowUnregistered) {
        this.allowUnregistered = allowUnregistered;
    }

    /** Every problem found in {@code root} and the ops nested in it; empty when the IR is valid. */
    public static List<Diagnostic> verify(Operation root) {
        return verify(root, false);
    }

    /**
     * Like {@link #verify(Operation)}; with {@code allowUnregistered}, ops of no registered definition are
     * accepted as they are (only dominance is checked for them), e.g. to test the textual syntax.
     */
    public static List<Diagnostic> verify(Operation root, boolean allowUnregistered) {
        Verifier v = new Verifier(allowUnregistered);
        v.verifyStructure(root);
        if (v.diagnostics.isEmpty()) v.verifyDominance(root);
        return Collections.unmodifiableList(v.diagnostics);
    }

    /** Throws a {@link DiagnosticException} listing every problem, if there is any. */
    public static void verifyOrThrow(Operation root) {
        verifyOrThrow(root, false);
    }

    public static void verifyOrThrow(Operation root, boolean allowUnregistered) {
        List<Diagnostic> d = verify(root, allowUnregistered);
        if (!d.isEmpty()) throw new DiagnosticException(d);
    }

    // ---- structure

    private void verifyStructure(Operation root) {
        Deque<Operation> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Operation op = work.pop();
            verifyOp(op);
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    for (Operation inner : b.operations().reversed()) work.push(inner);
                }
            }
        }
    }

    private void verifyOp(Operation op) {
        Optional<OpDefinition> maybeDef = op.definition();
        if (maybeDef.isEmpty()) {
            if (!allowUnregistered) diagnostics.add(op.error("is not a registered operation"));
            return;
        }
        OpDefinition def = maybeDef.get();
        int before = diagnostics.size();
        verifyCounts(op, def);
        verifyAttributes(op, def);
        if (def.has(Trait.TERMINATOR) && op.parentBlock() != null && op.parentBlock().terminator() != op) {
            diagnostics.add(op.error("must be the last operation of its block"));
        }
        verifySizes(op);
        if (diagnostics.size() == before) verifyTypes(op, def);
        if (diagnostics.size() == before) verifyByDefinition(op, def);
    }

    /** The op's own checks; they report through the consumer, so anything they throw is a bug. */
    private void verifyByDefinition(Operation op, OpDefinition def) {
        try {
            def.verify(op, diagnostics::add);
        } catch (OpError e) {
            diagnostics.add(op.error(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            throw new InternalCompilerError("verification of " + op, e);
        }
    }

    private void verifyCounts(Operation op, OpDefinition def) {
        int n = op.numOperands();
        if (n < def.minOperands() || n > def.maxOperands()) {
            String expected = def.minOperands() == def.maxOperands() ? Integer.toString(def.minOperands())
                    : def.maxOperands() == OpDefinition.VARIADIC ? "at least " + def.minOperands()
                    : def.minOperands() + " to " + def.maxOperands();
            diagnostics.add(op.error("expects " + expected + " operand" + (expected.equals("1") ? "" : "s") + ", got " + n));
        }
        if (def.numResults() >= 0 && op.numResults() != def.numResults()) {
            diagnostics.add(op.error("expects " + def.numResults() + " result" + (def.numResults() == 1 ? "" : "s")
                    + ", got " + op.numResults()));
        }
    }

    /** Longest attribute text a diagnostic quotes in full. */
    private static final int BRIEF_CHARS = 120;

    /**
     * An attribute as a one-line message quotes it: a dense constant of more than a few elements by its type alone
     * (rendering it made a 10 KB line of 2003 values, and would make 100 MB of 16 M), any other text cut to
     * {@value #BRIEF_CHARS} characters.
     */
    static String brief(Attribute a) {
        if (a instanceof DenseElementsAttr d && d.type().numElements() > 8 && !d.value().isSplat()) return "dense<...> : " + d.type();
        String text = a.toString();
        return text.length() <= BRIEF_CHARS ? text : text.substring(0, BRIEF_CHARS) + "... (" + text.length() + " characters)";
    }

    private void verifyAttributes(Operation op, OpDefinition def) {
        for (AttrSpec spec : def.attributes()) {
            Attribute a = op.attr(spec.name());
            if (a == null) {
                if (spec.required()) diagnostics.add(op.error("requires attribute '" + spec.name() + "'"));
            } else if (!spec.kind().accepts(a)) {
                diagnostics.add(op.error("attribute '" + spec.name() + "' must be " + spec.kind().describe() + ", got " + brief(a)));
            }
        }
        for (String name : op.attributes().keySet()) {
            if (def.attrSpec(name).isEmpty() && !Operation.isDiscardable(name)) {
                diagnostics.add(op.error("has unknown attribute '" + name
                        + "'; only attributes with a dialect prefix ('dialect.name') may be added to any op"));
            }
        }
    }

    /**
     * A tensor whose size in bytes does not fit in 64 bits (e.g. 2^62 f32 elements) cannot be allocated, indexed or
     * written: OpenVINO computes its byte size in 64 bits, and counting its elements or bytes would silently
     * saturate. Checked for results and block arguments, named by the function's {@code arg_names} when there are
     * some (ONNX graph inputs).
     */
    private void verifySizes(Operation op) {
        for (int i = 0; i < op.numResults(); i++) {
            if (op.result(i).type() instanceof TensorType t && !fitsIn64Bits(t)) {
                diagnostics.add(op.error("result #" + i + " of type " + t + " takes more bytes than fit in 64 bits"));
            }
        }
        for (Region r : op.regions()) {
            for (Block b : r.blocks()) {
                for (int i = 0; i < b.arguments().size(); i++) {
                    if (b.argument(i).type() instanceof TensorType t && !fitsIn64Bits(t)) {
                        diagnostics.add(op.error(argumentName(op, i) + " of type " + t + " takes more bytes than fit in 64 bits"));
                    }
                }
            }
        }
    }

    private static String argumentName(Operation op, int i) {
        if (op.attr("arg_names") instanceof dev.xamba.ir.attr.ArrayAttr names && i < names.elements().size()
                && names.elements().get(i) instanceof dev.xamba.ir.attr.StringAttr s) {
            return "argument #" + i + " ('" + s.value() + "')";
        }
        return "argument #" + i;
    }

    /** Static dims only (a dynamic dim has no size yet); a zero dim makes the tensor empty whatever the others. */
    static boolean fitsIn64Bits(TensorType t) {
        long bytes = t.elementType().byteWidth();
        boolean overflow = false;
        for (int d = 0; d < t.rank(); d++) {
            long n = t.dim(d);
            if (n == 0) return true;
            if (t.isDynamicDim(d) || n < 0) continue;
            if (bytes > Long.MAX_VALUE / n) overflow = true;
            else bytes *= n;
        }
        return !overflow;
    }

    private void verifyTypes(Operation op, OpDefinition def) {
        for (int i = 0; i < op.numOperands(); i++) {
            if (!(op.operand(i).type() instanceof TensorType)) {
                diagnostics.add(op.error("operand #" + i + " must be a tensor, got " + op.operand(i).type()));
                return;
            }
        }
        List<TensorType> inferred;
        try {
            inferred = def.inferResultTypes(OperationContext.of(op, def));
        } catch (OpError e) {
            diagnostics.add(op.error(e.getMessage()));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            throw new InternalCompilerError("type inference of " + op, e); // a bug, not a problem of the input
        }
        if (inferred.size() != op.numResults()) {
            diagnostics.add(op.error("has " + op.numResults() + " results but its operands give " + inferred.size()));
            return;
        }
        for (int i = 0; i < inferred.size(); i++) {
            if (!(op.result(i).type() instanceof TensorType actual) || !compatible(actual, inferred.get(i))) {
                diagnostics.add(op.error("result #" + i + " has type " + op.result(i).type()
                        + " but its operands and attributes give " + inferred.get(i)));
            }
        }
    }

    /** Same element type and rank, and each dim equal unless one side is dynamic (a refinement). */
    static boolean compatible(TensorType a, TensorType b) {
        if (a.elementType() != b.elementType() || a.rank() != b.rank()) return false;
        for (int d = 0; d < a.rank(); d++) {
            if (a.dim(d) != b.dim(d) && !a.isDynamicDim(d) && !b.isDynamicDim(d)) return false;
        }
        return true;
    }

    // ---- dominance

    /** A block to check and the values visible in it from enclosing scopes. */
    private record Scope(Block block, Set<Value> visible) {}

    private void verifyDominance(Operation root) {
        Deque<Scope> work = new ArrayDeque<>();
        pushRegions(root, Collections.newSetFromMap(new IdentityHashMap<>()), work);
        while (!work.isEmpty()) {
            Scope s = work.pop();
            Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
            defined.addAll(s.visible());
            defined.addAll(s.block().arguments());
            Map<Value, Operation> laterInBlock = new IdentityHashMap<>();
            for (Operation op : s.block().operations()) {
                for (Value r : op.results()) laterInBlock.put(r, op);
            }
            List<Scope> nested = new ArrayList<>();
            for (Operation op : s.block().operations()) {
                for (int i = 0; i < op.numOperands(); i++) {
                    Value v = op.operand(i);
                    if (defined.contains(v)) continue;
                    Operation def = laterInBlock.get(v);
                    Diagnostic d;
                    if (def != null) {
                        d = op.error("operand #" + i + " does not dominate this use").withNote(def.diagnosticLocation(), "operand defined here, after its use");
                    } else if (v.definingOp() != null) {
                        d = op.error("operand #" + i + " is defined outside this function").withNote(v.definingOp().diagnosticLocation(), "operand defined here");
                    } else {
                        d = op.error("operand #" + i + " is " + (v instanceof BlockArgument a ? "argument #" + a.index() + " of " : "a value of ")
                                + "a block outside this function");
                    }
                    diagnostics.add(d);
                }
                for (Value r : op.results()) defined.add(r);
                nestedScopes(op, defined, nested);
            }
            // Reverse onto the stack so that nested blocks are checked in program order.
            for (int i = nested.size() - 1; i >= 0; i--) work.push(nested.get(i));
        }
    }

    private static void pushRegions(Operation op, Set<Value> defined, Deque<Scope> work) {
        List<Scope> scopes = new ArrayList<>();
        nestedScopes(op, defined, scopes);
        for (int i = scopes.size() - 1; i >= 0; i--) work.push(scopes.get(i));
    }

    private static void nestedScopes(Operation op, Set<Value> defined, List<Scope> out) {
        boolean isolated = op.definition().map(d -> d.has(Trait.ISOLATED_FROM_ABOVE)).orElse(false);
        for (Region r : op.regions()) {
            for (Block b : r.blocks()) {
                Set<Value> visible = Collections.newSetFromMap(new IdentityHashMap<>());
                if (!isolated) visible.addAll(defined);
                out.add(new Scope(b, visible));
            }
        }
    }
}
