package dev.xamba.ir.eval;

import dev.xamba.ir.BlockArgument;
import dev.xamba.ir.OpResult;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.InternalCompilerError;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs a function with the reference evaluators of its ops: each op in block order is evaluated on the tensors
 * of its operands, and each tensor is dropped after its last use, so memory stays near the live set. Used to
 * check compiled models against their source numerically ({@code xambac verify --engine java}).
 *
 * <p>Failures are {@link DiagnosticException}s at the failing op's location (or the function's, for bad inputs).
 */
public final class Interpreter {
    /** Sees every op's results as they are computed (for dumping or comparing intermediate values). */
    @FunctionalInterface
    public interface Observer {
        void computed(Operation op, List<Tensor> results);
    }

    private Interpreter() {}

    /** Runs {@code f} on its inputs, given by argument position; returns the returned values in order. */
    public static List<Tensor> run(FuncOp f, List<Tensor> inputs) {
        return run(f, inputs, null);
    }

    /**
     * Runs {@code f} with inputs matched to its arguments by their name hints (an importer sets them to the
     * source model's input names); returns the returned values in order.
     */
    public static List<Tensor> run(FuncOp f, Map<String, Tensor> inputsByName) {
        List<BlockArgument> args = f.body().arguments();
        Map<String, Tensor> unused = new LinkedHashMap<>(inputsByName);
        List<Tensor> inputs = new ArrayList<>(args.size());
        for (BlockArgument a : args) {
            String name = a.nameHint();
            if (name == null) throw fail(f, "argument #" + a.index() + " has no name to match an input by");
            Tensor t = unused.remove(name);
            if (t == null) throw fail(f, "no value given for input '" + name + "' (given: " + new TreeSet<>(inputsByName.keySet()) + ")");
            inputs.add(t);
        }
        if (!unused.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (BlockArgument a : args) names.add(a.nameHint());
            throw fail(f, "unknown input" + (unused.size() > 1 ? "s " : " ") + unused.keySet() + " (the inputs are " + names + ")");
        }
        return run(f, inputs, null);
    }

    /** {@link #run(FuncOp, List)} that also reports each op's results to {@code observer} (may be null). */
    public static List<Tensor> run(FuncOp f, List<Tensor> inputs, Observer observer) {
        List<BlockArgument> args = f.body().arguments();
        if (inputs.size() != args.size()) {
            throw fail(f, "expects " + args.size() + " input" + (args.size() == 1 ? "" : "s") + ", got " + inputs.size());
        }
        List<Operation> ops = f.body().operations().toList();
        Map<Value, Integer> lastUse = lastUses(ops);
        Map<Value, Tensor> live = new IdentityHashMap<>();
        for (BlockArgument a : args) {
            Tensor t = inputs.get(a.index());
            if (!(a.type() instanceof TensorType expected) || !expected.admits(t.type())) {
                String name = a.nameHint() != null ? "input '" + a.nameHint() + "' (argument #" + a.index() + ")" : "argument #" + a.index();
                throw fail(f, name + " is " + t.type() + " but the function expects " + a.type());
            }
            if (lastUse.containsKey(a)) live.put(a, t);
        }
        Operation terminator = f.returnOp();
        if (terminator == null || !terminator.isA(BuiltinDialect.RETURN)) throw fail(f, "body does not end with '" + BuiltinDialect.RETURN + "'");
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op == terminator) break;
            List<Tensor> operands = operandValues(op, live);
            List<Tensor> results = evaluate(op, operands);
            if (observer != null) observer.computed(op, results);
            for (int r = 0; r < results.size(); r++) {
                if (lastUse.containsKey(op.result(r))) live.put(op.result(r), results.get(r));
            }
            for (int k = 0; k < op.numOperands(); k++) {
                Value v = op.operand(k);
                if (lastUse.get(v) == i) live.remove(v);
            }
        }
        return operandValues(terminator, live);
    }

    /** Index of the last op reading each value; values nobody reads are absent. */
    private static Map<Value, Integer> lastUses(List<Operation> ops) {
        Map<Value, Integer> last = new IdentityHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            for (Value v : ops.get(i).operandValues()) last.put(v, i);
        }
        return last;
    }

    private static List<Tensor> operandValues(Operation op, Map<Value, Tensor> live) {
        List<Tensor> values = new ArrayList<>(op.numOperands());
        for (int k = 0; k < op.numOperands(); k++) {
            Tensor t = live.get(op.operand(k));
            if (t == null) throw new DiagnosticException(op.error("operand #" + k + " has no value: it is not defined before this op"));
            values.add(t);
        }
        return values;
    }

    private static List<Tensor> evaluate(Operation op, List<Tensor> operands) {
        OpDefinition def = op.definition()
                .orElseThrow(() -> new DiagnosticException(op.error("is not a registered operation")));
        if (!def.canEvaluate()) throw new DiagnosticException(op.error("has no reference evaluator"));
        List<Tensor> results;
        try {
            for (OpResult r : op.results()) {
                // A kernel sizes its result from the declared type: too big is a property of the input.
                if (r.type() instanceof TensorType t && t.hasStaticShape()) ElementCounts.forEvaluator(t);
            }
            results = def.evaluate(OperationContext.withValues(op, def, operands));
        } catch (OpError e) {
            throw new DiagnosticException(op.error(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            throw new InternalCompilerError("evaluation of " + op, e); // a kernel bug, not a problem of the input
        }
        if (results.size() != op.numResults()) {
            throw new DiagnosticException(op.error("evaluated to " + results.size() + " results but has " + op.numResults()));
        }
        for (int r = 0; r < results.size(); r++) {
            if (!(op.result(r).type() instanceof TensorType declared) || !declared.admits(results.get(r).type())) {
                throw new DiagnosticException(op.error("result #" + r + " evaluated to " + results.get(r).type()
                        + " but is declared " + op.result(r).type()));
            }
        }
        return results;
    }

    /** Whether a concrete type matches a declared one: same element type and rank, equal static dims. */
    private static DiagnosticException fail(FuncOp f, String message) {
        return new DiagnosticException(Diagnostic.error(f.op().diagnosticLocation(), "@" + f.name() + ": " + message));
    }
}
