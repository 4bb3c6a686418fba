package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an {@link OpImporter} sees of the node it imports, and how it builds IR at the node's location. */
public interface NodeContext {
    String opType();

    /** The version of the node's operator set that applies (the model's import for the node's domain). */
    long opsetVersion();

    /** Whether constants are folded while importing ({@code ImportOptions.foldConstants}). */
    boolean folding();

    /** The dialect op this node maps to one-to-one: {@code onnx.<OpType>}. */
    default String onnxOpName() { return "onnx." + opType(); }

    /** Inputs as written, absent optional ones included. */
    int numInputs();

    /** False for an input past the end or with an empty name (an absent optional input). */
    boolean hasInput(int i);

    /** The value of input {@code i}; an error naming the node when it is absent. */
    Value input(int i);

    default TensorType inputType(int i) { return input(i).tensorType(); }

    /** The input's value when it is a constant. */
    Optional<Tensor> constantInput(int i);

    int numOutputs();

    /** The node's attributes as IR attributes, in a fresh map the importer may change. */
    Map<String, Attribute> attributes();

    /**
     * The inputs to pass on unchanged: trailing absent ones dropped; an absent one followed by a present one is
     * an error, since only an importer that knows the default can fill it in.
     */
    List<Value> presentInputs();

    /** A new {@code onnx.Constant} holding {@code value}, at this node's location. */
    Value constant(Tensor value);

    /**
     * Builds {@code opName(operands) {attributes}} at this node's location with inferred result types, folding it
     * to constants when every operand is constant; returns its results.
     */
    List<Value> create(String opName, List<Value> operands, Map<String, Attribute> attributes);

    /** An import error naming this node: {@code node 'n' (ai.onnx::Op): message}. */
    DiagnosticException error(String message);
}
