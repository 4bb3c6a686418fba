package dev.xamba.api.pipeline;

/**
 * A problem with the user's files or arguments that is not about a location in the IR (missing file, unwritable output).
 * One made by {@link #badOption} is a misused option (an unknown value, a missing companion option): the command
 * line's mistake rather than the input's, which {@code xambac} reports like its other command-line errors (exit 2).
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badOption;

    public UserError(String message) {
        this(message, false);
    }

    private UserError(String message, boolean badOption) {
        super(message, null, false, false);
        this.badOption = badOption;
    }

    /** An option's value or combination is wrong; {@code message} names the option. */
    public static UserError badOption(String message) {
        return new UserError(message, true);
    }

    public boolean isBadOption() { return badOption; }
}
