/**
 * The xamba compiler as a library. Start at {@link dev.xamba.api.Xamba#compile}: a model path and
 * {@link dev.xamba.api.CompileOptions} in, a {@link dev.xamba.api.CompileResult} (IR, warnings, remarks, cost
 * report) out, or a {@link dev.xamba.api.CompileException} with the one-line diagnostic.
 */
package dev.xamba.api;
