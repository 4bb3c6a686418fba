package dev.xamba.opt.cost.device;

/** A target file that cannot be read: the message names the file and the field. */
public final class TargetFormatException extends RuntimeException {
    public TargetFormatException(String message) { super(message); }
}
