package dev.xamba.openvino;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gets the real OpenVINO runtime for a test. A missing runtime fails the test, because silently
 * skipped runtime tests hide a broken setup; only {@code -D}{@value #ALLOW_MISSING}{@code =true}
 * (for build-only runs without the .venv) turns that into a skip.
 */
public final class OpenVinoForTests {
    public static final String ALLOW_MISSING = "xamba.allowNoOpenVino";

    private OpenVinoForTests() {}

    public static OvRuntime load() {
        try {
            return OvRuntime.load();
        } catch (OpenVinoNotFoundException e) {
            if (Boolean.getBoolean(ALLOW_MISSING)) {
                Assumptions.abort("OpenVINO not available and " + ALLOW_MISSING + "=true: " + e.getMessage());
            }
            return fail("OpenVINO runtime tests need the runtime (or -D" + ALLOW_MISSING + "=true to skip them): "
                    + e.getMessage(), e);
        }
    }
}
