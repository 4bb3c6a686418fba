package dev.xamba.ir.attr;

import dev.xamba.ir.type.ElementType;
import java.util.List;

/** A list of attributes such as {@code [0, 2, 1]}; i64 integers inside arrays print without their type. */
public record ArrayAttr(List<Attribute> elements) implements Attribute {
    public ArrayAttr {
        elements = List.copyOf(elements);
    }

    public static ArrayAttr ofLongs(long... values) {
        Attribute[] a = new Attribute[values.length];
        for (int i = 0; i < values.length; i++) a[i] = IntegerAttr.i64(values[i]);
        return new ArrayAttr(List.of(a));
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) sb.append(", ");
            Attribute e = elements.get(i);
            sb.append(e instanceof IntegerAttr n && n.type() == ElementType.I64 ? Long.toString(n.value()) : e.toString());
        }
        return sb.append(']').toString();
    }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    @Override public boolean equals(Object o) {
        return o instanceof ArrayAttr a && a.elements.equals(elements);
    }

    @Override public int hashCode() { return elements.hashCode(); }
}
