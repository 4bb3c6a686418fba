package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_version_t;
import org.bytedeco.javacpp.BytePointer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads, once per process, the JNI glue (from this jar, through JavaCPP) and then libopenvino_c
 * (through dlopen in that glue). A loaded OpenVINO cannot be swapped for another one.
 */
final class OvNativeLibrary {
    private static Path loadedLibrary;

    private OvNativeLibrary() {}

    /** Loads libopenvino_c from {@code library}, or checks that this very file is the one already loaded. */
    static synchronized Path load(Path library) {
        Path absolute = library.toAbsolutePath().normalize();
        if (loadedLibrary != null) {
            if (!loadedLibrary.equals(absolute)) {
                throw new IllegalStateException("OpenVINO is already loaded from " + loadedLibrary
                        + "; cannot also load " + absolute + " in the same process");
            }
            return loadedLibrary;
        }
        loadGlue();
        String failure;
        try (BytePointer path = OvCalls.utf8(absolute.toString())) {
            failure = OvC.xamba_ov_load(path);
        }
        if (!failure.isEmpty()) {
            throw new OpenVinoNotFoundException("Could not load the OpenVINO runtime from " + absolute + ": " + failure);
        }
        requireSupported(buildNumber(), absolute);
        loadedLibrary = absolute;
        return loadedLibrary;
    }

    /**
     * The OpenVINO release whose C headers the binding is generated from. Element type codes are positions in an
     * enum of those headers, and earlier releases number it differently (2025's begins with UNDEFINED = 0, this
     * one with DYNAMIC = 0): another release's library would read f32 as f64, and fail in confusing ways.
     */
    static final String SUPPORTED_RELEASE = "2026";

    /** Refuses a runtime of another release than {@link #SUPPORTED_RELEASE}, by its build number. */
    static void requireSupported(String buildNumber, Path library) {
        if (!buildNumber.startsWith(SUPPORTED_RELEASE + ".")) {
            throw new OpenVinoNotFoundException("The OpenVINO runtime at " + library + " is release " + buildNumber
                    + "; xamba's binding is built for OpenVINO " + SUPPORTED_RELEASE + ".x (set OPENVINO_LIB_DIR to such a runtime)");
        }
    }

    static String buildNumber() {
        try (ov_version_t version = new ov_version_t()) {
            OvCalls.check(OvC.ov_get_openvino_version(version), "ov_get_openvino_version");
            try {
                return version.buildNumber().getString(StandardCharsets.UTF_8);
            } finally {
                OvC.ov_version_free(version);
            }
        }
    }

    /** The library loaded so far, or null. */
    static synchronized Path loadedLibrary() {
        return loadedLibrary;
    }

    /** Initializes {@link OvC}, whose static initializer extracts and loads libjniOvC.so from the jar. */
    private static void loadGlue() {
        try {
            Class.forName(OvC.class.getName(), true, OvNativeLibrary.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("xamba's JNI library for OpenVINO (libjniOvC.so, built into the "
                    + "xamba-openvino jar for linux-x86_64) could not be loaded: " + e, e);
        }
    }
}
