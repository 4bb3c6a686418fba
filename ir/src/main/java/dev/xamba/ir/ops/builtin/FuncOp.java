package dev.xamba.ir.ops.builtin;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.attr.TypeAttr;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.Type;
import java.util.List;
import java.util.Map;

/** Typed view of {@code func.func @name(args) -> results { ... }}. */
public record FuncOp(Operation op) {
    public FuncOp {
        if (!op.isA(BuiltinDialect.FUNC)) throw new IllegalArgumentException("not a function: " + op.name());
    }

    /** A new function whose entry block has one argument per input type and no operations yet. */
    public static FuncOp create(String name, FunctionType type, Location loc) {
        Operation op = Operation.create(BuiltinDialect.FUNC, List.of(), List.of(),
                Map.of("sym_name", new StringAttr(name), "function_type", new TypeAttr(type)), 1, loc);
        Block b = op.region(0).addBlock();
        for (Type t : type.inputs()) b.addArgument(t);
        return new FuncOp(op);
    }

    public String name() { return ((StringAttr) op.attr("sym_name")).value(); }

    public FunctionType type() { return (FunctionType) ((TypeAttr) op.attr("function_type")).type(); }

    /** Replaces the signature, e.g. after result types were refined. */
    public void setType(FunctionType type) { op.setAttr("function_type", new TypeAttr(type)); }

    public Block body() { return op.region(0).entryBlock(); }

    public Operation returnOp() { return body().terminator(); }
}
