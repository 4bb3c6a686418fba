package dev.xamba.frontend.onnx.graph;

import dev.xamba.frontend.common.OpFactory;
import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.frontend.onnx.op.NodeContext;
import dev.xamba.frontend.onnx.proto.NodeProto;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.Constants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link NodeContext} of one ONNX node while it is imported. */
final class NodeScope implements NodeContext {
    private final NodeProto node;
    private final String displayName;
    private final long opset;
    private final List<Value> inputs;
    private final Map<String, Attribute> attributes;
    private final OpFactory factory;
    private final SourceFile file;
    private final boolean folding;

    /** {@code inputs} holds null for absent optional inputs. */
    NodeScope(NodeProto node, String displayName, long opset, List<Value> inputs, Map<String, Attribute> attributes,
              OpFactory factory, SourceFile file, boolean folding) {
        this.node = node;
        this.displayName = displayName;
        this.opset = opset;
        this.inputs = inputs;
        this.attributes = attributes;
        this.factory = factory;
        this.file = file;
        this.folding = folding;
    }

    /** {@code node 'n' (ai.onnx::Op)}, how every message about a node begins. */
    static String describe(NodeProto node, String displayName) {
        String domain = node.getDomain().isEmpty() ? "ai.onnx" : node.getDomain();
        return "node '" + displayName + "' (" + domain + "::" + node.getOpType() + ")";
    }

    Location location() { return Location.name(displayName); }

    @Override public String opType() { return node.getOpType(); }

    @Override public long opsetVersion() { return opset; }

    @Override public boolean folding() { return folding; }

    @Override public int numInputs() { return inputs.size(); }

    @Override public boolean hasInput(int i) { return i < inputs.size() && inputs.get(i) != null; }

    @Override public Value input(int i) {
        if (!hasInput(i)) throw error("input #" + i + " is required but " + (i < inputs.size() ? "empty" : "missing"));
        return inputs.get(i);
    }

    @Override public Optional<Tensor> constantInput(int i) { return Constants.valueOf(input(i)); }

    @Override public int numOutputs() { return node.getOutputCount(); }

    @Override public Map<String, Attribute> attributes() { return new LinkedHashMap<>(attributes); }

    @Override public List<Value> presentInputs() {
        int n = inputs.size();
        while (n > 0 && inputs.get(n - 1) == null) n--;
        List<Value> present = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (inputs.get(i) == null) {
                throw error("optional input #" + i + " is absent but a later input is given, and " + opType()
                        + " has no default to fill it with");
            }
            present.add(inputs.get(i));
        }
        return present;
    }

    @Override public Value constant(Tensor value) {
        return factory.constant(factory.constants().fromTensor(value, firstOutputName()), location());
    }

    @Override public List<Value> create(String opName, List<Value> operands, Map<String, Attribute> attrs) {
        return factory.create(opName, operands, attrs, location(), firstOutputName(), this::error);
    }

    @Override public DiagnosticException error(String message) {
        return file.error(describe(node, displayName) + ": " + message);
    }

    private String firstOutputName() {
        for (String o : node.getOutputList()) if (!o.isEmpty()) return o;
        return displayName;
    }
}
