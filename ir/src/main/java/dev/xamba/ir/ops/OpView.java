package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.type.TensorType;
import java.util.Optional;

/**
 * A thin typed view of one {@link Operation}, as MLIR's {@code CumSumOp} is of {@code Operation*}: it only reads
 * the op (operands by role, attributes with their registered defaults), never stores anything of its own. Views
 * are made by their {@link OpViewKind} ({@code CumSumOp.KIND.match(op)}), so an op name is spelled once, in the
 * view.
 */
public abstract class OpView {
    private final Operation op;

    protected OpView(Operation op) { this.op = op; }

    /** The viewed operation. */
    public final Operation op() { return op; }

    public final String name() { return op.name(); }

    public final Location location() { return op.location(); }

    /** The single result. */
    public final Value result() { return op.result(); }

    public final TensorType resultType() { return op.result().tensorType(); }

    protected final Value operand(int i) { return op.operand(i); }

    protected final boolean hasOperand(int i) { return i < op.numOperands(); }

    /** The constant value of operand {@code i}, if it is produced by a constant-like op. */
    protected final Optional<Tensor> constantOperand(int i) {
        return hasOperand(i) ? Constants.valueOf(op.operand(i)) : Optional.empty();
    }

    /** The attribute, or its registered default when the op does not carry it. */
    protected final Attribute attr(String key) {
        Attribute a = op.attr(key);
        if (a != null) return a;
        return op.definition().flatMap(d -> d.attrSpec(key)).map(AttrSpec::defaultValue).orElse(null);
    }

    protected final boolean boolAttr(String key) { return attr(key) instanceof BoolAttr b && b.value(); }

    protected final long intAttr(String key) {
        if (attr(key) instanceof IntegerAttr i) return i.value();
        throw new IllegalStateException(op + " has no integer attribute '" + key + "'");
    }

    protected final double floatAttr(String key) {
        Attribute a = attr(key);
        if (a instanceof FloatAttr f) return f.value();
        if (a instanceof IntegerAttr i) return i.value();
        throw new IllegalStateException(op + " has no float attribute '" + key + "'");
    }

    protected final String stringAttr(String key) {
        if (attr(key) instanceof StringAttr s) return s.value();
        throw new IllegalStateException(op + " has no string attribute '" + key + "'");
    }

    @Override public String toString() { return op.toString(); }
}
