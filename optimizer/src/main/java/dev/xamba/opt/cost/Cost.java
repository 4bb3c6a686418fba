package dev.xamba.opt.cost;

import dev.xamba.ir.attr.FloatFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A predicted time, in microseconds, split by the {@link Unit} that spends it. Immutable. The order is total and
 * consistent with {@code equals}: by total time, then unit by unit in {@link Unit} order (so two costs with the
 * same total but different splits are still ordered, unlike Calcite's {@code VolcanoCost.isLe}).
 */
public final class Cost implements Comparable<Cost> {
    public static final Cost ZERO = new Cost(new EnumMap<>(Unit.class));

    private final EnumMap<Unit, Double> micros;
    private final double total;

    private Cost(EnumMap<Unit, Double> micros) {
        this.micros = micros;
        double t = 0;
        for (double v : micros.values()) t += v;
        this.total = t;
    }

    /** {@code us} microseconds on {@code unit}; must be finite and not negative. */
    public static Cost of(Unit unit, double us) {
        if (!(us >= 0) || Double.isInfinite(us)) throw new IllegalArgumentException("cost must be finite and >= 0, got " + us);
        EnumMap<Unit, Double> m = new EnumMap<>(Unit.class);
        if (us > 0) m.put(unit, us);
        return new Cost(m);
    }

    public Cost plus(Cost other) {
        if (other.micros.isEmpty()) return this;
        if (micros.isEmpty()) return other;
        EnumMap<Unit, Double> m = new EnumMap<>(micros);
        other.micros.forEach((u, v) -> m.merge(u, v, Double::sum));
        return new Cost(m);
    }

    /** The whole time, µs (units assumed not to overlap). */
    public double totalMicros() { return total; }

    /** The time spent on {@code unit}, µs. */
    public double micros(Unit unit) { return micros.getOrDefault(unit, 0.0); }

    /** Non-zero units and their times, in {@link Unit} order. */
    public Map<Unit, Double> byUnit() { return java.util.Collections.unmodifiableMap(micros); }

    public boolean isLessThan(Cost other) { return compareTo(other) < 0; }

    @Override public int compareTo(Cost o) {
        int c = Double.compare(total, o.total);
        if (c != 0) return c;
        for (Unit u : Unit.values()) {
            c = Double.compare(micros(u), o.micros(u));
            if (c != 0) return c;
        }
        return 0;
    }

    @Override public boolean equals(Object o) { return o instanceof Cost c && compareTo(c) == 0; }

    @Override public int hashCode() {
        int h = 0;
        for (Unit u : Unit.values()) h = 31 * h + Double.hashCode(micros(u));
        return h;
    }

    /** {@code 12.300 µs (DPU 2.300, SHAVE 10.000)}. */
    @Override public String toString() {
        StringJoiner parts = new StringJoiner(", ", " (", ")");
        micros.forEach((u, v) -> parts.add(u + " " + FloatFormat.fixed(v, 3)));
        return FloatFormat.fixed(total, 3) + " µs" + (micros.size() > 1 ? parts.toString() : micros.isEmpty() ? "" : " " + micros.keySet().iterator().next());
    }
}
