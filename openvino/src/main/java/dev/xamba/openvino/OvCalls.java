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
            throw new OvException(operation, status, messageFor(status));
        }
    }

    /**
     * The text for a failed call's {@code status}. OpenVINO keeps a single process-wide last message that only
     * its C++ exceptions overwrite: the C wrapper's own statuses (INVALID_C_PARAM for a bad argument,
     * NOT_IMPLEMENT_C_METHOD) leave the message of an earlier failure there, so they get the status's fixed
     * description instead. With several threads failing at once the last message may still be another call's.
     */
    static String messageFor(int status) {
        if (status == OvStatus.INVALID_C_PARAM.code() || status == OvStatus.NOT_IMPLEMENT_C_METHOD.code()) {
            BytePointer info = OvC.ov_get_error_info(status); // static text: never ov_free'd
            return info == null || info.isNull() ? "" : info.getString(StandardCharsets.UTF_8);
        }
        return lastErrorMessage();
    }

    /** OpenVINO's last error text (see {@link #messageFor}). */
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
