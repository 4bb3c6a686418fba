package dev.xamba.opt.cost.op;

import java.util.Locale;

/**
 * The op families a CPU target is calibrated by (its table is keyed by kernel, then by family). A family groups
 * ops whose time grows with the same count: MACs for contractions, elements for the rest.
 */
public enum Family {
    MATMUL, CONVOLUTION, ELEMENTWISE, ACTIVATION, SCAN, REDUCTION, LAYOUT, GATHER, OTHER, NONE;

    /** The key in target files: {@code matmul}, {@code elementwise}, .... */
    public String key() { return name().toLowerCase(Locale.ROOT); }
}
