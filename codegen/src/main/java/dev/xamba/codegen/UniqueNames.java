package dev.xamba.codegen;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out unique names: a wanted name as it is when free, else with the first free suffix {@code _1, _2, ...}.
 * Deterministic for a given order of requests.
 */
final class UniqueNames {
    private final Set<String> taken = new HashSet<>();
    /** Per wanted name, the suffix to try next: all smaller ones are taken (names are never released). */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    /** Amortized O(1) even when many requests want the same name. */
    String claim(String wanted) {
        if (taken.add(wanted)) return wanted;
        for (int i = nextSuffix.getOrDefault(wanted, 1); ; i++) {
            String candidate = wanted + "_" + i;
            if (taken.add(candidate)) {
                nextSuffix.put(wanted, i + 1);
                return candidate;
            }
        }
    }

    boolean isTaken(String name) {
        return taken.contains(name);
    }
}
