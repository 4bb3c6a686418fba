package dev.xamba.ir.loc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where an operation came from: a name (an ONNX node name), a source position, or the fusion of several
 * locations that a rewrite replaced. Locations are immutable values.
 */
public sealed interface Location {

    Location UNKNOWN = new Unknown();

    /** How {@link #describe} shows no location (a name is always quoted, so none reads the same). */
    String UNKNOWN_TEXT = "<unknown>";

    /** No location: printed as nothing. */
    record Unknown() implements Location {
        @Override public String toString() { return "loc(unknown)"; }

        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof Unknown;
        }

        @Override public int hashCode() { return 0; }
    }

    /** A name, e.g. the ONNX node name {@code /layers.0/mixer/CumSum}. */
    record Name(String name) implements Location {
        @Override public String toString() { return "loc(" + Quoting.quote(name) + ")"; }

        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof Name n && n.name.equals(name);
        }

        @Override public int hashCode() { return name.hashCode(); }
    }

    /** A position in a source file, 1-based line and column. */
    record FileLineCol(String file, int line, int column) implements Location {
        @Override public String toString() { return "loc(" + Quoting.quote(file) + ":" + line + ":" + column + ")"; }

        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof FileLineCol f && f.line == line && f.column == column && f.file.equals(file);
        }

        @Override public int hashCode() { return (file.hashCode() * 31 + line) * 31 + column; }
    }

    /** Several locations merged by a rewrite, in order, without duplicates. */
    record Fused(List<Location> parts) implements Location {
        public Fused {
            parts = List.copyOf(parts);
        }

        @Override public String toString() {
            StringBuilder sb = new StringBuilder("loc(fused[");
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) sb.append(", ");
                String p = parts.get(i).toString();
                sb.append(p, 4, p.length() - 1); // strip the inner "loc(" ... ")"
            }
            return sb.append("])").toString();
        }

        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof Fused f && f.parts.equals(parts);
        }

        @Override public int hashCode() { return parts.hashCode(); }
    }

    static Location name(String name) { return new Name(name); }

    static Location fileLineCol(String file, int line, int column) { return new FileLineCol(file, line, column); }

    /** Fuses locations, flattening nested fusions, dropping unknowns and duplicates; one part stays itself. */
    static Location fuse(List<Location> locations) {
        LinkedHashSet<Location> flat = new LinkedHashSet<>();
        for (Location l : locations) {
            if (l instanceof Fused f) flat.addAll(f.parts());
            else if (!(l instanceof Unknown)) flat.add(l);
        }
        if (flat.isEmpty()) return UNKNOWN;
        if (flat.size() == 1) return flat.iterator().next();
        return new Fused(new ArrayList<>(flat));
    }

    /** The short form used in front of diagnostics: {@code file:line:col} or the quoted name. */
    default String describe() {
        if (this instanceof FileLineCol f) return f.file() + ":" + f.line() + ":" + f.column();
        if (this instanceof Name n) return Quoting.quote(n.name());
        if (this instanceof Fused f) {
            // The first part that says where; textual IR may write fused[] or fused[unknown, "a"] (kept as written).
            for (Location part : f.parts()) {
                String d = part.describe();
                if (!d.equals(UNKNOWN_TEXT)) return d;
            }
        }
        return UNKNOWN_TEXT;
    }
}
