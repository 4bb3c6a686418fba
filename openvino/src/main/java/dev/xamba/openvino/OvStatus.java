package dev.xamba.openvino;

/** The OpenVINO C API's {@code ov_status_e} codes (openvino/c/ov_common.h). */
public enum OvStatus {
    OK(0),
    GENERAL_ERROR(-1),
    NOT_IMPLEMENTED(-2),
    NETWORK_NOT_LOADED(-3),
    PARAMETER_MISMATCH(-4),
    NOT_FOUND(-5),
    OUT_OF_BOUNDS(-6),
    UNEXPECTED(-7),
    REQUEST_BUSY(-8),
    RESULT_NOT_READY(-9),
    NOT_ALLOCATED(-10),
    INFER_NOT_STARTED(-11),
    NETWORK_NOT_READ(-12),
    INFER_CANCELLED(-13),
    INVALID_C_PARAM(-14),
    UNKNOWN_C_ERROR(-15),
    NOT_IMPLEMENT_C_METHOD(-16),
    /** Spelled as in the C header. */
    UNKNOW_EXCEPTION(-17);

    private final int code;

    OvStatus(int code) {
        this.code = code;
    }

    /** The numeric C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value, or {@code null} when a newer OpenVINO returns a code this enum does not know. */
    public static OvStatus fromCode(int code) {
        for (OvStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return null;
    }
}
