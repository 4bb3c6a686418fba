package dev.xamba.opt.cost.device;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.xamba.ir.loc.Quoting;
import dev.xamba.opt.cost.device.JsonText.Node;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads and writes targets as JSON (the schema is in the README, "Target files"). Reading checks every field
 * where it is read and names the one that is wrong, with where it is
 * ({@code T.json:3:5: dpu.tiles: expected a whole number from 1 to 1024, got "six"}).
 */
public final class TargetJson {
    /*
     * Bounds on every number (README "Target files"). A value outside is a typo or a unit mistake, and the bounds
     * keep every prediction finite: an op counts at most 2^63 elements or MACs (the cost model saturates), so with
     * at most 1e9 µs per launch and 1e9 ns per element and at least 0.001 GB/s, 1 MHz and an efficiency of 1e-9,
     * no time comes near a double's range (1e308 µs printed "Infinity" and a speedup of NaN, 1e-300 GB/s a total
     * of 300 digits).
     */
    static final double MAX_MICROS = 1e9;      // fixed_us, latency_us, inference_fixed_us: 1000 s
    static final double MAX_NANOS = 1e9;       // ns_per_element, ns_per_mac: 1 s
    static final double MIN_GBPS = 1e-3;       // every bandwidth: 1 MB/s ...
    static final double MAX_GBPS = 1e6;        // ... to 1 PB/s
    static final double MIN_MHZ = 1, MAX_MHZ = 1e5;
    static final double MIN_EFFICIENCY = 1e-9;  // what-if targets slow an engine a millionfold (5e-8 in a test)
    static final long MAX_UNITS = 1024;        // tiles, SHAVEs, DMA engines
    static final long MAX_PER_CYCLE = 1 << 20; // MACs or elements per cycle per tile
    static final long MAX_BYTES = 1L << 40;    // CMX per tile, CPU cache: 1 TiB

    private TargetJson() {}

    /** Parses {@code text}; {@code origin} names the file in errors. */
    public static Target parse(String text, String origin) {
        Node root = JsonText.parse(text, origin);
        Fields r = new Fields(origin);
        if (!(root.value() instanceof Map)) throw r.error(root, "a target file must hold one JSON object");
        String name = r.string(root, "name");
        Node kindField = r.required(root, "kind", "a string");
        String kind = r.string(kindField);
        switch (kind) {
            case "npu" -> r.onlyKnown(root, "name", "kind", "description", "sources", "dpu", "shave", "dma", "efficiency");
            case "cpu" -> r.onlyKnown(root, "name", "kind", "description", "sources", "cpu");
            default -> throw r.error(kindField, "expected \"npu\" or \"cpu\", got " + Quoting.quote(kind));
        }
        String description = r.optional(root, "description").map(r::string).orElse("");
        Map<String, String> sources = new TreeMap<>();
        r.optional(root, "sources").map(r::object).ifPresent(o -> r.members(o).forEach((k, v) -> sources.put(k, r.string(v))));
        return kind.equals("npu") ? new Target(name, description, Target.Kind.NPU, npu(r, root), null, sources)
                : new Target(name, description, Target.Kind.CPU, null, cpu(r, r.object(root, "cpu")), sources);
    }

    private static Target.Npu npu(Fields r, Node root) {
        Node d = r.object(root, "dpu");
        r.onlyKnown(d, "tiles", "clock_mhz", "macs_per_cycle_f16", "macs_per_cycle_i8", "depthwise_macs_per_cycle",
                "eltwise_per_cycle", "cmx_bytes_per_tile", "cmx_gbps_per_tile");
        Target.Dpu dpu = new Target.Dpu((int) r.whole(d, "tiles", MAX_UNITS), r.number(d, "clock_mhz", MIN_MHZ, MAX_MHZ),
                (int) r.whole(d, "macs_per_cycle_f16", MAX_PER_CYCLE), (int) r.whole(d, "macs_per_cycle_i8", MAX_PER_CYCLE),
                (int) r.whole(d, "depthwise_macs_per_cycle", MAX_PER_CYCLE), (int) r.whole(d, "eltwise_per_cycle", MAX_PER_CYCLE),
                r.whole(d, "cmx_bytes_per_tile", MAX_BYTES), r.number(d, "cmx_gbps_per_tile", MIN_GBPS, MAX_GBPS));
        Node s = r.object(root, "shave");
        r.onlyKnown(s, "count", "default", "kernels", "single_shave_kernels");
        Set<String> single = new TreeSet<>();
        if (r.optional(s, "single_shave_kernels").isPresent()) {
            for (Node k : r.array(s, "single_shave_kernels")) {
                String kernel = r.string(k);
                String unknown = RateKeys.unknownKernel(kernel);
                if (unknown != null) throw r.error(k, Quoting.quote(kernel) + " is an " + unknown);
                single.add(kernel);
            }
        }
        Target.Shave shave = new Target.Shave((int) r.whole(s, "count", MAX_UNITS), rate(r, r.object(s, "default")),
                rates(r, r.object(s, "kernels"), RateKeys::unknownKernel), single);
        Node m = r.object(root, "dma");
        r.onlyKnown(m, "engines", "gbps_per_engine", "dram_gbps", "latency_us");
        Target.Dma dma = new Target.Dma((int) r.whole(m, "engines", MAX_UNITS), r.number(m, "gbps_per_engine", MIN_GBPS, MAX_GBPS),
                r.number(m, "dram_gbps", MIN_GBPS, MAX_GBPS), r.number(m, "latency_us", 0, MAX_MICROS));
        Target.Efficiency efficiency = Target.Efficiency.IDEAL;
        if (r.optional(root, "efficiency").isPresent()) {
            Node e = r.object(root, "efficiency");
            r.onlyKnown(e, "dpu_compute", "dma_bandwidth");
            efficiency = new Target.Efficiency(r.number(e, "dpu_compute", MIN_EFFICIENCY, 1), r.number(e, "dma_bandwidth", MIN_EFFICIENCY, 1));
        }
        return new Target.Npu(dpu, shave, dma, efficiency);
    }

    private static Target.Cpu cpu(Fields r, Node c) {
        r.onlyKnown(c, "inference_fixed_us", "default", "families", "cache_bytes", "dram_gbps", "measured_on", "date", "roofline");
        return new Target.Cpu(r.number(c, "inference_fixed_us", 0, MAX_MICROS), rate(r, r.object(c, "default")),
                rates(r, r.object(c, "families"), RateKeys::unknownCpuRow), r.whole(c, "cache_bytes", MAX_BYTES),
                r.number(c, "dram_gbps", MIN_GBPS, MAX_GBPS), r.optional(c, "measured_on").map(r::string).orElse(""),
                r.optional(c, "date").map(r::string).orElse(""), r.optional(c, "roofline").map(n -> roofline(r, n)).orElse(Target.Roofline.MAX));
    }

    private static Target.Roofline roofline(Fields r, Node n) {
        String v = r.string(n);
        for (Target.Roofline x : Target.Roofline.values()) if (x.key().equals(v)) return x;
        throw r.error(n, "expected \"max\" or \"sum\", got " + Quoting.quote(v));
    }

    /** A rate: {@code fixed_us}, and {@code ns_per_element} and {@code ns_per_mac} (0 when absent). */
    private static KernelRate rate(Fields r, Node o) {
        r.onlyKnown(o, "fixed_us", "ns_per_element", "ns_per_mac");
        return new KernelRate(r.number(o, "fixed_us", 0, MAX_MICROS),
                r.optional(o, "ns_per_element").map(n -> r.number(n, 0, MAX_NANOS)).orElse(0.0),
                r.optional(o, "ns_per_mac").map(n -> r.number(n, 0, MAX_NANOS)).orElse(0.0));
    }

    /** A table of rates keyed by names {@code unknown} checks (null for a known name, else what is wrong). */
    private static Map<String, KernelRate> rates(Fields r, Node table, Function<String, String> unknown) {
        Map<String, KernelRate> m = new TreeMap<>();
        r.members(table).forEach((key, row) -> {
            String problem = unknown.apply(key);
            if (problem != null) throw r.error(row, problem);
            m.put(key, rate(r, r.object(row)));
        });
        return m;
    }

    /** The target as JSON, fields in schema order, rates sorted by name: stable, diffable output. */
    public static String write(Target t) {
        JsonObject root = new JsonObject();
        root.addProperty("name", t.name());
        root.addProperty("kind", t.kind().name().toLowerCase(Locale.ROOT));
        root.addProperty("description", t.description());
        if (t.kind() == Target.Kind.NPU) {
            Target.Dpu d = t.npu().dpu();
            JsonObject dpu = new JsonObject();
            dpu.addProperty("tiles", d.tiles());
            dpu.addProperty("clock_mhz", d.clockMhz());
            dpu.addProperty("macs_per_cycle_f16", d.macsPerCycleF16());
            dpu.addProperty("macs_per_cycle_i8", d.macsPerCycleI8());
            dpu.addProperty("depthwise_macs_per_cycle", d.depthwiseMacsPerCycle());
            dpu.addProperty("eltwise_per_cycle", d.eltwisePerCycle());
            dpu.addProperty("cmx_bytes_per_tile", d.cmxBytesPerTile());
            dpu.addProperty("cmx_gbps_per_tile", d.cmxGBpsPerTile());
            root.add("dpu", dpu);
            JsonObject shave = new JsonObject();
            shave.addProperty("count", t.npu().shave().count());
            shave.add("default", rate(t.npu().shave().defaultKernel()));
            shave.add("kernels", rates(t.npu().shave().kernels()));
            if (!t.npu().shave().singleShave().isEmpty()) {
                JsonArray single = new JsonArray();
                new TreeSet<>(t.npu().shave().singleShave()).forEach(single::add);
                shave.add("single_shave_kernels", single);
            }
            root.add("shave", shave);
            Target.Dma m = t.npu().dma();
            JsonObject dma = new JsonObject();
            dma.addProperty("engines", m.engines());
            dma.addProperty("gbps_per_engine", m.gbpsPerEngine());
            dma.addProperty("dram_gbps", m.dramGBps());
            dma.addProperty("latency_us", m.latencyUs());
            root.add("dma", dma);
            JsonObject efficiency = new JsonObject();
            efficiency.addProperty("dpu_compute", t.npu().efficiency().dpuCompute());
            efficiency.addProperty("dma_bandwidth", t.npu().efficiency().dmaBandwidth());
            root.add("efficiency", efficiency);
        } else {
            Target.Cpu c = t.cpu();
            JsonObject cpu = new JsonObject();
            cpu.addProperty("measured_on", c.measuredOn());
            cpu.addProperty("date", c.date());
            cpu.addProperty("inference_fixed_us", c.inferenceFixedUs());
            cpu.addProperty("cache_bytes", c.cacheBytes());
            cpu.addProperty("dram_gbps", c.dramGBps());
            cpu.addProperty("roofline", c.roofline().key());
            cpu.add("default", rate(c.defaultFamily()));
            cpu.add("families", rates(c.families()));
            root.add("cpu", cpu);
        }
        JsonObject sources = new JsonObject();
        new TreeMap<>(t.sources()).forEach(sources::addProperty);
        root.add("sources", sources);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonObject rates(Map<String, KernelRate> rates) {
        JsonObject o = new JsonObject();
        new TreeMap<>(rates).forEach((k, v) -> o.add(k, rate(v)));
        return o;
    }

    private static JsonObject rate(KernelRate k) {
        JsonObject o = new JsonObject();
        o.addProperty("fixed_us", k.fixedUs());
        o.addProperty("ns_per_element", k.nsPerElement());
        if (k.nsPerMac() != 0) o.addProperty("ns_per_mac", k.nsPerMac());
        return o;
    }
}
