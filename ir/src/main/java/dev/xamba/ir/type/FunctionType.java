package dev.xamba.ir.type;

import java.util.List;

/** The type of a function: {@code (inputs) -> results}. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
    public FunctionType {
        inputs = List.copyOf(inputs);
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < inputs.size(); i++) sb.append(i > 0 ? ", " : "").append(inputs.get(i));
        sb.append(") -> ");
        if (results.size() == 1 && !(results.get(0) instanceof FunctionType)) return sb.append(results.get(0)).toString();
        sb.append('(');
        for (int i = 0; i < results.size(); i++) sb.append(i > 0 ? ", " : "").append(results.get(i));
        return sb.append(')').toString();
    }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    @Override public boolean equals(Object o) {
        return o instanceof FunctionType f && f.inputs.equals(inputs) && f.results.equals(results);
    }

    @Override public int hashCode() { return inputs.hashCode() * 31 + results.hashCode(); }
}
