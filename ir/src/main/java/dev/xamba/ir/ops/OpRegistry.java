package dev.xamba.ir.ops;

import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.ov.OvDialect;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * All op definitions known to the compiler, by full name. Dialects register themselves here once; the
 * registry is read-only afterwards.
 */
public final class OpRegistry {
    private static final Map<String, OpDefinition> OPS = build();
    /**
     * The answers of {@link #lookup}, one shared Optional per op: every op asks for its definition (traits,
     * interfaces) many times per pass, and a sorted map's string comparisons were a measurable share of that.
     */
    private static final Map<String, Optional<OpDefinition>> LOOKUP = lookupTable(OPS);

    private OpRegistry() {}

    private static Map<String, OpDefinition> build() {
        Map<String, OpDefinition> m = new TreeMap<>();
        Consumer<OpDefinition> add = d -> {
            if (m.put(d.name(), d) != null) throw new IllegalStateException("op registered twice: " + d.name());
        };
        BuiltinDialect.register(add);
        OvDialect.register(add);
        dev.xamba.ir.ops.onnx.OnnxDialect.register(add);
        return Collections.unmodifiableMap(m);
    }

    public static Optional<OpDefinition> lookup(String name) { return LOOKUP.getOrDefault(name, Optional.empty()); }

    private static Map<String, Optional<OpDefinition>> lookupTable(Map<String, OpDefinition> ops) {
        Map<String, Optional<OpDefinition>> m = new HashMap<>(ops.size() * 2);
        ops.forEach((name, d) -> m.put(name, Optional.of(d)));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Attaches {@code model} as the {@code type} interface of each named op (see
     * {@link OpDefinition#attachInterface}); fails on a name that is not registered.
     */
    public static <I> void attachInterface(Class<I> type, I model, Collection<String> opNames) {
        for (String n : opNames) {
            OpDefinition d = OPS.get(n);
            if (d == null) throw new IllegalArgumentException("cannot attach " + type.getSimpleName() + " to unknown op '" + n + "'");
            d.attachInterface(type, model);
        }
    }

    /** Every registered op, sorted by name. */
    public static Collection<OpDefinition> all() { return OPS.values(); }
}
