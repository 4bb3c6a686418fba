package dev.xamba.frontend.onnx.op;

import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The importers by (domain, op_type, since_version). For a node, the entry with the newest since_version not
 * newer than the model's opset for the node's domain applies, mirroring how ONNX itself picks an operator
 * version. Domains are canonical: {@code ""} for the default domain (also spelled {@code ai.onnx}).
 */
public final class OpImporterTable {
    private final Map<String, TreeMap<Long, OpImporter>> entries = new HashMap<>();

    /** The importers for every operator xamba reads. */
    public static OpImporterTable standard() {
        OpImporterTable t = new OpImporterTable();
        StandardImporters.registerAll(t);
        return t;
    }

    /** Adds an importer for {@code domain::opType} from {@code sinceVersion} on. */
    public OpImporterTable register(String domain, String opType, long sinceVersion, OpImporter importer) {
        TreeMap<Long, OpImporter> versions = entries.computeIfAbsent(key(canonicalDomain(domain), opType), k -> new TreeMap<>());
        if (versions.put(sinceVersion, importer) != null) {
            throw new IllegalStateException("two importers for " + opType + " since " + sinceVersion);
        }
        return this;
    }

    /** The importer for a node of {@code domain::opType} in a model importing {@code opset} for that domain. */
    public Optional<OpImporter> lookup(String domain, String opType, long opset) {
        TreeMap<Long, OpImporter> versions = entries.get(key(canonicalDomain(domain), opType));
        if (versions == null) return Optional.empty();
        Entry<Long, OpImporter> e = versions.floorEntry(opset);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    /** {@code domain::opType} of every entry, sorted (for documentation and tests). */
    public Set<String> operators() {
        return new TreeSet<>(entries.keySet());
    }

    /** {@code ""} for the default domain in either spelling, else the domain itself. */
    public static String canonicalDomain(String domain) {
        return domain.equals("ai.onnx") ? "" : domain;
    }

    private static String key(String domain, String opType) { return domain + "::" + opType; }
}
