package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import java.util.List;

/**
 * Turns one ONNX node into IR: reads the node's inputs and attributes through the {@link NodeContext}, builds
 * ops with it, and returns one value per node output (trailing optional outputs may be left out).
 */
@FunctionalInterface
public interface OpImporter {
    List<Value> importNode(NodeContext node);

    /** The dialect op this importer builds, which must be registered for the node to be supported; null if none. */
    default String requiredOp(String opType) { return "onnx." + opType; }
}
