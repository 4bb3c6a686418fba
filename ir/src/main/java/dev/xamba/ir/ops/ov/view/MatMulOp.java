package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.MatMul(a, b) {transpose_a, transpose_b}}: batched matrix product with NumPy batch broadcasting. */
public final class MatMulOp extends OpView {
    public static final OpViewKind<MatMulOp> KIND = OpViewKind.of(MatMulOp::new, "ov.MatMul");

    private MatMulOp(Operation op) { super(op); }

    public Value a() { return operand(0); }

    public Value b() { return operand(1); }

    public boolean transposeA() { return boolAttr("transpose_a"); }

    public boolean transposeB() { return boolAttr("transpose_b"); }
}
