package dev.xamba.cli.calibrate;

import dev.xamba.cli.runtime.LatencyMeter;
import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.cost.op.Family;
import dev.xamba.opt.cost.op.OpCostings;
import dev.xamba.opt.cost.op.Work;
import dev.xamba.opt.cost.device.KernelRate;
import dev.xamba.opt.cost.device.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures op families on the OpenVINO CPU plugin and fits a {@code cpu} target. At each benchmark's smallest size
 * it times models of 1 and of {@value #COPIES} independent copies of the op: the difference ÷ ({@value #COPIES} − 1)
 * is one op, and what remains of the 1-copy time is the per-inference cost (its median over benchmarks is kept).
 * At every size an op's time is then its 1-copy model's time less that cost; copies are not used at large sizes,
 * where {@value #COPIES} working sets would fall out of the caches that one stays in.
 * Each kernel gets {@code fixed + slope × count} (count = MACs for contractions, else the elements the cost model
 * counts), each family the median of its kernels' rows, the default a fit over every element-counted point. The
 * DRAM bandwidth is the lower of a streaming elementwise op's and a weight-streaming MatMul's.
 */
public final class CpuCalibrator {
    static final int COPIES = 8;

    private final int runs;
    private final boolean quick;
    private final PrintStream progress;

    /**
     * @param runs     timed inferences per model (the fastest is kept: the least disturbed on a shared machine)
     * @param quick    two small sizes of four benchmarks only (the smoke test)
     * @param progress where to say what is being measured
     */
    public CpuCalibrator(int runs, boolean quick, PrintStream progress) {
        this.runs = runs;
        this.quick = quick;
        this.progress = progress;
    }

    /** One benchmark at one size: its 1-copy time and, at the smallest size, one op's time from the copies (else NaN). */
    private record Sample(Work work, double oneCopyUs, double copiesOpUs, boolean typical) {
        double count() { return usesMacs(work) ? work.macs() : work.rateElements(); }
    }

    public Target calibrate(String targetName, String cpuModel) {
        OpCostings.attachAll();
        List<Sample> samples = new ArrayList<>();
        List<Double> inferenceCosts = new ArrayList<>();
        String version;
        try (LatencyMeter meter = new LatencyMeter("CPU")) {
            version = meter.version();
            List<Benchmarks.Bench> benches = Benchmarks.all(quick);
            int total = benches.stream().mapToInt(b -> b.sizes().size()).sum(), done = 0;
            for (Benchmarks.Bench b : benches) {
                for (long size : b.sizes()) {
                    done++;
                    Operation one = BenchModel.of(b.input().apply(size), 1, b.instance());
                    double t1 = meter.measure(OvIrWriter.render(one, WriterOptions.DEFAULT), runs, benchmark(b, size, 1)).minUs();
                    double copiesOp = Double.NaN;
                    String line = String.format(Locale.ROOT, "calibrate [%2d/%d] %-16s %-22s 1 copy %10.2f us",
                            done, total, b.name(), Arrays.toString(b.input().apply(size).shape()), t1);
                    if (size == b.sizes().get(0)) {
                        // At the smallest size everything stays in cache: the copies separate the op from the request.
                        Operation many = BenchModel.of(b.input().apply(size), COPIES, b.instance());
                        double tn = meter.measure(OvIrWriter.render(many, WriterOptions.DEFAULT), runs, benchmark(b, size, COPIES)).minUs();
                        double op = Math.max(0, (tn - t1) / (COPIES - 1));
                        copiesOp = op;
                        inferenceCosts.add(Math.max(0, t1 - op));
                        line += String.format(Locale.ROOT, ", %d copies %10.2f us: %.2f us per op", COPIES, tn, op);
                    }
                    samples.add(new Sample(workOf(one), t1, copiesOp, b.typical()));
                    progress.println(line);
                }
            }
            double inference = LatencyMeter.median(inferenceCosts.stream().mapToDouble(Double::doubleValue).toArray());
            List<Streaming> streaming = List.of(streaming(meter, Benchmarks.stream(quick)), streaming(meter, Benchmarks.weightStream(quick)));
            Map<String, KernelRate> rows = rows(samples, inference);
            return fit(targetName, samples, rows, inference, dramGBps(streaming, rows, inference, progress), cpuModel, version);
        }
    }

    /** A benchmark that streams more than the cache: its work and its time, µs. */
    record Streaming(String name, Work work, double us) {
        double bytes() { return ((double) work.inputElements() + work.outputElements()) * 4; }
    }

    private Streaming streaming(LatencyMeter meter, Benchmarks.Bench b) {
        long size = b.sizes().get(0);
        Operation model = BenchModel.of(b.input().apply(size), 1, b.instance());
        double t = meter.measure(OvIrWriter.render(model, WriterOptions.DEFAULT), Math.min(runs, 7), benchmark(b, size, 1)).minUs();
        progress.printf(Locale.ROOT, "calibrate [bandwidth] %-16s %-22s 1 copy %10.2f us%n", b.name(), Arrays.toString(b.input().apply(size).shape()), t);
        return new Streaming(b.name(), workOf(model), t);
    }

    /**
     * The DRAM bandwidth the cost model is to use, GB/s: the lower of the streaming benchmarks' bytes ÷ their time
     * beyond the request's and beyond their in-cache compute by the fitted rates. The target sums compute and DRAM
     * time ({@link Target.Roofline#SUM}), so the DRAM share must not hold the compute again: counting a MatMul's
     * 1.4 ms of compute as DRAM time made the target over-predict that very benchmark 1.47x. A benchmark whose
     * time is nearly all compute (under a tenth left) says little about DRAM and is left out, unless all are.
     */
    static double dramGBps(List<Streaming> streaming, Map<String, KernelRate> rows, double inference, PrintStream progress) {
        double best = Double.POSITIVE_INFINITY;
        double withCompute = Double.POSITIVE_INFINITY;
        for (Streaming s : streaming) {
            double beyondRequest = Math.max(1e-3, s.us() - inference);
            KernelRate r = rows.getOrDefault(s.work().kernel(), rows.get(s.work().family().key()));
            double compute = r == null ? 0 : r.variableMicros(s.work().rateElements(), s.work().macs());
            double dram = beyondRequest - compute;
            withCompute = Math.min(withCompute, s.bytes() / (beyondRequest * 1e3));
            if (dram >= beyondRequest / 10) best = Math.min(best, s.bytes() / (dram * 1e3));
            progress.printf(Locale.ROOT, "calibrate [bandwidth] %-16s %.2f us beyond the request, %.2f us of it compute: %s%n", s.name(),
                    beyondRequest, compute, dram >= beyondRequest / 10 ? String.format(Locale.ROOT, "%.1f GB/s", s.bytes() / (dram * 1e3)) : "compute-bound, left out");
        }
        return round(Double.isFinite(best) ? best : withCompute);
    }

    /** Each kernel's row and each family's (the median of its typical kernels' rows), by key. */
    private static Map<String, KernelRate> rows(List<Sample> samples, double inference) {
        Map<String, List<LinearFit.Point>> byKernel = new TreeMap<>();
        Map<String, Set<String>> familyKernels = new TreeMap<>();
        Map<String, Boolean> macKeys = new LinkedHashMap<>();
        for (Sample s : samples) {
            byKernel.computeIfAbsent(s.work().kernel(), k -> new ArrayList<>()).add(point(s, inference));
            if (s.typical()) familyKernels.computeIfAbsent(s.work().family().key(), k -> new TreeSet<>()).add(s.work().kernel());
            macKeys.put(s.work().kernel(), usesMacs(s.work()));
        }
        Map<String, KernelRate> rows = new TreeMap<>();
        // The slope comes from the sizes; the fixed part from the op measured directly at the smallest size (an
        // intercept extrapolated from large sizes is mostly noise).
        byKernel.forEach((k, pts) -> {
            double slope = LinearFit.of(pts).slope();
            double[] fixed = samples.stream().filter(s -> s.work().kernel().equals(k) && !Double.isNaN(s.copiesOpUs()))
                    .mapToDouble(s -> Math.max(0, s.copiesOpUs() - slope * s.count())).toArray();
            rows.put(k, rate(new LinearFit(fixed.length == 0 ? LinearFit.of(pts).fixed() : LatencyMeter.median(fixed), slope), macKeys.get(k)));
        });
        // A family's row is the median of its typical kernels' rows: one slow kernel must not skew a pooled fit.
        familyKernels.forEach((family, kernels) -> rows.put(family, medianRate(kernels.stream().map(rows::get).toList())));
        return rows;
    }

    private Target fit(String name, List<Sample> samples, Map<String, KernelRate> rows, double inference, double dramGBps, String cpuModel, String version) {
        List<LinearFit.Point> elementPoints = new ArrayList<>();
        for (Sample s : samples) {
            if (!usesMacs(s.work()) && s.typical()) elementPoints.add(point(s, inference));
        }
        Target.Cpu cpu = new Target.Cpu(round(inference), rate(LinearFit.of(elementPoints), false), rows,
                cacheBytes(), dramGBps, cpuModel + "; " + Runtime.getRuntime().availableProcessors() + " CPUs visible; OpenVINO " + version,
                LocalDate.now(ZoneOffset.UTC).toString(), Target.Roofline.SUM);
        Map<String, String> sources = new TreeMap<>();
        sources.put("cpu.families", "xambac calibrate" + (quick ? " --quick" : "") + ": per op, ns per element or MAC = least-squares slope over sizes of t(model of the op alone) - inference_fixed_us; fixed_us = "
                + "(t(" + COPIES + " copies) - t(1 copy)) / " + (COPIES - 1) + " at the smallest size less the slope's part; each time the fastest of " + runs
                + " inferences (the least disturbed on a shared machine); a family's row is the median of its ops' rows");
        sources.put("cpu.inference_fixed_us", "median over benchmarks at their smallest size of t(1 copy) - (t(" + COPIES + " independent copies) - t(1 copy)) / " + (COPIES - 1));
        sources.put("cpu.default", "fit over every element-counted measurement");
        sources.put("cpu.roofline", "sum: compute and DRAM streaming do not overlap; on 2026-12-01 bench/cpu_prediction.py found "
                + "predicted/measured 0.64-0.99 with the sum against 0.61-0.88 with the max over ten models (README, 'How close the CPU target is')");
        sources.put("cpu.cache_bytes", "the last-level cache, /sys/devices/system/cpu/cpu0/cache (lscpu's L3)");
        sources.put("cpu.dram_gbps", "the lower of two streaming benchmarks, (in + out bytes) / (time - inference_fixed_us - its compute by the fitted rates; the roofline sums the two): a broadcast Multiply over "
                + (quick ? "2^16" : "2^24") + " f32 elements and an 8-token MatMul with " + (quick ? "2048 x 256" : "2048 x 8192") + " f32 weights");
        return new Target(name, "OpenVINO CPU plugin, f32, latency hint, on " + cpuModel, Target.Kind.CPU, null, cpu, sources);
    }

    /** How messages name a benchmark model: {@code the calibration benchmark MatMul [8, 2048] (1 copy)}. */
    private static String benchmark(Benchmarks.Bench b, long size, int copies) {
        return "the calibration benchmark " + b.name() + " " + Arrays.toString(b.input().apply(size).shape()) + " (" + copies + (copies == 1 ? " copy)" : " copies)");
    }

    /** A sample as a point of its kernel's fit: its count, and its time less the request's. */
    private static LinearFit.Point point(Sample s, double inference) {
        return new LinearFit.Point(s.count(), Math.max(0, s.oneCopyUs() - inference));
    }

    private static KernelRate medianRate(List<KernelRate> rates) {
        return new KernelRate(round(LatencyMeter.median(rates.stream().mapToDouble(KernelRate::fixedUs).toArray())),
                round(LatencyMeter.median(rates.stream().mapToDouble(KernelRate::nsPerElement).toArray())),
                round(LatencyMeter.median(rates.stream().mapToDouble(KernelRate::nsPerMac).toArray())));
    }

    private static KernelRate rate(LinearFit f, boolean macs) {
        double ns = round(f.slope() * 1000);
        return macs ? new KernelRate(round(f.fixed()), 0, ns) : new KernelRate(round(f.fixed()), ns, 0);
    }

    /** Six significant digits keep the JSON readable and stable. */
    private static double round(double v) {
        if (v == 0) return 0;
        return new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }

    private static boolean usesMacs(Work w) { return w.family() == Family.MATMUL || w.family() == Family.CONVOLUTION; }

    /** The work of the op under test (the one located at {@code bench}) in a 1-copy model. */
    private static Work workOf(Operation module) {
        for (FuncOp f : new ModuleOp(module).functions()) {
            for (Operation op : f.body().operations()) {
                if (op.location() instanceof Location.Name n && n.name().equals("bench")) return OpCostings.of(op).orElseThrow().work(op);
            }
        }
        throw new IllegalStateException("no op under test in the benchmark model");
    }

    /** The largest cache of cpu0 (sysfs); 32 MiB when it cannot be read. */
    private static long cacheBytes() {
        long best = 0;
        for (int i = 0; i < 8; i++) {
            Path size = Path.of("/sys/devices/system/cpu/cpu0/cache/index" + i + "/size");
            try {
                String s = Files.readString(size).trim();
                long mult = s.endsWith("K") ? 1024 : s.endsWith("M") ? 1024 * 1024 : 1;
                best = Math.max(best, Long.parseLong(s.replaceAll("[KM]$", "")) * mult);
            } catch (IOException | RuntimeException e) {
                // no such cache level
            }
        }
        return best > 0 ? best : 32L << 20;
    }
}
