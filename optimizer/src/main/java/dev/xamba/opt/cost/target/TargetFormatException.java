package dev.xamba.opt.cost.target;

/** A target file that cannot be read: the message names the file and the field. */
public final class TargetFormatException extends RuntimeException {
    public TargetFormatException(String message) { super(message); }
}
