package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code ov.Constant {value}}. */
public final class ConstantOp extends OpView {
    public static final OpViewKind<ConstantOp> KIND = OpViewKind.of(ConstantOp::new, "ov.Constant");

    private ConstantOp(Operation op) { super(op); }

    /** The {@code value} attribute ({@code dense} or {@code dense_resource}). */
    public Attribute valueAttr() { return op().attr("value"); }

    /** The value, when its bytes are available (an unbound resource has none). */
    public Optional<Tensor> value() { return Constants.valueOf(valueAttr()); }

    /** The one value every element has, if the constant is a splat. */
    public OptionalDouble splatValue() { return Constants.splatValueOf(valueAttr()); }

    /** Whether every element equals {@code value} ({@link Constants#isSplatOf}: cheap when the first does not). */
    public boolean isSplatOf(double value) { return Constants.isSplatOf(valueAttr(), value); }
}
