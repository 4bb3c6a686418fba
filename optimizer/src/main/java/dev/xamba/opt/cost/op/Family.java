package dev.xamba.opt.cost.op;

import java.util.Arrays;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The op families a CPU target is calibrated by (its table is keyed by kernel, then by family). A family groups
 * ops whose time grows with the same count: MACs for contractions, elements for the rest.
 */
public enum Family {
    MATMUL, CONVOLUTION, ELEMENTWISE, ACTIVATION, SCAN, REDUCTION, LAYOUT, GATHER, OTHER, NONE;

    /** The key in target files: {@code matmul}, {@code elementwise}, .... */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** The keys a CPU table's rows may have: every family but {@link #NONE}, which is never costed. */
    public static SortedSet<String> rateKeys() {
        return Arrays.stream(values()).filter(f -> f != NONE).map(Family::key).collect(Collectors.toCollection(TreeSet::new));
    }
}
