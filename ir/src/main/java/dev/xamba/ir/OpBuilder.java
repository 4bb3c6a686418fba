package dev.xamba.ir;

import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;

/**
 * Creates registered ops with their result types inferred and inserts them at an insertion point (before an
 * anchor op, or at the end of a block).
 */
public final class OpBuilder {
    private Block block;
    private Operation before;

    public static OpBuilder atEnd(Block block) {
        OpBuilder b = new OpBuilder();
        b.block = block;
        return b;
    }

    public static OpBuilder before(Operation anchor) {
        OpBuilder b = new OpBuilder();
        b.block = anchor.parentBlock();
        b.before = anchor;
        return b;
    }

    public void setInsertionPointBefore(Operation anchor) {
        block = anchor.parentBlock();
        before = anchor;
    }

    /** Creates {@code name(operands) {attributes}} with inferred result types and inserts it. */
    public Operation create(String name, List<? extends Value> operands, Map<String, Attribute> attributes, Location loc) {
        Operation op = createDetached(name, operands, attributes, loc);
        insert(op);
        return op;
    }

    /** Inserts an op made elsewhere at the insertion point. */
    public void insert(Operation op) {
        if (before != null) block.insertBefore(before, op);
        else block.append(op);
    }

    /**
     * Creates a detached op with inferred result types. Throws a {@link DiagnosticException} at {@code loc} when
     * the op is unknown or its operands do not fit.
     */
    public static Operation createDetached(String name, List<? extends Value> operands, Map<String, Attribute> attributes,
                                           Location loc) {
        OpDefinition def = OpRegistry.lookup(name)
                .orElseThrow(() -> new DiagnosticException(Diagnostic.error(loc, "unregistered operation '" + name + "'")));
        int n = operands.size();
        if (n < def.minOperands() || n > def.maxOperands()) {
            // Inference may read any operand the op declares, so a wrong count must not reach it.
            String expected = def.minOperands() == def.maxOperands() ? Integer.toString(def.minOperands())
                    : def.maxOperands() == OpDefinition.VARIADIC ? "at least " + def.minOperands()
                    : def.minOperands() + " to " + def.maxOperands();
            throw new DiagnosticException(Diagnostic.error(loc, "'" + name + "' op expects " + expected + " operand"
                    + (expected.equals("1") ? "" : "s") + ", got " + n));
        }
        List<TensorType> types;
        try {
            types = def.inferResultTypes(OperationContext.ofParts(def, operands, attributes));
        } catch (OpError e) {
            throw new DiagnosticException(Diagnostic.error(loc, "'" + name + "' op " + e.getMessage()));
        }
        return Operation.create(name, operands, types, attributes, 0, loc);
    }
}
