package dev.xamba.frontend.text;

import dev.xamba.frontend.text.XambaIrParser.LocationBodyContext;
import dev.xamba.frontend.text.XambaIrParser.LocationContext;
import dev.xamba.ir.loc.Location;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds {@code loc("name")}, {@code loc("file":12:5)} and {@code loc(fused[...])}. A fused location is rebuilt
 * part by part (not through {@link Location#fuse}) so that it prints back exactly as written.
 */
final class LocationBuilder {
    private final SourceFile src;
    private final StringLiterals strings;

    LocationBuilder(SourceFile src, StringLiterals strings) {
        this.src = src;
        this.strings = strings;
    }

    /** The location written after an op, or unknown when there is none. */
    Location location(LocationContext c) {
        return c == null ? Location.UNKNOWN : body(c.locationBody());
    }

    // Recursion depth is bounded: the lexer rejects brackets nested deeper than NestingLimitedLexer allows.
    private Location body(LocationBodyContext c) {
        if (c.UNKNOWN() != null) return Location.UNKNOWN;
        if (c.FUSED() != null) {
            List<Location> parts = new ArrayList<>();
            for (LocationBodyContext part : c.locationBody()) parts.add(body(part));
            return new Location.Fused(parts);
        }
        String name = strings.decode(c.STRING().getSymbol());
        if (c.INT().isEmpty()) return Location.name(name);
        return Location.fileLineCol(name, position(c.INT(0), "line"), position(c.INT(1), "column"));
    }

    private int position(TerminalNode n, String what) {
        String text = n.getText();
        try {
            int v = Integer.parseInt(text);
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw src.error(n.getSymbol(), "expected a " + what + " number from 0 to " + Integer.MAX_VALUE + " but found '" + text + "'");
    }
}
