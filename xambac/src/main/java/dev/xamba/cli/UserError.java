package dev.xamba.cli;

/** A problem with the user's files or arguments that is not about a location in the IR (missing file, unwritable output). */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
