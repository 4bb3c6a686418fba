package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.MatMulShapes;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.type.TensorType;

/** {@code ov.MatMul}: batch × M × N × K MACs, a DPU task (MatMulToNCE). */
final class MatMulCosting implements OpCosting {
    static final MatMulCosting INSTANCE = new MatMulCosting();

    @Override public Work work(Operation op) {
        MatMulOp mm = MatMulOp.KIND.cast(op);
        TensorType a = mm.a().tensorType();
        MatMulShapes s = MatMulShapes.of(a, mm.b().tensorType(), mm.transposeA(), mm.transposeB());
        long inner = s.transA() ? s.a()[s.a().length - 2] : s.a()[s.a().length - 1];
        long k = inner < 0 ? 1 : inner; // a dynamic K counts as 1, as every dynamic dim; K = 0 is no MAC at all
        long out = Sizes.elements(s.product());
        return new Work("MatMul", Family.MATMUL, Sizes.dataType(op), Sizes.inputElements(op), Sizes.outputElements(op),
                out, out, Sizes.times(out, k));
    }

    @Override public Engine npuEngine(Operation op) { return Engine.DPU_MATMUL; }
}
