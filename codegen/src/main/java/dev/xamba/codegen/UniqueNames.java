package dev.xamba.codegen;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out unique names: a wanted name as it is when free, else with the first free suffix {@code _1, _2, ...}.
 * Deterministic for a given order of requests.
 */
final class UniqueNames {
    private final Set<String> taken = new HashSet<>();

    String claim(String wanted) {
        if (taken.add(wanted)) return wanted;
        for (int i = 1; ; i++) {
            String candidate = wanted + "_" + i;
            if (taken.add(candidate)) return candidate;
        }
    }

    boolean isTaken(String name) {
        return taken.contains(name);
    }
}
