package dev.xamba.codegen;

/**
 * Options of {@link OvIrWriter}.
 *
 * @param compressFp16 store f32 constants as f16 and decompress them with a {@code Convert} layer marked
 *                     {@code decompression} (OpenVINO's own weight-compression pattern). As OpenVINO's converter
 *                     does, values beyond the f16 range saturate to ±65504, and a constant with 75% or more of its
 *                     values outside the range (beyond ±65504, or nonzero below 2^-24: a -inf mask fill, a 1e-12
 *                     epsilon) stays f32. Halves the {@code .bin}; constants feeding {@code Range} stay f32 because
 *                     OpenVINO needs their exact values for shape inference.
 */
public record WriterOptions(boolean compressFp16) {
    /** Full precision: every constant as it is. */
    public static final WriterOptions DEFAULT = new WriterOptions(false);

    /** f32 constants compressed to f16. */
    public static final WriterOptions FP16_WEIGHTS = new WriterOptions(true);
}
