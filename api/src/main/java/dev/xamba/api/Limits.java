package dev.xamba.api;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.ir.ops.FoldWork;

/**
 * Resource limits that keep a hostile or mistaken input from exhausting memory or time; the defaults are far
 * above what real models need.
 *
 * @param maxInputBytes largest file read into memory: textual IR ({@code .xir}); an ONNX or OpenVINO IR model file
 *                      may always be {@link #MAPPED_MODEL_BYTES} (it is memory-mapped, not copied)
 * @param maxFoldWork   constant folding skips ops costing more than this many multiply-adds
 */
public record Limits(long maxInputBytes, long maxFoldWork) {
    public static final long DEFAULT_MAX_INPUT_BYTES = 1L << 30;
    /**
     * Size an ONNX or OpenVINO IR model file may always have: 2 GiB, protobuf's cap on one message, which is the
     * largest single-file ONNX model (a 96-layer 130M-shaped Mamba-2 is 1.4 GB); bigger models keep their weights in
     * external data files.
     */
    public static final long MAPPED_MODEL_BYTES = 1L << 31;


    public static Limits defaults() { return new Limits(DEFAULT_MAX_INPUT_BYTES, FoldWork.DEFAULT_MAX); }

    /** {@code o} with this fold budget. */
    public ImportOptions apply(ImportOptions o) {
        return o.withMaxFoldWork(maxFoldWork);
    }

    /**
     * {@code pipeline} with this fold budget given to each {@code canonicalize} element that does not set its own
     * (when it is not the default). Elements are found as the pipeline parser finds them, at commas outside braces
     * and quotes: a text replace also rewrote {@code canonicalize {...}} (with a space) into two brace groups and a
     * path such as {@code target=/x/canonicalize.json} inside another pass's options, and skipped
     * {@code canonicalize{max-fold-elements=...}}.
     */
    public String apply(String pipeline) {
        if (maxFoldWork == FoldWork.DEFAULT_MAX) return pipeline;
        StringBuilder out = new StringBuilder();
        int depth = 0, start = 0;
        char quote = 0;
        for (int i = 0; i <= pipeline.length(); i++) {
            char c = i < pipeline.length() ? pipeline.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.append(withFoldBudget(pipeline.substring(start, i))).append(i < pipeline.length() ? "," : "");
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** One pipeline element, with {@code max-fold-work} added if it is a {@code canonicalize} that does not set it. */
    private String withFoldBudget(String element) {
        String trimmed = element.strip();
        int brace = trimmed.indexOf('{');
        String name = (brace < 0 ? trimmed : trimmed.substring(0, brace)).strip();
        if (!name.equals("canonicalize")) return element;
        if (brace < 0) return element.replace("canonicalize", "canonicalize{max-fold-work=" + maxFoldWork + "}");
        if (trimmed.substring(brace).matches("(?s).*[{\\s]max-fold-work\\s*=.*")) return element; // its own budget
        int close = element.lastIndexOf('}');
        return close < 0 ? element : element.substring(0, close) + " max-fold-work=" + maxFoldWork + element.substring(close);
    }
}
