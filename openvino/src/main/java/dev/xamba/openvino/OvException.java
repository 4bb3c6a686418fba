package dev.xamba.openvino;

/**
 * An OpenVINO C API call returned a status other than OK. The message names the operation, the
 * status and OpenVINO's own error text (e.g. the IR reader's complaint), which is also available
 * separately from {@link #openVinoMessage()}.
 */
public class OvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int statusCode;
    private final String openVinoMessage;

    /**
     * @param operation what xamba was doing, e.g. {@code ov_core_read_model(m.xml)}
     * @param statusCode the C status value
     * @param openVinoMessage OpenVINO's last error text, empty when it gave none
     */
    public OvException(String operation, int statusCode, String openVinoMessage) {
        super(describe(operation, statusCode, openVinoMessage));
        this.operation = operation;
        this.statusCode = statusCode;
        this.openVinoMessage = openVinoMessage;
    }

    /** The failed call, as given by the caller. */
    public String operation() {
        return operation;
    }

    /** The C status value. */
    public int statusCode() {
        return statusCode;
    }

    /** The status as an enum constant, or {@code null} for a code this version does not know. */
    public OvStatus status() {
        return OvStatus.fromCode(statusCode);
    }

    /** The C status name, e.g. {@code GENERAL_ERROR}. */
    public String statusName() {
        OvStatus status = status();
        return status != null ? status.name() : "STATUS_" + statusCode;
    }

    /** OpenVINO's own error text ({@code ov_get_last_err_msg}); empty when it gave none. */
    public String openVinoMessage() {
        return openVinoMessage;
    }

    private static String describe(String operation, int statusCode, String openVinoMessage) {
        OvStatus status = OvStatus.fromCode(statusCode);
        String name = status != null ? status.name() : "STATUS_" + statusCode;
        String text = openVinoMessage == null || openVinoMessage.isBlank() ? "(OpenVINO gave no message)"
                : openVinoMessage.strip();
        return operation + " failed with " + name + " (" + statusCode + "): " + text;
    }
}
