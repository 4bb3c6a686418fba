package dev.xamba.frontend.text;

import dev.xamba.ir.BlockArgument;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * The value names of one function. A use before its definition gets a placeholder value (the result of a
 * detached op that is never inserted) and is resolved when the function ends, so that the verifier, not the
 * parser, reports the dominance problem with both positions.
 */
final class ValueScope {
    private static final String PLACEHOLDER_OP = "xamba.forward_reference";

    /** A defined name: a function argument or all results of one op. */
    private record Definition(Token at, BlockArgument argument, Operation op) {
        int count() { return argument != null ? 1 : op.numResults(); }

        Value get(int i) { return argument != null ? argument : op.result(i); }
    }

    private record ForwardUse(Token name, Token index, Value placeholder) {}

    private final SourceFile src;
    private final Map<String, Definition> definitions = new HashMap<>();
    private final List<ForwardUse> forwardUses = new ArrayList<>();

    ValueScope(SourceFile src) { this.src = src; }

    void defineArgument(Token name, BlockArgument argument) {
        define(name, new Definition(name, argument, null));
        argument.setNameHint(hint(name));
    }

    void defineResults(Token name, Operation op) {
        define(name, new Definition(name, null, op));
        op.result(0).setNameHint(hint(name));
    }

    /**
     * The value that {@code %name} or {@code %name#index} refers to, which the op's signature says has type
     * {@code expected}. An unknown name yields a placeholder, checked in {@link #resolveForwardUses}.
     */
    Value use(Token name, Token index, Type expected) {
        Definition d = definitions.get(name.getText());
        if (d == null) {
            Value placeholder = Operation.create(PLACEHOLDER_OP, List.of(), List.of(expected), Map.of(), 0, Location.UNKNOWN).result(0);
            forwardUses.add(new ForwardUse(name, index, placeholder));
            return placeholder;
        }
        return resolve(d, name, index, expected);
    }

    /** Points every forward use at its definition; a name still undefined is an error at its first use. */
    void resolveForwardUses() {
        for (ForwardUse u : forwardUses) {
            Definition d = definitions.get(u.name().getText());
            if (d == null) throw src.error(u.name(), "use of undefined value '" + u.name().getText() + "'");
            u.placeholder().replaceAllUsesWith(resolve(d, u.name(), u.index(), u.placeholder().type()));
        }
        forwardUses.clear();
    }

    private Value resolve(Definition d, Token name, Token index, Type expected) {
        int i = index == null ? 0 : parseIndex(index);
        if (i >= d.count()) {
            String has = d.argument() != null ? "is a function argument, a single value"
                    : "has " + d.count() + " result" + (d.count() == 1 ? "" : "s");
            throw src.error(index, "result " + index.getText() + " is out of range: '" + name.getText() + "' " + has);
        }
        Value v = d.get(i);
        if (!v.type().equals(expected)) {
            String ref = name.getText() + (index == null ? "" : index.getText());
            throw src.error(name, "'" + ref + "' has type " + v.type() + " but is used here as " + expected,
                    d.at(), "'" + name.getText() + "' defined here");
        }
        return v;
    }

    private int parseIndex(Token index) {
        try {
            return Integer.parseInt(index.getText().substring(1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // far out of range, reported as such
        }
    }

    private void define(Token name, Definition d) {
        Definition first = definitions.putIfAbsent(name.getText(), d);
        if (first != null) {
            throw src.error(name, "redefinition of value '" + name.getText() + "'", first.at(), "previously defined here");
        }
    }

    /** Numbers are the printer's own renumbering, so only real names are kept as hints. */
    private static String hint(Token name) {
        String n = name.getText().substring(1);
        return n.chars().allMatch(Character::isDigit) ? null : n;
    }
}
