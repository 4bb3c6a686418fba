package dev.xamba.codegen;

/** Told, while {@link OvIrWriter} writes a {@code .bin}, how many of its bytes are written so far. */
@FunctionalInterface
public interface WriteProgress {
    /** Nobody listens. */
    WriteProgress NONE = (written, total) -> {};

    /** {@code written} of {@code total} bytes are written (called from the writing thread, blob by blob). */
    void written(long written, long total);
}
