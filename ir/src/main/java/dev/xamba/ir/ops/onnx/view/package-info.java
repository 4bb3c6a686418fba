/**
 * Views of the {@code onnx} ops the optimizer matches ({@code OnnxOp.MUL}), so each ONNX op name is spelled once.
 */
package dev.xamba.ir.ops.onnx.view;
