package dev.xamba.api;

/** Hears how far a compile is: for a progress bar. Called on the compiling thread. */
public interface CompileProgress {
    /** Hears nothing. */
    CompileProgress NONE = new CompileProgress() {
        @Override public void phase(String name) {}
        @Override public void fraction(double done) {}
    };

    /** A phase starts: {@code import}, {@code passes}, then {@code writing weights} (OpenVINO IR only). */
    void phase(String name);

    /** The share of the current phase done, 0 to 1, where it is known. */
    void fraction(double done);
}
