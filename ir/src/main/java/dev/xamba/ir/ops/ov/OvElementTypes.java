package dev.xamba.ir.ops.ov;

import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.type.ElementType;
import java.util.Optional;

/**
 * OpenVINO's names of element types: the lower-case {@code element_type} spelling used in {@code <data>}
 * attributes ({@code f32}, {@code boolean}) and the upper-case port {@code precision} spelling the serializer
 * writes ({@code FP32}, {@code BOOL}).
 */
public final class OvElementTypes {
    private OvElementTypes() {}

    /** {@code f32}, {@code i64}, {@code boolean}…: the spelling of {@code element_type}, {@code destination_type}. */
    public static String irName(ElementType t) {
        return t == ElementType.I1 ? "boolean" : t.spelling();
    }

    /** {@code FP32}, {@code I64}, {@code BOOL}…: the spelling of a port's {@code precision}. */
    public static String precision(ElementType t) {
        return switch (t) {
            case F64 -> "FP64";
            case F32 -> "FP32";
            case F16 -> "FP16";
            case BF16 -> "BF16";
            case I64 -> "I64";
            case I32 -> "I32";
            case I16 -> "I16";
            case I8 -> "I8";
            case U8 -> "U8";
            case I1 -> "BOOL";
        };
    }

    /**
     * The element type a port {@code precision} names, the inverse of {@link #precision}; OpenVINO's reader also
     * takes the lower-case type names ({@code f32}), so this does too.
     */
    public static Optional<ElementType> fromPrecision(String precision) {
        for (ElementType t : ElementType.values()) if (precision(t).equals(precision)) return Optional.of(t);
        return fromIrName(precision);
    }

    /** The element type for an OpenVINO type name, if the IR has it. */
    public static Optional<ElementType> fromIrName(String name) {
        if (name.equals("boolean")) return Optional.of(ElementType.I1);
        if (name.equals("i1")) return Optional.empty(); // OpenVINO has no i1; booleans are "boolean"
        return ElementType.fromSpelling(name);
    }

    /** Like {@link #fromIrName} but an {@link OpError} naming the attribute when unknown. */
    static ElementType require(String name, String attribute) {
        return fromIrName(name).orElseThrow(() -> new OpError("attribute '" + attribute + "' is \"" + name
                + "\", expected an OpenVINO element type (f64 f32 f16 bf16 i64 i32 i16 i8 u8 boolean)"));
    }
}
