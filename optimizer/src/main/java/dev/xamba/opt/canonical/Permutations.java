package dev.xamba.opt.canonical;

/** Arithmetic on transpose orders ({@code y.shape[i] = x.shape[order[i]]}). */
final class Permutations {
    private Permutations() {}

    static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) if (order[i] != i) return false;
        return true;
    }

    /**
     * The one order equal to transposing by {@code first}, then by {@code second}:
     * {@code z[i] = y[second[i]] = x[first[second[i]]]}.
     */
    static long[] compose(int[] first, int[] second) {
        long[] r = new long[second.length];
        for (int i = 0; i < second.length; i++) r[i] = first[second[i]];
        return r;
    }
}
