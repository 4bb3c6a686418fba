package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.SwishOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Optional;

/**
 * SiLU: {@code onnx.Mul(x, Sigmoid(x))} (either operand order) {@code → ov.Swish(x)}, located at the fusion of the
 * Mul and the Sigmoid. The Sigmoid may already be lowered to {@code ov.Sigmoid} (it comes first in the block);
 * if nothing else reads it, it dies with the Mul.
 *
 * <p>Restrictions: the Sigmoid's operand is the very value the Mul multiplies by (not merely an equal one), so
 * the fusion is exact: Swish computes {@code x * sigmoid(x)} with a single rounding, within an ulp of the pair.
 * Any other product is left to the plain Mul lowering, which keeps Sigmoid and Multiply.
 */
final class SwishFusion extends OnnxLowering {
    SwishFusion() {
        super(OnnxOp.MUL, 2);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        for (int i = 0; i < 2; i++) {
            Operation sigmoid = op.operand(i).definingOp();
            Value other = op.operand(1 - i);
            if (sigmoidInput(sigmoid).filter(x -> x == other).isPresent()) {
                ov.fuseLocationOf(sigmoid);
                ov.replace(ov.create(SwishOp.KIND, other));
                return;
            }
        }
        throw new LegalizationFailure("not x * Sigmoid(x) of the same x");
    }

    /** x, if {@code op} is {@code onnx.Sigmoid(x)} or (already lowered) {@code ov.Sigmoid(x)}. */
    private static Optional<Value> sigmoidInput(Operation op) {
        return OnnxOp.SIGMOID.match(op).map(s -> s.input(0)).or(() -> UnaryOp.SIGMOID.match(op).map(UnaryOp::input));
    }
}
