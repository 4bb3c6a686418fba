package dev.xamba.codegen;

import dev.xamba.codegen.LayerGraph.Layer;
import dev.xamba.codegen.LayerGraph.Port;
import dev.xamba.codegen.LayerGraph.Source;
import dev.xamba.ir.BlockArgument;
import dev.xamba.ir.OpOperand;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.ov.OvDialect;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.OvIrText;
import dev.xamba.ir.ops.ov.OvLayerInfo;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out an {@code ov}-dialect function as IR v11 layers: Parameters (argument order), then one layer per op in
 * block order (a topological order, since the function verified), then Results (return order). Constants become
 * {@code Const} layers over the {@link WeightsTable}, or f16 {@code Const} + decompression {@code Convert} pairs.
 */
final class GraphBuilder {
    /**
     * The laid-out model and its weights, with the constants stored compressed in each f16 slot, and the name of the
     * layer each op became (an identity map).
     */
    record Built(LayerGraph graph, WeightsTable weights, Map<WeightsTable.Slot, List<Operation>> compressed,
                 Map<Operation, String> layerNames) {
        /** The constants stored compressed in {@code slots} (an identity set). */
        Set<Operation> constantsIn(Set<WeightsTable.Slot> slots) {
            Set<Operation> ops = Collections.newSetFromMap(new IdentityHashMap<>());
            for (WeightsTable.Slot slot : slots) ops.addAll(compressed.getOrDefault(slot, List.of()));
            return ops;
        }
    }

    private static final String RANGE = "ov.Range";
    private static final String CONVERT = "ov.Convert";
    /**
     * Constants up to this size are checked for OpenVINO's keep-in-f32 rule before they are laid out, so that the
     * common cases (a scalar {@code -inf} mask fill in every Mamba-2 layer, an epsilon) never make the writer write
     * the model twice; larger ones are checked while converting, which costs no pass of its own.
     */
    private static final long DECIDED_EARLY_BYTES = 64 << 10;

    private final WriterOptions options;
    private final LayerGraph graph;
    private final WeightsTable weights = new WeightsTable();
    private final UniqueNames layerNames = new UniqueNames();
    private final Map<Operation, String> layerOfOp = new IdentityHashMap<>();
    private final Map<Value, Source> sources = new IdentityHashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Set<Operation> keepF32;
    private final Map<WeightsTable.Slot, List<Operation>> compressed = new HashMap<>();

    private GraphBuilder(String modelName, WriterOptions options, Set<Operation> keepF32) {
        this.graph = new LayerGraph(modelName);
        this.options = options;
        this.keepF32 = keepF32;
    }

    /**
     * Lays out {@code main}, whose ops are all {@code ov} ops with layer info (checked by the caller).
     *
     * @param keepF32 constants to store in f32 even with {@link WriterOptions#compressFp16()} (those
     *                {@link WeightsTable#writeTo} found OpenVINO would keep)
     */
    static Built build(FuncOp main, String modelName, WriterOptions options, Set<Operation> keepF32) {
        GraphBuilder b = new GraphBuilder(modelName, options, keepF32);
        TensorNames names = TensorNames.of(main);
        for (BlockArgument a : main.body().arguments()) b.parameter(a, names.input(a.index()));
        Operation ret = main.returnOp();
        for (Operation op : main.body().operations()) {
            if (op == ret) break;
            if (op.isA(OvDialect.CONSTANT)) b.constant(op);
            else b.layer(op);
        }
        for (int i = 0; i < ret.numOperands(); i++) b.result(ret.operand(i), names.output(i));
        if (!b.problems.isEmpty()) throw new DiagnosticException(b.problems);
        return new Built(b.graph, b.weights, b.compressed, b.layerOfOp);
    }

    private void parameter(BlockArgument a, String tensorName) {
        TensorType t = a.tensorType();
        Layer l = graph.addLayer(layerNames.claim(tensorName), "Parameter", "opset1");
        l.data.put("shape", OvIrText.partialShape(t));
        l.data.put("element_type", OvElementTypes.irName(t.elementType()));
        Port out = addOutput(l, t);
        out.names.add(tensorName);
        sources.put(a, new Source(l, out));
    }

    private void constant(Operation op) {
        if (!op.hasUses()) return; // dead: OpenVINO would drop it, and its bytes would only bloat the .bin
        TensorType t = op.result().tensorType();
        BlobBytes bytes;
        WeightsTable.Slot slot;
        boolean compress = options.compressFp16() && t.elementType() == ElementType.F32 && !feedsRange(op) && !keepF32.contains(op);
        try {
            bytes = ConstantBlobs.bytesOf(op);
            // A small constant is decided here; a large one while its values are converted (WeightsTable.writeTo).
            if (compress && bytes.size() <= DECIDED_EARLY_BYTES && ConstantBlobs.keepsF32(bytes.view())) compress = false;
            slot = weights.add(bytes, compress ? WeightsTable.Encoding.F32_TO_F16 : WeightsTable.Encoding.RAW);
        } catch (DiagnosticException e) {
            problems.addAll(e.diagnostics());
            return;
        } catch (IOException e) {
            // The file's problem (it changed, or a read failed), which every later weight in it would repeat: stop here.
            problems.add(op.error("cannot read its weights: " + e.getMessage()));
            throw new DiagnosticException(problems);
        }
        String name = layerName(op, "Const");
        if (!compress) {
            Layer c = constLayer(name, t, slot);
            sources.put(op.result(), new Source(c, c.outputs.get(0)));
            return;
        }
        compressed.computeIfAbsent(slot, k -> new ArrayList<>(1)).add(op);
        Layer half = constLayer(layerNames.claim(name + "_compressed"), t.withElementType(ElementType.F16), slot);
        Layer convert = graph.addLayer(name, "Convert", "opset1");
        convert.data.put("destination_type", OvElementTypes.irName(ElementType.F32));
        convert.rtInfo.add("decompression");
        graph.connect(new Source(half, half.outputs.get(0)), convert);
        sources.put(op.result(), new Source(convert, addOutput(convert, t)));
    }

    private Layer constLayer(String name, TensorType t, WeightsTable.Slot slot) {
        Layer l = graph.addLayer(name, "Const", "opset1");
        l.data.put("element_type", OvElementTypes.irName(t.elementType()));
        l.data.put("shape", OvIrText.constShape(t));
        l.data.put("offset", Long.toString(slot.offset()));
        l.data.put("size", Long.toString(slot.size()));
        addOutput(l, t);
        return l;
    }

    /**
     * Range needs its inputs' exact values to infer its length, so they are never compressed. Only direct inputs:
     * a constant reaching shape arithmetic through other ops (a Convert, a Multiply by a float scale) is compressed,
     * which only matters where that arithmetic is not folded away, i.e. with dynamic shapes (OpenVINO's converter
     * keeps such sub-graphs f32 by marking them; xamba's pipeline folds every static one first).
     */
    private static boolean feedsRange(Operation constant) {
        for (OpOperand use : constant.result().uses()) if (use.owner().isA(RANGE)) return true;
        return false;
    }

    private void layer(Operation op) {
        OpDefinition def = op.definition().orElseThrow();
        OvLayerInfo info = ((OvOpDefinition) def).layerInfo();
        Layer l = graph.addLayer(layerName(op, info.type()), info.type(), info.version());
        for (String attrName : info.dataAttributes()) {
            Attribute a = op.attr(attrName);
            if (a == null) a = def.attrSpec(attrName).map(AttrSpec::defaultValue).orElse(null);
            if (a == null) continue; // an optional attribute without a default: OpenVINO's default applies
            String spelled = OvIrText.format(a);
            if (spelled == null) {
                problems.add(op.error("attribute '" + attrName + "' = " + a + " cannot be written as OpenVINO IR"));
                continue;
            }
            l.data.put(attrName, spelled);
        }
        if (isDecompression(op)) l.rtInfo.add("decompression");
        for (int i = 0; i < op.numOperands(); i++) {
            Source s = sources.get(op.operand(i));
            if (s == null) return; // its producer failed and was reported; the build throws at the end
            graph.connect(s, l);
        }
        for (int r = 0; r < op.numResults(); r++) sources.put(op.result(r), new Source(l, addOutput(l, op.result(r).tensorType())));
    }

    /**
     * A Convert of an f16 or bf16 constant to f32 is OpenVINO's compressed-weight pattern (what its converter writes
     * and xamba reads back from it): marked, the runtime keeps the weights compressed as it does for its own IR,
     * and computes exactly the same; unmarked, it folds them to f32 at load time and its kernels round differently.
     */
    private static boolean isDecompression(Operation op) {
        if (!op.isA(CONVERT) || op.numOperands() != 1 || op.result().tensorType().elementType() != ElementType.F32) return false;
        Operation producer = op.operand(0).definingOp();
        if (producer == null || !producer.isA(OvDialect.CONSTANT)) return false;
        ElementType from = op.operand(0).tensorType().elementType();
        return from == ElementType.F16 || from == ElementType.BF16;
    }

    private void result(Value v, String tensorName) {
        Source s = sources.get(v);
        if (s == null) return; // reported already
        s.port().names.add(tensorName);
        Layer l = graph.addLayer(layerNames.claim(tensorName + "/sink_port_0"), "Result", "opset1");
        graph.connect(s, l);
    }

    /** The op's location name, else {@code <type>_<n>}, n the layers so far (the id of the next one); unique in the model. */
    private String layerName(Operation op, String type) {
        String name = layerNames.claim(LayerNames.fromLocation(op.location()).orElse(type + "_" + graph.layers().size()));
        layerOfOp.put(op, name);
        return name;
    }

    private static Port addOutput(Layer l, TensorType t) {
        return l.addOutput(OvElementTypes.precision(t.elementType()), t.shape());
    }
}
