package dev.xamba.frontend.common;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns ONNX tensor names ({@code /layers.0/mixer/Add_output_0}) into identifiers the textual IR accepts
 * bare ({@code layers.0_mixer_Add_output_0}), and hands out unique ones.
 */
public final class Identifiers {
    private final Set<String> taken = new HashSet<>();

    /** A valid identifier made from {@code name}, or null when nothing usable is left. */
    public static String sanitize(String name) {
        if (name == null) return null;
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.');
            char out = ok ? c : '_';
            if (out == '_' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') continue;
            if (out == '_' && sb.length() == 0) continue; // a leading '/' or ':' says nothing
            sb.append(out);
        }
        if (sb.length() == 0) return null;
        char first = sb.charAt(0);
        if (!Character.isLetter(first) && first != '_') sb.insert(0, '_');
        return sb.toString();
    }

    /** A sanitized name not handed out before by this instance ({@code w}, {@code w_1}, ...). */
    public String unique(String name, String fallback) {
        String base = sanitize(name);
        if (base == null) base = fallback;
        String n = base;
        for (int k = 1; !taken.add(n); k++) n = base + "_" + k;
        return n;
    }
}
