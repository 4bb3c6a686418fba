package dev.xamba.opt.pass;

/**
 * A pipeline string that cannot be parsed or configured: an unknown pass, an unknown option, a value of the
 * wrong type, unbalanced braces. The message is one line meant for the user, e.g.
 * {@code unknown pass 'foo' (known passes: canonicalize, cse)}.
 */
public final class PipelineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PipelineException(String message) {
        super(message);
    }
}
