package dev.xamba.ir.type;

import java.util.Optional;

/** Scalar element types of tensors, spelled as in the textual IR. */
public enum ElementType {
    F64("f64", 8, true), F32("f32", 4, true), F16("f16", 2, true), BF16("bf16", 2, true),
    I64("i64", 8, false), I32("i32", 4, false), I16("i16", 2, false), I8("i8", 1, false),
    U8("u8", 1, false), I1("i1", 1, false);

    private final String spelling;
    private final int byteWidth;
    private final boolean floating;

    ElementType(String spelling, int byteWidth, boolean floating) {
        this.spelling = spelling;
        this.byteWidth = byteWidth;
        this.floating = floating;
    }

    public String spelling() { return spelling; }

    /** Bytes per element in a dense buffer (i1 is stored one byte per element, as ONNX and OpenVINO do). */
    public int byteWidth() { return byteWidth; }

    public boolean isFloat() { return floating; }

    public boolean isInteger() { return !floating && this != I1; }

    public boolean isBool() { return this == I1; }

    public static Optional<ElementType> fromSpelling(String s) {
        for (ElementType t : values()) {
            if (t.spelling.equals(s)) return Optional.of(t);
        }
        return Optional.empty();
    }

    @Override
    public String toString() { return spelling; }
}
