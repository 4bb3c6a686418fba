package dev.xamba.openvino;

import org.bytedeco.javacpp.Pointer;

/**
 * One owned OpenVINO C object. Closing frees it exactly once; using it afterwards throws instead of
 * handing a dangling pointer to native code.
 *
 * <p>That holds for use and close in sequence. The lock guards the field, not the native call made with the
 * pointer it returns: a {@link #close()} on one thread while another thread's call is in OpenVINO frees the object
 * under that call. Close an object only once no other thread uses it (as try-with-resources in one thread does).
 *
 * @param <P> the JavaCPP type of the C handle
 */
abstract class NativeHandle<P extends Pointer> implements AutoCloseable {
    private final String kind;
    private P pointer;

    NativeHandle(String kind, P pointer) {
        if (pointer == null || pointer.isNull()) {
            throw new IllegalArgumentException(kind + ": OpenVINO returned a null handle");
        }
        this.kind = kind;
        this.pointer = pointer;
    }

    /** The live handle; throws once closed. */
    final synchronized P pointer() {
        if (pointer == null) {
            throw new IllegalStateException(kind + " is already closed");
        }
        return pointer;
    }

    /** Whether {@link #close()} has been called. */
    public final synchronized boolean isClosed() {
        return pointer == null;
    }

    /** Frees the native object; later calls do nothing. */
    @Override
    public final synchronized void close() {
        if (pointer != null) {
            P toFree = pointer;
            pointer = null;
            free(toFree);
        }
    }

    /** Calls the C API's matching free function. */
    abstract void free(P handle);
}
