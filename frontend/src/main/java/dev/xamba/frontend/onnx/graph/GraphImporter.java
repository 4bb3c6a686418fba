package dev.xamba.frontend.onnx.graph;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.common.ConstantAttrs;
import dev.xamba.frontend.common.OpFactory;
import dev.xamba.frontend.onnx.model.ExternalData;
import dev.xamba.frontend.onnx.model.InitializerRegions;
import dev.xamba.frontend.onnx.model.ModelFile;
import dev.xamba.frontend.common.Identifiers;
import dev.xamba.frontend.onnx.model.SourceFile;
import dev.xamba.frontend.onnx.model.SymbolicDims;
import dev.xamba.frontend.onnx.model.TensorReader;
import dev.xamba.frontend.onnx.model.ValueTypes;
import dev.xamba.frontend.onnx.op.OpImporter;
import dev.xamba.frontend.onnx.op.OpImporterTable;
import dev.xamba.frontend.onnx.proto.FunctionName;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.NodeProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.frontend.onnx.proto.ValueInfoProto;
import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.Type;
import dev.xamba.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds {@code module { func.func @main }} from a parsed model: graph inputs become arguments, initializers
 * constants, nodes (in the file's order, which ONNX requires to be topological) go through their importers, the
 * outputs are returned. Unused pure ops are dropped and the result is verified.
 */
public final class GraphImporter {
    private static final String CONSTANT = "onnx.Constant";

    private final ModelProto model;
    private final GraphProto graph;
    private final SourceFile file;
    private final ImportOptions options;
    private final OpImporterTable table;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Integer> producers = new HashMap<>();
    private final OpFactory factory;
    private final TensorReader tensors;
    private final AttributeConverter attributes;

    private GraphImporter(ModelProto model, InitializerRegions regions, SourceFile file, ImportOptions options, OpImporterTable table) {
        this.model = model;
        this.graph = model.getGraph();
        this.file = file;
        this.options = options;
        this.table = table;
        ConstantAttrs constants = new ConstantAttrs(options.maxInlineElements());
        this.tensors = new TensorReader(file, new ExternalData(file, options.baseDir()), constants, regions);
        this.attributes = new AttributeConverter(tensors);
        this.factory = new OpFactory(CONSTANT, options.foldConstants(), options.maxFoldElements(), options.maxFoldWork(), constants);
    }

    /** The verified module for {@code model}, read from {@code file} (its weights know their regions of it). */
    public static Operation importModel(ModelFile.Parsed model, SourceFile file, ImportOptions options, OpImporterTable table) {
        return new GraphImporter(model.proto(), model.regions(), file, options, table).run();
    }

    private Operation run() {
        Opsets opsets = Opsets.of(model, file);
        if (graph.getSparseInitializerCount() > 0) throw file.error("sparse initializers are not supported");
        // The checker allows it, but the model computes nothing: its IR would be refused on reading (no Result).
        if (graph.getOutputCount() == 0) throw file.error("the graph has no outputs, so it computes nothing");
        List<OpImporter> importers = selectImporters(opsets);
        indexProducers();

        ModuleOp module = ModuleOp.create(moduleName(), Location.UNKNOWN);
        List<ValueInfoProto> args = functionInputs();
        List<Type> argTypes = new ArrayList<>();
        SymbolicDims named = SymbolicDims.of(args, options::inputShape, file);
        for (ValueInfoProto in : args) {
            argTypes.add(ValueTypes.of(in, named.shapeOf(in, options.inputShape(in.getName())), "input '" + in.getName() + "'", file));
        }
        FuncOp func = FuncOp.create("main", new FunctionType(argTypes, List.of()), Location.name(graphName()));
        module.body().append(func.op());
        Block body = func.body();
        for (int i = 0; i < args.size(); i++) {
            body.argument(i).setNameHint(Identifiers.sanitize(args.get(i).getName()));
            values.put(args.get(i).getName(), body.argument(i));
        }
        importInitializers();
        for (int i = 0; i < graph.getNodeCount(); i++) importNode(i, importers.get(i), opsets);

        List<Value> results = new ArrayList<>();
        for (ValueInfoProto out : graph.getOutputList()) results.add(output(out));
        Operation ret = Operation.create(BuiltinDialect.RETURN, results, List.of(), Map.of(), 0, Location.UNKNOWN);
        factory.finish(body);
        body.append(ret);
        func.setType(new FunctionType(argTypes, results.stream().map(Value::type).toList()));
        // The ONNX tensor names are the model's interface: verify matches reference arrays by them, codegen
        // names the OpenVINO ports after them.
        func.setArgNames(args.stream().map(ValueInfoProto::getName).toList());
        func.setResultNames(graph.getOutputList().stream().map(ValueInfoProto::getName).toList());

        List<Diagnostic> problems = Verifier.verify(module.op());
        if (!problems.isEmpty()) throw new DiagnosticException(problems);
        return module.op();
    }

    /** One importer per node; every node without one is reported, all in one exception. */
    private List<OpImporter> selectImporters(Opsets opsets) {
        List<OpImporter> selected = new ArrayList<>(graph.getNodeCount());
        List<Diagnostic> unsupported = new ArrayList<>();
        // By domain, then op_type: a model has a few kinds of node, each many times.
        Map<String, Map<String, OpImporter>> found = new HashMap<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            Map<String, OpImporter> inDomain = found.get(node.getDomain());
            OpImporter known = inDomain == null ? null : inDomain.get(node.getOpType());
            if (known != null) {
                selected.add(known);
                continue;
            }
            var version = opsets.version(node.getDomain());
            OpImporter importer = null;
            String why = "";
            if (node.getOpType().isEmpty()) {
                why = " (the node has no op_type)";
            } else if (version.isEmpty()) {
                why = " (the model imports no version of domain '" + node.getDomain() + "')";
            } else {
                importer = table.lookup(node.getDomain(), node.getOpType(), version.getAsLong()).orElse(null);
                if (importer == null && !table.lookup(node.getDomain(), node.getOpType(), Long.MAX_VALUE).isEmpty()) {
                    why = " (not at opset " + version.getAsLong() + ")";
                }
                String required = importer == null ? null : importer.requiredOp(node.getOpType());
                if (required != null && OpRegistry.lookup(required).isEmpty()) importer = null;
            }
            if (importer == null && definesFunction(node.getDomain(), node.getOpType())) {
                why = " (a function the model defines: xamba does not inline model-local functions;"
                        + " onnx.inliner.inline_local_functions does)";
            }
            if (importer == null) {
                unsupported.add(file.diagnostic(NodeScope.describe(node, displayName(node, i)) + ": unsupported operator" + why));
            } else {
                found.computeIfAbsent(node.getDomain(), d -> new HashMap<>()).put(node.getOpType(), importer);
            }
            selected.add(importer);
        }
        if (!unsupported.isEmpty()) throw new DiagnosticException(unsupported);
        return selected;
    }

    private boolean definesFunction(String domain, String name) {
        for (FunctionName f : model.getFunctionsList()) if (f.getDomain().equals(domain) && f.getName().equals(name)) return true;
        return false;
    }

    /** Records which node produces each tensor, rejecting a name defined twice. */
    private void indexProducers() {
        Set<String> defined = new HashSet<>();
        for (ValueInfoProto in : graph.getInputList()) {
            if (in.getName().isEmpty()) throw file.error("a graph input has no name");
            if (!defined.add(in.getName())) throw file.error("graph input '" + in.getName() + "' is listed twice");
        }
        Set<String> initializers = new HashSet<>();
        List<String> overridable = new ArrayList<>();
        for (TensorProto t : graph.getInitializerList()) {
            if (t.getName().isEmpty()) throw file.error("an initializer has no name");
            if (!initializers.add(t.getName())) throw file.error("initializer '" + t.getName() + "' is defined twice");
            if (defined.contains(t.getName())) overridable.add(t.getName());
        }
        // From IR version 4 on, an initializer named like a graph input is that input's default value, which the
        // caller may override: compiling it as a constant drops the input, so only when the user says so.
        if (model.getIrVersion() >= 4 && !overridable.isEmpty() && !options.freezeInitializerInputs()) {
            throw file.error(overridable.size() + " graph input" + (overridable.size() == 1 ? "" : "s") + " also "
                    + (overridable.size() == 1 ? "has an initializer" : "have initializers") + " of that name (default values a"
                    + " caller may override, as torch.onnx.export(keep_initializers_as_inputs=True) writes every weight): "
                    + quotedList(overridable) + "; xamba keeps no default values: compile them as constants with"
                    + " --freeze-initializer-inputs, or export without that flag");
        }
        defined.addAll(initializers);
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            for (String out : node.getOutputList()) {
                if (out.isEmpty()) continue;
                Integer previous = producers.put(out, i);
                if (previous != null) {
                    throw file.error("tensor '" + out + "' is produced by both " + NodeScope.describe(graph.getNode(previous),
                            displayName(graph.getNode(previous), previous)) + " and " + NodeScope.describe(node, displayName(node, i)));
                }
                if (defined.contains(out)) {
                    throw file.error(NodeScope.describe(node, displayName(node, i)) + ": output '" + out
                            + "' redefines a graph input or initializer");
                }
            }
        }
    }

    /** Graph inputs that are not initializers (older exporters list initializers as inputs too). */
    private List<ValueInfoProto> functionInputs() {
        Set<String> initializers = new HashSet<>();
        for (TensorProto t : graph.getInitializerList()) initializers.add(t.getName());
        List<ValueInfoProto> args = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ValueInfoProto in : graph.getInputList()) {
            names.add(in.getName());
            if (!initializers.contains(in.getName())) args.add(in);
        }
        for (String given : options.inputShapes().keySet()) {
            if (names.contains(given) && initializers.contains(given)) {
                throw file.error("a shape is given for input '" + given + "', but it has an initializer (a weight), whose"
                        + " shape it keeps");
            }
            if (!names.contains(given)) {
                throw file.error("a shape is given for input '" + given + "', but the model has no such input (inputs: "
                        + String.join(", ", args.stream().map(ValueInfoProto::getName).toList()) + ")");
            }
        }
        return args;
    }

    /** Up to five names, quoted, then how many more. */
    private static String quotedList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, names.size()); i++) sb.append(i == 0 ? "'" : ", '").append(names.get(i)).append('\'');
        return names.size() > 5 ? sb.append(" and ").append(names.size() - 5).append(" more").toString() : sb.toString();
    }

    /**
     * The initializers some node or graph output reads, in file order; one no one reads is not decoded at all, so a
     * type xamba does not support there does not stop the compile (OpenVINO's reader ignores it too).
     */
    private void importInitializers() {
        Set<String> read = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) read.addAll(node.getInputList());
        for (ValueInfoProto out : graph.getOutputList()) read.add(out.getName());
        for (TensorProto t : graph.getInitializerList()) {
            if (!read.contains(t.getName())) continue;
            Attribute value = tensors.read(t, "initializer '" + t.getName() + "'");
            Value v = factory.constant(value, Location.name(t.getName()));
            v.setNameHint(Identifiers.sanitize(t.getName()));
            values.put(t.getName(), v);
        }
    }

    private void importNode(int index, OpImporter importer, Opsets opsets) {
        NodeProto node = graph.getNode(index);
        String name = displayName(node, index);
        // How errors name the node, built only for one: every node of a model passes here.
        Supplier<String> what = () -> NodeScope.describe(node, name);
        List<Value> inputs = new ArrayList<>(node.getInputCount());
        for (String in : node.getInputList()) inputs.add(in.isEmpty() ? null : resolve(in, index, what));
        Map<String, Attribute> attrs = attributes.convert(node.getAttributeList(), what, firstOutput(node, name),
                msg -> file.error(what.get() + ": " + msg));
        NodeScope scope = new NodeScope(node, name, opsets.version(node.getDomain()).orElseThrow(), inputs, attrs, factory, file,
                options.foldConstants());
        List<Value> outs = importer.importNode(scope);
        for (int j = 0; j < node.getOutputCount(); j++) {
            String out = node.getOutput(j);
            if (out.isEmpty()) continue;
            if (j >= outs.size()) {
                throw scope.error("output #" + j + " ('" + out + "') is not supported: the import gives " + outs.size() + " result"
                        + (outs.size() == 1 ? "" : "s"));
            }
            Value v = outs.get(j);
            if (v.nameHint() == null) v.setNameHint(Identifiers.sanitize(out));
            values.put(out, v);
        }
    }

    private Value resolve(String tensor, int nodeIndex, Supplier<String> what) {
        Value v = values.get(tensor);
        if (v != null) return v;
        Integer producer = producers.get(tensor);
        if (producer != null) {
            NodeProto p = graph.getNode(producer);
            throw file.error(what.get() + ": input '" + tensor + "' is produced by " + NodeScope.describe(p, displayName(p, producer))
                    + (producer == nodeIndex ? " itself" : " further down") + ": the graph has a cycle or is not in topological order");
        }
        throw file.error(what.get() + ": input '" + tensor + "' is not produced by any node, graph input or initializer");
    }

    private Value output(ValueInfoProto out) {
        Value v = values.get(out.getName());
        if (v == null) throw file.error("graph output '" + out.getName() + "' is not produced by any node, graph input or initializer");
        OutputCheck.againstDeclaration(out, v.tensorType(), file);
        return v;
    }

    private static String firstOutput(NodeProto node, String fallback) {
        for (String o : node.getOutputList()) if (!o.isEmpty()) return o;
        return fallback;
    }

    /** The node's name, else its first output's name, else its position. */
    static String displayName(NodeProto node, int index) {
        if (!node.getName().isEmpty()) return node.getName();
        for (String o : node.getOutputList()) if (!o.isEmpty()) return o;
        return "#" + index;
    }

    private String graphName() { return graph.getName().isEmpty() ? "main" : graph.getName(); }

    private String moduleName() {
        String fileName = file.path().getFileName() == null ? "model" : file.path().getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String id = Identifiers.sanitize(stem);
        return id != null ? id : "model";
    }
}
