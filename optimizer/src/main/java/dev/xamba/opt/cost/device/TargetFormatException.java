package dev.xamba.opt.cost.device;

import dev.xamba.ir.loc.Quoting;

/** A target file that cannot be read: the message names the file and the field. */
public final class TargetFormatException extends RuntimeException {
    public TargetFormatException(String message) { super(message); }

    /**
     * {@code origin:line:col: path: problem}, one line: the path is the field's full JSON path
     * ({@code cpu.families.MatMul.ns_per_mac}, empty for the whole file); its keys are the user's and may hold
     * control characters.
     */
    static TargetFormatException at(String origin, int line, int column, String path, String problem) {
        String field = path.isEmpty() ? "" : Quoting.printable(path) + ": ";
        return new TargetFormatException(origin + ":" + line + ":" + column + ": " + field + problem);
    }
}
