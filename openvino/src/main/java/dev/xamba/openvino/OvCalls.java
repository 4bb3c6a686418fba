package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import org.bytedeco.javacpp.BytePointer;

import java.nio.charset.StandardCharsets;

/** Helpers shared by the facade classes: status checks, error text and C strings. */
final class OvCalls {
    private OvCalls() {}

    /** Throws an {@link OvException} when {@code status} is not OK. */
    static void check(int status, String operation) {
        if (status != OvStatus.OK.code()) {
            throw new OvException(operation, status, lastErrorMessage());
        }
    }

    /**
     * OpenVINO's last error text. OpenVINO keeps a single process-wide message that only failures
     * overwrite, so with several threads failing at once, or for statuses returned without a C++
     * exception (e.g. INVALID_C_PARAM), the text may belong to another call.
     */
    static String lastErrorMessage() {
        return takeString(OvC.ov_get_last_err_msg());
    }

    /** Copies a C string that OpenVINO allocated for us, then releases it with {@code ov_free}. */
    static String takeString(BytePointer owned) {
        if (owned == null || owned.isNull()) {
            return "";
        }
        try {
            return owned.getString(StandardCharsets.UTF_8);
        } finally {
            OvC.ov_free(owned);
        }
    }

    /** A NUL-terminated UTF-8 copy of {@code text}, or a null pointer for {@code null}; close it after the call. */
    static BytePointer utf8(String text) {
        return text == null ? new BytePointer() : new BytePointer(text, StandardCharsets.UTF_8);
    }
}
