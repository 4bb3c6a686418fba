package dev.xamba.ir.print;

import dev.xamba.ir.Block;
import dev.xamba.ir.BlockArgument;
import dev.xamba.ir.OpResult;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.loc.Quoting;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.Type;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Prints IR in the one textual form the parser reads: custom syntax for {@code module}, {@code func.func} and
 * {@code func.return}, the generic {@code %r = "dialect.op"(%a) {attrs} : (types) -> type loc(...)} for every
 * other op, then the blobs of {@code dense_resource} attributes. Output is deterministic: value names come from
 * name hints (made unique) or are numbered in order of definition, attributes are sorted by name.
 */
public final class AsmPrinter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    private final Map<ResourceHandle, Boolean> resources = new LinkedHashMap<>();
    private final ValueNamer namer = new ValueNamer();

    private AsmPrinter() {}

    /** Prints a module (with its resources) or any single op. */
    public static String print(Operation op) {
        AsmPrinter p = new AsmPrinter();
        p.printOp(op, 0);
        p.printResources();
        return p.out.toString();
    }

    private void printOp(Operation op, int depth) {
        out.append(INDENT.repeat(depth));
        switch (op.name()) {
            case BuiltinDialect.MODULE -> printModule(new ModuleOp(op), depth);
            case BuiltinDialect.FUNC -> printFunc(new FuncOp(op), depth);
            case BuiltinDialect.RETURN -> printReturn(op);
            default -> printGeneric(op);
        }
        out.append('\n');
    }

    private void printModule(ModuleOp m, int depth) {
        out.append("module");
        m.name().ifPresent(n -> out.append(" @").append(symbol(n)));
        out.append(" {\n");
        for (Operation o : m.body().operations()) printOp(o, depth + 1);
        out.append(INDENT.repeat(depth)).append('}');
    }

    private void printFunc(FuncOp f, int depth) {
        FunctionType type = f.type();
        Block body = f.body();
        namer.nameAll(body);
        out.append("func.func @").append(symbol(f.name())).append('(');
        for (int i = 0; i < body.arguments().size(); i++) {
            BlockArgument a = body.argument(i);
            if (i > 0) out.append(", ");
            out.append(namer.nameOf(a)).append(": ").append(a.type());
        }
        out.append(')');
        List<Type> results = type.results();
        if (results.size() == 1) out.append(" -> ").append(results.get(0));
        else if (results.size() > 1) out.append(" -> ").append(typeList(results));
        printFunctionAttributes(f.op());
        out.append(" {\n");
        for (Operation o : body.operations()) printOp(o, depth + 1);
        out.append(INDENT.repeat(depth)).append('}');
    }

    /** Attributes other than the ones the signature spells: {@code attributes {result_names = ["y"]}}. */
    private void printFunctionAttributes(Operation func) {
        boolean first = true;
        for (Entry<String, Attribute> e : func.attributes().entrySet()) {
            if (e.getKey().equals("sym_name") || e.getKey().equals("function_type")) continue;
            out.append(first ? " attributes {" : ", ").append(attrKey(e.getKey())).append(" = ").append(e.getValue());
            noteResources(e.getValue());
            first = false;
        }
        if (!first) out.append('}');
    }

    private void printReturn(Operation op) {
        out.append(op.name());
        if (op.numOperands() > 0) {
            out.append(' ').append(operandList(op)).append(" : ");
            for (int i = 0; i < op.numOperands(); i++) out.append(i > 0 ? ", " : "").append(op.operand(i).type());
        }
        printLocation(op.location());
    }

    private void printGeneric(Operation op) {
        if (op.numResults() > 0) {
            out.append(namer.nameOf(op));
            if (op.numResults() > 1) out.append(':').append(op.numResults());
            out.append(" = ");
        }
        out.append(Quoting.quote(op.name())).append('(').append(operandList(op)).append(')');
        if (!op.attributes().isEmpty()) {
            out.append(" {");
            boolean first = true;
            for (Entry<String, Attribute> e : op.attributes().entrySet()) {
                out.append(first ? "" : ", ").append(attrKey(e.getKey())).append(" = ").append(e.getValue());
                noteResources(e.getValue());
                first = false;
            }
            out.append('}');
        }
        out.append(" : (");
        for (int i = 0; i < op.numOperands(); i++) out.append(i > 0 ? ", " : "").append(op.operand(i).type());
        out.append(") -> ");
        if (op.numResults() == 1) out.append(op.result(0).type());
        else out.append(typeList(op.results().stream().map(Value::type).toList()));
        printLocation(op.location());
    }

    /**
     * Notes the blobs {@code a} refers to, for the resources section: wherever an attribute may stand, in an op's or
     * a function's attributes and inside arrays (the blobs of those were left out, and the printed IR did not parse).
     */
    private void noteResources(Attribute a) {
        if (a instanceof DenseResourceAttr r) resources.put(r.handle(), true);
        else if (a instanceof ArrayAttr array) array.elements().forEach(this::noteResources);
    }

    private String operandList(Operation op) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < op.numOperands(); i++) sb.append(i > 0 ? ", " : "").append(namer.use(op.operand(i)));
        return sb.toString();
    }

    private void printLocation(Location loc) {
        if (!(loc instanceof Location.Unknown)) out.append(' ').append(loc);
    }

    private void printResources() {
        if (resources.isEmpty()) return;
        out.append("{-#\n  dialect_resources: {\n    builtin: {\n");
        int i = 0;
        for (ResourceHandle h : resources.keySet()) {
            String key = DenseResourceAttr.isBareName(h.name()) ? h.name() : Quoting.quote(h.name());
            out.append("      ").append(key).append(": \"0x04000000"); // MLIR's blob prefix: 4-byte alignment, LE
            appendHex(h.isBound() ? h.blob() : ByteBuffer.allocate(0));
            out.append('"').append(++i < resources.size() ? ",\n" : "\n");
        }
        out.append("    }\n  }\n#-}\n");
    }

    private void appendHex(ByteBuffer b) {
        final char[] digits = "0123456789ABCDEF".toCharArray();
        while (b.hasRemaining()) {
            int v = b.get() & 0xff;
            out.append(digits[v >> 4]).append(digits[v & 15]);
        }
    }

    private static String typeList(List<Type> types) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < types.size(); i++) sb.append(i > 0 ? ", " : "").append(types.get(i));
        return sb.append(')').toString();
    }

    static boolean isIdentifier(String s) { return s.matches("[A-Za-z_][A-Za-z0-9_$.]*"); }

    private static String symbol(String name) { return isIdentifier(name) ? name : Quoting.quote(name); }

    private static String attrKey(String name) { return isIdentifier(name) ? name : Quoting.quote(name); }

    /** Gives every value of one function a unique printed name. */
    private static final class ValueNamer {
        private final Map<Object, String> names = new IdentityHashMap<>();
        private final Map<String, Boolean> taken = new java.util.HashMap<>();
        private final Map<String, Integer> nextSuffix = new java.util.HashMap<>();
        private int nextNumber;

        /**
         * Names a function's arguments and every result in it before printing, so that even a use before its
         * definition (which the verifier rejects) prints as a name the parser reads back.
         */
        void nameAll(Block body) {
            names.clear();
            taken.clear();
            nextSuffix.clear();
            nextNumber = 0;
            for (BlockArgument a : body.arguments()) name(a, a.nameHint(), "arg" + a.index());
            for (Operation op : body.operations()) {
                if (op.numResults() > 0) name(op, op.result(0).nameHint(), null);
            }
        }

        String nameOf(BlockArgument a) {
            String n = names.get(a);
            return n != null ? n : name(a, a.nameHint(), "arg" + a.index());
        }

        /** The op's name; an op printed on its own (outside a function) is named on first sight. */
        String nameOf(Operation op) {
            String n = names.get(op);
            return n != null ? n : name(op, op.result(0).nameHint(), null);
        }

        private String name(Object key, String hint, String fallback) {
            String base = hint != null && isIdentifier(hint) ? hint : fallback;
            String n;
            if (base == null) {
                while (taken.containsKey(Integer.toString(nextNumber))) nextNumber++;
                n = Integer.toString(nextNumber++);
            } else {
                // Resume at the last suffix given for this base: every smaller one is still taken (names are never
                // released), so this gives the first free one without rescanning, which was quadratic in the
                // number of values sharing a hint.
                n = base;
                int k = nextSuffix.getOrDefault(base, 1);
                while (taken.containsKey(n)) n = base + "_" + k++;
                nextSuffix.put(base, k);
            }
            taken.put(n, true);
            names.put(key, "%" + n);
            return "%" + n;
        }

        String use(Value v) {
            if (v instanceof OpResult r) {
                String n = names.get(r.owner());
                if (n == null) return "%<<outside " + r.owner().name() + ">>";
                return r.owner().numResults() > 1 ? n + "#" + r.index() : n;
            }
            String n = names.get(v);
            return n != null ? n : "%<<outside " + v + ">>";
        }
    }
}
