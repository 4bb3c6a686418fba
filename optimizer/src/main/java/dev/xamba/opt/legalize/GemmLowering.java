package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code onnx.Gemm(a, b[, c]) {alpha, beta, transA, transB}} decomposed as OpenVINO's importer does:
 * {@code y = ov.MatMul(a, b) {transpose_a, transpose_b}}, then {@code y * alpha} unless alpha is 1, then
 * {@code y + c * beta} (just {@code y + c} for beta 1; nothing for beta 0 or no c), the scalars in the operands'
 * element type.
 *
 * <p>Restrictions: on integer operands alpha and beta are whole numbers (ONNX scales in floating point).
 */
final class GemmLowering extends OnnxLowering {
    GemmLowering() {
        super(OnnxOp.GEMM);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        OpContext attrs = attributes(op);
        double alpha = attrs.floatAttr("alpha");
        double beta = attrs.floatAttr("beta");
        ElementType type = Operands.type(op.operand(0)).elementType();
        if (!type.isFloat() && (alpha != Math.rint(alpha) || beta != Math.rint(beta))) {
            throw new LegalizationFailure("alpha " + alpha + " and beta " + beta + " must be whole numbers for " + type + " operands");
        }
        Map<String, Attribute> transposes = new HashMap<>();
        if (attrs.intAttr("transA") != 0) transposes.put("transpose_a", BoolAttr.TRUE);
        if (attrs.intAttr("transB") != 0) transposes.put("transpose_b", BoolAttr.TRUE);
        Value y = ov.create(MatMulOp.KIND, transposes, op.operand(0), op.operand(1));
        if (alpha != 1.0) y = ov.create(BinaryOp.MULTIPLY, y, ov.scalar(type, alpha));
        if (Operands.has(op, 2) && beta != 0.0) {
            Value c = op.operand(2);
            if (beta != 1.0) c = ov.create(BinaryOp.MULTIPLY, c, ov.scalar(type, beta));
            y = ov.create(BinaryOp.ADD, y, c);
        }
        ov.replace(y);
    }
}
