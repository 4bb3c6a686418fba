package dev.xamba.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import dev.xamba.openvino.OpenVinoNotFoundException;
import dev.xamba.openvino.OvRuntime;
import org.junit.jupiter.api.Assumptions;

/**
 * The real OpenVINO runtime for the round-trip tests. A missing runtime fails the test (a silently skipped
 * runtime test hides a broken setup); only {@code -Dxamba.allowNoOpenVino=true} turns that into a skip.
 */
final class OpenVinoForTests {
    static final String ALLOW_MISSING = "xamba.allowNoOpenVino";

    private OpenVinoForTests() {}

    static OvRuntime load() {
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
