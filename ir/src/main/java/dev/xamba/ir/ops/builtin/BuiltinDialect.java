package dev.xamba.ir.ops.builtin;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.attr.TypeAttr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.AttrSpec.Kind;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.function.Consumer;

/** {@code module}, {@code func.func} and {@code func.return}: the structure every program lives in. */
public final class BuiltinDialect {
    public static final String MODULE = "builtin.module";
    public static final String FUNC = "func.func";
    public static final String RETURN = "func.return";

    private BuiltinDialect() {}

    public static void register(Consumer<OpDefinition> add) {
        add.accept(new Module());
        add.accept(new Func());
        add.accept(new Return());
    }

    /** An op without results whose meaning is its regions. */
    private static class Structural extends OpDefinition {
        Structural(String name, String summary, List<AttrSpec> attrs, Trait... traits) {
            super(name, summary, 0, 0, attrs, traits);
        }

        @Override public int numResults() { return 0; }

        @Override public List<TensorType> inferResultTypes(OpContext ctx) { return List.of(); }
    }

    /** Function names are symbols: two functions of one name would leave "which @main?" to the reader. */
    private static final class Module extends Structural {
        Module() {
            super(MODULE, "a container of functions", List.of(AttrSpec.optional("sym_name", Kind.STRING, null)),
                    Trait.ISOLATED_FROM_ABOVE);
        }

        @Override public void verify(Operation op, Consumer<Diagnostic> emit) {
            java.util.Map<String, Operation> seen = new java.util.HashMap<>();
            for (dev.xamba.ir.Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    for (Operation f : b.operations()) {
                        if (!f.isA(FUNC) || !(f.attr("sym_name") instanceof StringAttr name)) continue;
                        Operation first = seen.putIfAbsent(name.value(), f);
                        if (first != null) {
                            emit.accept(f.error("redefinition of function @" + name.value())
                                    .withNote(first.diagnosticLocation(), "first defined here"));
                        }
                    }
                }
            }
        }
    }

    private static final class Func extends Structural {
        Func() {
            super(FUNC, "a function with one block of tensor operations",
                    List.of(AttrSpec.required("sym_name", Kind.STRING), AttrSpec.required("function_type", Kind.TYPE),
                            AttrSpec.optional("arg_names", Kind.ARRAY, null), AttrSpec.optional("result_names", Kind.ARRAY, null)),
                    Trait.ISOLATED_FROM_ABOVE);
        }

        @Override public void verify(Operation op, Consumer<Diagnostic> emit) {
            if (!(op.attr("function_type") instanceof TypeAttr ta) || !(ta.type() instanceof FunctionType ft)) {
                emit.accept(op.error("requires 'function_type' to be a function type"));
                return;
            }
            if (op.regions().size() != 1 || op.region(0).blocks().size() != 1) {
                emit.accept(op.error("requires exactly one block"));
                return;
            }
            checkNames(op, "arg_names", ft.inputs().size(), emit);
            checkNames(op, "result_names", ft.results().size(), emit);
            Block body = op.region(0).entryBlock();
            if (body.arguments().size() != ft.inputs().size()) {
                emit.accept(op.error("has " + body.arguments().size() + " arguments but its type lists " + ft.inputs().size()));
            } else {
                for (int i = 0; i < ft.inputs().size(); i++) {
                    if (!body.argument(i).type().equals(ft.inputs().get(i))) {
                        emit.accept(op.error("argument #" + i + " has type " + body.argument(i).type()
                                + " but the function type says " + ft.inputs().get(i)));
                    }
                }
            }
            Operation term = body.terminator();
            if (term == null || !term.isA(RETURN)) {
                emit.accept(op.error("body must end with '" + RETURN + "'"));
                return;
            }
            if (term.numOperands() != ft.results().size()) {
                emit.accept(term.error("returns " + term.numOperands() + " values but the function type of @"
                        + ((StringAttr) op.attr("sym_name")).value() + " has " + ft.results().size() + " results"));
                return;
            }
            for (int i = 0; i < term.numOperands(); i++) {
                Value v = term.operand(i);
                if (!v.type().equals(ft.results().get(i))) {
                    emit.accept(term.error("operand #" + i + " has type " + v.type() + " but the function returns "
                            + ft.results().get(i)).withNote(op.diagnosticLocation(), "function declared here"));
                }
            }
        }
    }

    /** Interface names (ONNX tensor names), one string per argument or result. */
    private static void checkNames(Operation op, String attr, int expected, Consumer<Diagnostic> emit) {
        if (!(op.attr(attr) instanceof ArrayAttr a)) return;
        boolean strings = true;
        for (Attribute e : a.elements()) strings &= e instanceof StringAttr;
        if (a.elements().size() != expected || !strings) {
            emit.accept(op.error("'" + attr + "' must hold " + expected + " strings, got " + a));
        }
    }

    private static final class Return extends OpDefinition {
        Return() {
            super(RETURN, "returns values from a function", 0, VARIADIC, List.of(), Trait.TERMINATOR);
        }

        @Override public int numResults() { return 0; }

        @Override public List<TensorType> inferResultTypes(OpContext ctx) { return List.of(); }

        @Override public void verify(Operation op, Consumer<Diagnostic> emit) {
            Operation parent = op.parentOp();
            if (parent == null || !parent.isA(FUNC)) emit.accept(op.error("must be inside a '" + FUNC + "'"));
        }
    }
}
