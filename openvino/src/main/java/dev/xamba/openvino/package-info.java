/**
 * Running OpenVINO models from Java. {@link dev.xamba.openvino.OvRuntime} is the entry point; it
 * hands out {@link dev.xamba.openvino.OvModel}, {@link dev.xamba.openvino.OvCompiledModel} and
 * {@link dev.xamba.openvino.OvInferRequest}, all {@link java.lang.AutoCloseable}. Data moves as
 * {@link dev.xamba.openvino.OvTensorData} copies.
 *
 * <p>The native side is OpenVINO's C API, bound with JavaCPP in {@code dev.xamba.openvino.capi} and
 * reached through dlopen, so this module builds without OpenVINO installed. At run time the library
 * is found by {@link dev.xamba.openvino.OvLibraryLocator} (OPENVINO_LIB_DIR, or the openvino wheel in
 * the repo's {@code .venv}); when it is missing, {@link dev.xamba.openvino.OpenVinoNotFoundException}
 * says how to install it.
 */
package dev.xamba.openvino;
