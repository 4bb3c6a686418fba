package dev.xamba.openvino;

/**
 * The OpenVINO C API's {@code ov_element_type_e} values (openvino/c/ov_common.h), in C order, with the
 * IR name ({@code element_type} in IR XML) and the byte width for types xamba can move between Java
 * and OpenVINO. Sub-byte and exotic types have byte width 0: they can be named but not transferred.
 */
public enum OvElementType {
    DYNAMIC("dynamic", 0),
    BOOLEAN("boolean", 1),
    BF16("bf16", 2),
    F16("f16", 2),
    F32("f32", 4),
    F64("f64", 8),
    I4("i4", 0),
    I8("i8", 1),
    I16("i16", 2),
    I32("i32", 4),
    I64("i64", 8),
    U1("u1", 0),
    U2("u2", 0),
    U3("u3", 0),
    U4("u4", 0),
    U6("u6", 0),
    U8("u8", 1),
    U16("u16", 2),
    U32("u32", 4),
    U64("u64", 8),
    NF4("nf4", 0),
    F8E4M3("f8e4m3", 0),
    F8E5M2("f8e5m2", 0),
    STRING("string", 0),
    F4E2M1("f4e2m1", 0),
    F8E8M0("f8e8m0", 0);

    private final String irName;
    private final int byteSize;

    OvElementType(String irName, int byteSize) {
        this.irName = irName;
        this.byteSize = byteSize;
    }

    /** The C enum value: the constant's position, as in the C header. */
    public int code() {
        return ordinal();
    }

    /** The lower-case name OpenVINO IR uses, e.g. {@code f32}, {@code boolean}. */
    public String irName() {
        return irName;
    }

    /** Bytes per element, or 0 when elements are not whole bytes or not plain numbers. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether tensors of this type can be copied to and from Java ({@link OvTensorData}). */
    public boolean isTransferable() {
        return byteSize > 0;
    }

    /** The constant for a C value. */
    public static OvElementType fromCode(int code) {
        OvElementType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown ov_element_type_e value " + code);
        }
        return all[code];
    }

    /** The constant for an IR name such as {@code f32}. */
    public static OvElementType fromIrName(String irName) {
        for (OvElementType type : values()) {
            if (type.irName.equals(irName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown OpenVINO element type '" + irName + "'");
    }
}
