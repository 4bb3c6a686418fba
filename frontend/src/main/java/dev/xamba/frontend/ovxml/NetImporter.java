package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.common.ConstantAttrs;
import dev.xamba.frontend.common.Identifiers;
import dev.xamba.frontend.common.OpFactory;
import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.frontend.ovxml.IrNet.Port;
import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.ov.OvDialect;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.OvIrText;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import dev.xamba.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Builds {@code module { func.func @main }} in the {@code ov} dialect from a checked {@link NetGraph}: Parameters
 * become the arguments (file order), Const layers {@code ov.Constant}s, every other layer the {@code ov} op of its
 * type and version with its {@code <data>} as attributes, Results the returned values (file order). Each op is
 * located at its layer's name, so the IR xambac writes keeps OpenVINO's layer names; each op's inferred result
 * types must agree with the types its output ports declare, which catches a layer read with the wrong meaning.
 * As in the ONNX importer, ops fold on construction when their operands are constants, and a {@code ShapeOf} of a
 * static shape is a constant, so the converter's shape sub-graphs (ShapeOf → Gather → Concat → Reshape) vanish and
 * ops that need constant operands (Slice's stop) get them.
 */
final class NetImporter {
    private static final String SHAPE_OF = "ov.ShapeOf";

    private final IrSource source;
    private final IrNet net;
    private final NetGraph graph;
    private final ImportOptions options;
    private final ConstLayers consts;
    private final OpFactory factory;
    /** The value of each layer output, by layer id. */
    private final Map<Long, List<Value>> outputs = new HashMap<>();

    private NetImporter(IrSource source, IrNet net, NetGraph graph, ImportOptions options) {
        this.source = source;
        this.net = net;
        this.graph = graph;
        this.options = options;
        ConstantAttrs constants = new ConstantAttrs(options.maxInlineElements());
        this.consts = new ConstLayers(source, new WeightsFile(source), constants);
        this.factory = new OpFactory(OvDialect.CONSTANT, options.foldConstants(), options.maxFoldElements(), options.maxFoldWork(), constants);
    }

    static Operation importNet(IrSource source, IrNet net, ImportOptions options) {
        NetGraph graph = NetGraph.of(source, net);
        return new NetImporter(source, net, graph, options).run();
    }

    private Operation run() {
        Map<Layer, OvOpDefinition> defs = selectOps();
        List<Type> argTypes = new ArrayList<>();
        List<String> argNames = new ArrayList<>();
        for (Layer p : graph.parameters()) {
            argNames.add(parameterName(p));
            argTypes.add(parameterType(p, argNames.get(argNames.size() - 1)));
        }
        ModuleOp module = ModuleOp.create(moduleName(), Location.UNKNOWN);
        FuncOp func = FuncOp.create("main", new FunctionType(argTypes, List.of()), Location.name(net.name().isEmpty() ? "main" : net.name()));
        module.body().append(func.op());
        Block body = func.body();
        for (int i = 0; i < argTypes.size(); i++) {
            body.argument(i).setNameHint(Identifiers.sanitize(argNames.get(i)));
            outputs.put(graph.parameters().get(i).id(), List.of(body.argument(i)));
        }
        for (Layer l : graph.order()) {
            if (l.isA("Parameter") || l.isA("Result")) continue;
            List<Value> values = l.isA("Const") ? List.of(constant(l)) : layer(l, defs.get(l));
            checkOutputs(l, values);
            for (int r = 0; r < values.size(); r++) {
                List<String> names = l.outputs().get(r).names();
                if (!names.isEmpty() && values.get(r).nameHint() == null) values.get(r).setNameHint(Identifiers.sanitize(names.get(0)));
            }
            outputs.put(l.id(), values);
        }
        List<Value> results = new ArrayList<>();
        List<String> resultNames = new ArrayList<>();
        for (Layer r : graph.results()) {
            results.add(inputValue(r, 0));
            resultNames.add(resultName(r));
        }
        Operation ret = Operation.create(BuiltinDialect.RETURN, results, List.of(), Map.of(), 0, Location.UNKNOWN);
        factory.finish(body); // after the return exists: it is what keeps the returned values' ops
        body.append(ret);
        func.setType(new FunctionType(argTypes, results.stream().map(Value::type).toList()));
        func.setArgNames(argNames);
        func.setResultNames(resultNames);
        List<Diagnostic> problems = Verifier.verify(module.op());
        if (!problems.isEmpty()) throw new DiagnosticException(problems);
        return module.op();
    }

    /** The op of every layer in the model; all unsupported layer types are reported at once, in one line. */
    private Map<Layer, OvOpDefinition> selectOps() {
        Map<Layer, OvOpDefinition> defs = new HashMap<>();
        Map<String, List<Layer>> unsupported = new TreeMap<>();
        for (Layer l : graph.order()) {
            if (LayerTypes.isStructural(l)) continue;
            LayerTypes.lookup(l).ifPresentOrElse(d -> defs.put(l, d),
                    () -> unsupported.computeIfAbsent(LayerTypes.describeUnsupported(l.type(), l.version()), k -> new ArrayList<>()).add(l));
        }
        if (unsupported.isEmpty()) return defs;
        StringJoiner j = new StringJoiner("; ");
        unsupported.forEach((type, layers) -> j.add(type + " (" + (layers.size() == 1 ? "layer '" + layers.get(0).name() + "'"
                : layers.size() + " layers, first '" + layers.get(0).name() + "'") + ")"));
        throw source.error("unsupported layer type" + (unsupported.size() == 1 ? "" : "s") + ": " + j);
    }

    private TensorType parameterType(Layer p, String name) {
        TensorType declared = LayerShapes.parameterType(p, source);
        long[] given = options.inputShape(name);
        if (given == null) return declared;
        if (given.length != declared.rank()) {
            throw source.error(p, "the shape given for input '" + name + "' has rank " + given.length + ", the model's input has rank "
                    + declared.rank() + " (" + declared + ")");
        }
        for (int i = 0; i < given.length; i++) {
            if (declared.dim(i) != TensorType.DYNAMIC && given[i] != TensorType.DYNAMIC && given[i] != declared.dim(i)) {
                throw source.error(p, "the shape given for input '" + name + "' sets dim " + i + " to " + given[i]
                        + ", but the model fixes it at " + declared.dim(i));
            }
            if (given[i] == TensorType.DYNAMIC) given[i] = declared.dim(i);
        }
        return declared.withShape(given);
    }

    private Value constant(Layer l) {
        return factory.constant(consts.value(l), Location.name(l.name()));
    }

    /** The layer's op, or the constants it folds to (as the ONNX importer folds, so shape arithmetic disappears). */
    private List<Value> layer(Layer l, OvOpDefinition def) {
        Map<String, Attribute> attrs = DataAttributes.of(l, def, source);
        List<Value> operands = new ArrayList<>(l.inputs().size());
        for (int i = 0; i < l.inputs().size(); i++) operands.add(inputValue(l, i));
        Location loc = Location.name(l.name());
        if (def.name().equals(SHAPE_OF) && options.foldConstants() && operands.get(0).tensorType().hasStaticShape()) {
            return List.of(staticShape(operands.get(0).tensorType(), attrs, l, loc));
        }
        return factory.create(def.name(), operands, attrs, loc, l.name(), message -> source.error(l, message));
    }

    /** ShapeOf of a static shape is a constant, whatever computes the tensor. */
    private Value staticShape(TensorType of, Map<String, Attribute> attrs, Layer l, Location loc) {
        String typeName = attrs.get("output_type") instanceof StringAttr s ? s.value() : "i64";
        ElementType et = OvElementTypes.fromIrName(typeName).filter(ElementType::isInteger)
                .orElseThrow(() -> source.error(l, "output_type \"" + typeName + "\" is not an integer type"));
        Tensor dims = Tensor.ofLongs(TensorType.of(et, of.rank()), of.shape());
        return factory.constant(factory.constants().fromTensor(dims, l.name()), loc);
    }

    private Value inputValue(Layer l, int i) {
        NetGraph.Source s = graph.input(l, i);
        List<Value> produced = outputs.get(s.layer().id());
        return produced.get(s.output());
    }

    /** The layer's values are its outputs: as many, each of the type its port declares (dynamic dims match any). */
    private void checkOutputs(Layer l, List<Value> values) {
        if (values.size() != l.outputs().size()) {
            throw source.error(l, "declares " + l.outputs().size() + " output port(s), but xamba's op for it gives " + values.size());
        }
        for (int r = 0; r < values.size(); r++) {
            Port port = l.outputs().get(r);
            TensorType declared = LayerShapes.portType(l, port, source);
            TensorType inferred = values.get(r).tensorType();
            if (!compatible(declared, inferred)) {
                throw source.error(l, "output port " + port.id() + " declares " + declared + ", but xamba infers " + inferred
                        + " from its inputs and data");
            }
        }
    }

    private static boolean compatible(TensorType declared, TensorType inferred) {
        if (declared.elementType() != inferred.elementType() || declared.rank() != inferred.rank()) return false;
        for (int i = 0; i < declared.rank(); i++) {
            long a = declared.dim(i);
            long b = inferred.dim(i);
            if (a != TensorType.DYNAMIC && b != TensorType.DYNAMIC && a != b) return false;
        }
        return true;
    }

    /**
     * A Parameter's name: of its tensor's names, the one the layer is named after (the tensor may also be an output
     * with a name of its own, which a writer adds to the set), else as {@link #tensorName}.
     */
    private static String parameterName(Layer p) {
        List<String> names = p.outputs().isEmpty() ? List.of() : p.outputs().get(0).names();
        return names.contains(p.name()) ? p.name() : tensorName(p, 0);
    }

    /**
     * A Parameter's or a layer output's user-visible name: its port's first tensor name, else (IR v10) the layer's
     * name, followed by {@code .k} for its k-th output when it has several, as OpenVINO's v10 compatibility names them.
     */
    private static String tensorName(Layer l, int output) {
        List<String> names = l.outputs().isEmpty() ? List.of() : l.outputs().get(output).names();
        if (!names.isEmpty()) return names.get(0);
        return l.outputs().size() > 1 ? l.name() + "." + output : l.name();
    }

    /**
     * An output's name: the Result's {@code output_names} (newer IR v11), else the names of the port feeding it,
     * else (IR v10, which has no tensor names) the producing layer's name, as OpenVINO's v10 compatibility does.
     */
    private String resultName(Layer result) {
        String outputNames = result.attributes().get("output_names");
        List<String> names = outputNames == null ? List.of() : OvIrText.parseTensorNames(outputNames);
        if (!names.isEmpty()) return names.get(0);
        NetGraph.Source s = graph.input(result, 0);
        // A tensor that is several outputs (or an input passed through) has each one's name; OpenVINO's serializer
        // and xamba's writer name a Result after its own: "<name>/sink_port_0".
        List<String> fed = s.layer().outputs().isEmpty() ? List.of() : s.layer().outputs().get(s.output()).names();
        for (String n : fed) if (result.name().equals(n + "/sink_port_0")) return n;
        return tensorName(s.layer(), s.output());
    }

    private String moduleName() {
        String id = Identifiers.sanitize(net.name());
        if (id != null) return id;
        String file = source.xml().getFileName() == null ? "model" : source.xml().getFileName().toString();
        int dot = file.lastIndexOf('.');
        id = Identifiers.sanitize(dot > 0 ? file.substring(0, dot) : file);
        return id != null ? id : "model";
    }
}
