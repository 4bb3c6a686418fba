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

    /** {@code pipeline} with this fold budget given to each {@code canonicalize} (when it is not the default). */
    public String apply(String pipeline) {
        if (maxFoldWork == FoldWork.DEFAULT_MAX) return pipeline;
        return pipeline.replaceAll("\\bcanonicalize\\b(?!\\{)", "canonicalize{max-fold-work=" + maxFoldWork + "}");
    }
}
