package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.ov.OvDialect;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which {@code ov} op reads each layer type: the inverse of the writer's table, built from the same
 * {@link dev.xamba.ir.ops.ov.OvLayerInfo} every {@code ov} op definition carries, so any op xambac writes it also
 * reads. A layer matches an op when its type matches (ignoring case, as OpenVINO's reader does) and its version is
 * the op's: the version selects the semantics ({@code Gather-opset1} is not {@code Gather-opset8}).
 * {@code Parameter}, {@code Result} and {@code Const} are not ops but the function's interface and constants.
 */
final class LayerTypes {
    /** Layer types the importer handles itself. */
    static final List<String> STRUCTURAL = List.of("Parameter", "Result", "Const");

    /** Op definitions by lower-case IR type, then version. */
    private static final Map<String, Map<String, OvOpDefinition>> BY_TYPE = build();

    private LayerTypes() {}

    private static Map<String, Map<String, OvOpDefinition>> build() {
        Map<String, Map<String, OvOpDefinition>> m = new TreeMap<>();
        for (OpDefinition d : OpRegistry.all()) {
            if (!(d instanceof OvOpDefinition ov) || d.name().equals(OvDialect.CONSTANT)) continue;
            m.computeIfAbsent(key(ov.layerInfo().type()), k -> new TreeMap<>()).put(ov.layerInfo().version(), ov);
        }
        return m;
    }

    private static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    /** The op that reads {@code layer}, if xamba has it at the layer's version. */
    static Optional<OvOpDefinition> lookup(Layer layer) {
        return Optional.ofNullable(BY_TYPE.getOrDefault(key(layer.type()), Map.of()).get(layer.version()));
    }

    static boolean isStructural(Layer layer) {
        return STRUCTURAL.stream().anyMatch(layer::isA);
    }

    /** {@code Gather-opset1 (xamba reads Gather-opset8)}, or just {@code Foo-opset1}: how the unsupported list names it. */
    static String describeUnsupported(String type, String version) {
        Map<String, OvOpDefinition> versions = BY_TYPE.get(key(type));
        String s = type + "-" + version;
        if (versions == null) return s;
        return s + " (xamba reads " + versions.values().stream().map(d -> d.layerInfo().type() + "-" + d.layerInfo().version())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Every layer type xamba reads, as {@code Type-version}, sorted: for documentation and tests. */
    static List<String> supported() {
        List<String> all = new ArrayList<>();
        for (String s : STRUCTURAL) all.add(s + "-opset1");
        BY_TYPE.values().forEach(v -> v.values().forEach(d -> all.add(d.layerInfo().type() + "-" + d.layerInfo().version())));
        all.sort(String.CASE_INSENSITIVE_ORDER);
        return all;
    }
}
