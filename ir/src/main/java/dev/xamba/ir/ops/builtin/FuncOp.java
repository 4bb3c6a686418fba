package dev.xamba.ir.ops.builtin;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.ArrayAttr;
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

    /**
     * The interface name of argument {@code i} (an ONNX graph input name): the {@code arg_names} attribute if
     * present, else the argument's name hint, else {@code arg<i>}.
     */
    public String argName(int i) {
        List<String> names = stringList("arg_names");
        if (names != null) return names.get(i);
        String hint = body().argument(i).nameHint();
        return hint != null ? hint : "arg" + i;
    }

    /** The interface name of result {@code i}: the {@code result_names} attribute if present, else {@code result<i>}. */
    public String resultName(int i) {
        List<String> names = stringList("result_names");
        return names != null ? names.get(i) : "result" + i;
    }

    public void setArgNames(List<String> names) { op.setAttr("arg_names", strings(names)); }

    public void setResultNames(List<String> names) { op.setAttr("result_names", strings(names)); }

    private List<String> stringList(String attr) {
        if (!(op.attr(attr) instanceof ArrayAttr a)) return null;
        List<String> r = new java.util.ArrayList<>();
        for (var e : a.elements()) r.add(((StringAttr) e).value());
        return r;
    }

    private static ArrayAttr strings(List<String> names) {
        return new ArrayAttr(names.stream().map(n -> (dev.xamba.ir.attr.Attribute) new StringAttr(n)).toList());
    }

    public Operation returnOp() { return body().terminator(); }
}
