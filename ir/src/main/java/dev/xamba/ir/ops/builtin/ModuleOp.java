package dev.xamba.ir.ops.builtin;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.loc.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed view of {@code module @name { ... }}. */
public record ModuleOp(Operation op) {
    public ModuleOp {
        if (!op.isA(BuiltinDialect.MODULE)) throw new IllegalArgumentException("not a module: " + op.name());
    }

    /** A new empty module; {@code name} may be null. */
    public static ModuleOp create(String name, Location loc) {
        Operation op = Operation.create(BuiltinDialect.MODULE, List.of(), List.of(),
                name == null ? Map.of() : Map.of("sym_name", new StringAttr(name)), 1, loc);
        op.region(0).addBlock();
        return new ModuleOp(op);
    }

    public Optional<String> name() {
        return op.attr("sym_name") instanceof StringAttr s ? Optional.of(s.value()) : Optional.empty();
    }

    public Block body() { return op.region(0).entryBlock(); }

    public List<FuncOp> functions() {
        List<FuncOp> fs = new ArrayList<>();
        for (Operation o : body().operations()) if (o.isA(BuiltinDialect.FUNC)) fs.add(new FuncOp(o));
        return fs;
    }

    public Optional<FuncOp> function(String name) {
        return functions().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
