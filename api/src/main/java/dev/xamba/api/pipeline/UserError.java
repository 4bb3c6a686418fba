package dev.xamba.api.pipeline;

/** A problem with the user's files or arguments that is not about a location in the IR (missing file, unwritable output). */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message, null, false, false);
    }
}
