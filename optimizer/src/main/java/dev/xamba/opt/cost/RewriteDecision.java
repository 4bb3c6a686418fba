package dev.xamba.opt.cost;

import dev.xamba.ir.loc.Location;

/**
 * One cost-guided rewrite candidate and what became of it: the pattern ({@code xamba-cumba}), where its root op
 * was, whether it was applied, why (or why not), and the predicted cost of what it replaces and of the
 * replacement (NaN when no cost was computed, e.g. a guard failed first). {@code xambac report} and
 * {@code --remarks} show these.
 */
public record RewriteDecision(String pattern, Location location, boolean applied, String reason,
                              double beforeMicros, double afterMicros) {}
