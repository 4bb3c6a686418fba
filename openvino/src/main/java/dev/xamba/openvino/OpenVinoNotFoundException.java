package dev.xamba.openvino;

/**
 * The OpenVINO runtime libraries could not be found or loaded. The message says where xamba looked
 * and how to install them; command-line tools should print it as is.
 */
public class OpenVinoNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How to get a runtime, appended to every message. */
    static final String HOW_TO_INSTALL = "Install it with scripts/setup-venv.sh (creates <repo>/.venv with the "
            + "openvino wheel), or point OPENVINO_LIB_DIR (or -D" + OvLibraryLocator.LIB_DIR_PROPERTY
            + ") at a directory holding libopenvino_c.so*, or run from inside the repo / pass -D"
            + OvLibraryLocator.HOME_PROPERTY + "=<repo>.";

    /** @param message what was missing; the install advice is appended */
    public OpenVinoNotFoundException(String message) {
        super(message + "\n" + HOW_TO_INSTALL);
    }

    /**
     * @param message what was missing; the install advice is appended
     * @param cause the underlying failure
     */
    public OpenVinoNotFoundException(String message, Throwable cause) {
        super(message + "\n" + HOW_TO_INSTALL, cause);
    }
}
