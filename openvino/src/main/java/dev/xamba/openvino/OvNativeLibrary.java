package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import org.bytedeco.javacpp.BytePointer;

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
        loadedLibrary = absolute;
        return loadedLibrary;
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
