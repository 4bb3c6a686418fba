package dev.xamba.api.pipeline;

import java.util.Locale;

/**
 * What an input is, by its name's extension in any case ({@code M.ONNX} is ONNX, as it is to OpenVINO's reader and
 * to a user): ONNX, OpenVINO IR ({@code .xml} with its {@code .bin}), standard input ({@code -}), or textual IR.
 */
public enum InputKind {
    ONNX, OPENVINO_IR, STDIN, TEXTUAL_IR;

    public static InputKind of(String input) {
        if (input.equals("-")) return STDIN;
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx")) return ONNX;
        if (lower.endsWith(".xml")) return OPENVINO_IR;
        return TEXTUAL_IR;
    }

    /** Memory-mapped rather than read into the heap: their weights are never copied. */
    boolean mapped() { return this == ONNX || this == OPENVINO_IR; }
}
