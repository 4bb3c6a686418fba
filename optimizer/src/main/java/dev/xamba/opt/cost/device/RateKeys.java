package dev.xamba.opt.cost.device;

import dev.xamba.opt.cost.op.Family;
import dev.xamba.opt.cost.op.OpCostings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names a target's rate rows may have: the kernels ({@code ov} op IR types) and, on a CPU, the op families the
 * cost model asks for. A misspelt row ({@code Matmul}, {@code CumSun}) matches no op, so the op took the default
 * rate without a word (a misspelt single-SHAVE kernel moved a report total from 961 to 296 µs).
 */
final class RateKeys {
    /** What {@code shave.kernels} and {@code shave.single_shave_kernels} may name. */
    static final SortedSet<String> KERNELS = Collections.unmodifiableSortedSet(OpCostings.kernels());
    /** What {@code cpu.families} may name: a kernel's own row or its family's. */
    static final SortedSet<String> CPU_ROWS = union(KERNELS, Family.rateKeys());

    private RateKeys() {}

    /** Null for a known kernel, else what is wrong: the names it is close to, or all the known ones. */
    static String unknownKernel(String name) {
        return KERNELS.contains(name) ? null : "unknown kernel" + hint(name, KERNELS, "an ov op's IR type: " + String.join(", ", KERNELS));
    }

    /** Null for a known kernel or family key, else what is wrong (as {@link #unknownKernel}). */
    static String unknownCpuRow(String name) {
        return CPU_ROWS.contains(name) ? null : "unknown kernel or op family" + hint(name, CPU_ROWS, "an ov op's IR type: "
                + String.join(", ", KERNELS) + "; or a family: " + String.join(", ", Family.rateKeys()));
    }

    /** " (did you mean X?)" for the known names within two edits (case aside), else " (expected all)". */
    private static String hint(String name, Set<String> known, String all) {
        List<String> nearest = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (String k : known) {
            if (Math.abs(name.length() - k.length()) > 2) continue; // too far, and a long name is not compared
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d > 2) continue;
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) nearest.add(k);
        }
        return nearest.isEmpty() ? " (expected " + all + ")" : " (did you mean " + String.join(" or ", nearest) + "?)";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static SortedSet<String> union(Set<String> a, Set<String> b) {
        SortedSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Collections.unmodifiableSortedSet(all);
    }
}
