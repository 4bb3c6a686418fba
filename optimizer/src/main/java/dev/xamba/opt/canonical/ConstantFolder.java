package dev.xamba.opt.canonical;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.OpFolder;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a pure op whose operands are all constants with its definition's reference evaluator and replaces
 * it by constants of its dialect ({@link ConstantMaterializer}). The constants take the folded op's location
 * and its results' name hints, so provenance and printed names survive.
 *
 * <p>Restrictions: the op is registered, pure, not itself a constant, has an evaluator and no regions; every
 * result has a static type with at most {@code maxElements} elements; the evaluated tensor has exactly the
 * declared result type (folding never refines a type behind its users' backs). An evaluation error leaves the
 * op alone: the verifier or the backend will report it where it matters.
 */
public final class ConstantFolder implements OpFolder {
    private final long maxElements;
    private final long maxWork;

    public ConstantFolder(long maxElements) {
        this(maxElements, dev.xamba.ir.ops.FoldWork.DEFAULT_MAX);
    }

    public ConstantFolder(long maxElements, long maxWork) {
        this.maxElements = maxElements;
        this.maxWork = maxWork;
    }

    @Override
    public boolean tryFold(Operation op, PatternRewriter rewriter) {
        Optional<OpDefinition> maybeDef = op.definition();
        if (maybeDef.isEmpty() || op.numResults() == 0 || !op.regions().isEmpty()) return false;
        OpDefinition def = maybeDef.get();
        if (!def.has(Trait.PURE) || def.has(Trait.CONSTANT_LIKE) || !def.canEvaluate()) return false;
        // Cheap checks first: decoding a dense_resource weight only to find another operand is not constant
        // would cost a full copy of the weight on every visit.
        for (Value v : op.operandValues()) {
            if (v.definingOp() == null || !Constants.isConstant(v.definingOp())) return false; // not a candidate, no remark
        }
        Optional<String> constantOp = ConstantMaterializer.constantOpFor(op.dialect());
        if (constantOp.isEmpty()) {
            return notFolded(op, rewriter, "dialect '" + op.dialect() + "' has no registered constant op");
        }
        for (int i = 0; i < op.numResults(); i++) {
            if (!(op.result(i).type() instanceof TensorType t) || !t.hasStaticShape()) {
                return notFolded(op, rewriter, "result #" + i + " has type " + op.result(i).type() + ", not a static shape");
            }
            if (t.numElements() > maxElements) {
                return notFolded(op, rewriter, "result #" + i + " has " + t.numElements()
                        + " elements, more than max-fold-elements=" + maxElements);
            }
        }
        if (dev.xamba.ir.ops.FoldWork.isWeightDecompression(op)) {
            return notFolded(op, rewriter, "it decompresses 16-bit float weights; folding would double the weights the IR stores");
        }
        long work = dev.xamba.ir.ops.FoldWork.estimate(op);
        if (work > maxWork) {
            return notFolded(op, rewriter, "evaluating it costs about " + work + " multiply-adds, more than max-fold-work=" + maxWork);
        }
        List<Tensor> operands = new ArrayList<>(op.numOperands());
        for (int i = 0; i < op.numOperands(); i++) {
            Optional<Tensor> t = Constants.valueOf(op.operand(i));
            if (t.isEmpty()) return notFolded(op, rewriter, "operand #" + i + " is a constant without data");
            operands.add(t.get());
        }
        List<Tensor> values;
        try {
            values = def.evaluate(OperationContext.withValues(op, def, operands));
        } catch (OpError e) {
            return notFolded(op, rewriter, "evaluation failed: " + e.getMessage());
        }
        if (values.size() != op.numResults()) {
            return notFolded(op, rewriter, "the evaluator gave " + values.size() + " values for " + op.numResults() + " results");
        }
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).type().equals(op.result(i).type())) {
                return notFolded(op, rewriter, "result #" + i + " evaluates to " + values.get(i).type()
                        + " but is declared " + op.result(i).type());
            }
        }
        List<Value> replacements = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Operation c = ConstantMaterializer.materialize(rewriter, constantOp.get(), values.get(i), op.location());
            c.result().setNameHint(op.result(i).nameHint());
            replacements.add(c.result());
        }
        rewriter.remark(op, "folded '" + op.name() + "' to a constant");
        rewriter.replaceOp(op, replacements);
        return true;
    }

    private static boolean notFolded(Operation op, PatternRewriter rewriter, String why) {
        rewriter.remark(op, "not folding '" + op.name() + "': " + why);
        return false;
    }
}
