package dev.xamba.opt.pattern;

import java.util.Objects;

/**
 * The outcome of {@link RewritePattern#matchAndRewrite}: success (the IR was rewritten), or failure with the
 * reason the pattern did not apply ({@code "bias is not a rank-1 constant"}), which {@code --remarks} shows.
 */
public final class MatchResult {
    private static final MatchResult SUCCESS = new MatchResult(null);

    private final String reason;

    private MatchResult(String reason) { this.reason = reason; }

    public static MatchResult success() { return SUCCESS; }

    /** A failed match; the IR must be unchanged. {@code reason} says which guard failed, as a short phrase. */
    public static MatchResult failure(String reason) {
        return new MatchResult(Objects.requireNonNull(reason, "a failure needs a reason"));
    }

    public boolean succeeded() { return reason == null; }

    public boolean failed() { return reason != null; }

    /** Why the match failed; null on success. */
    public String reason() { return reason; }

    @Override public String toString() { return succeeded() ? "success" : "failure: " + reason; }
}
