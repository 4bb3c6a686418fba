package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.SwishOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.opt.rewrite.OvBuilder;

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
            boolean isSigmoid = sigmoid != null && (OnnxOp.SIGMOID.matches(sigmoid) || UnaryOp.SIGMOID.matches(sigmoid));
            if (isSigmoid && sigmoid.operand(0) == other) {
                ov.fuseLocationOf(sigmoid);
                ov.replace(ov.create(SwishOp.KIND, other));
                return;
            }
        }
        throw new LegalizationFailure("not x * Sigmoid(x) of the same x");
    }
}
