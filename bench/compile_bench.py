"""Whole-process compile time and peak memory of `bin/xambac compile` against OpenVINO's converter (`ovc`), side by
side on the same ONNX files in the same run, plus OpenVINO CPU latency of both IRs. Writes a Markdown report (--out),
rewritten as each table, and each model of the converter table, is done: a failure late in a run keeps what came
before. An xambac failure stops the run (with the command and xambac's stderr); a converter failure is a table row.

Both tools write IR (.xml + .bin), f32 and f16 weights (`--compress-fp16` / `--compress_to_fp16=True`). Runs are
interleaved (xambac, ovc, xambac, ovc, ... with the order flipped every run) and the table gives medians. Peak RSS
is GNU time's `%M` (bin/xambac execs java, so it is the JVM's own). OpenVINO's telemetry is off:
ovc disables it when `CI=true` is in the environment (openvino_telemetry's documented CI opt-out), which is set for
every converter run.

With --warm it also runs the JMH benchmark CompileScalingBenchmark: the same generated models compiled in one JVM
after a time-based warm-up, the compiler's own time per node without the JVM's start-up and JIT warm-up.

usage: bench/compile_bench.sh [--quick] [--runs N] [--small-runs N] [--per-node-rounds N] [--per-node-only]
                              [--warm] [--warm-seconds S] [--layers 1,6,24,96] [--precisions f32,f16] [--out FILE]
       (the wrapper builds what is missing)
"""
import argparse
import collections
import json
import math
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_ir  # noqa: E402  (its CPU latency measurement is reused)
import make_deep_model  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
XAMBAC = os.path.join(ROOT, "bin", "xambac")
OVC = os.path.join(os.path.dirname(sys.executable), "ovc")
TIME = "/usr/bin/time"  # GNU time
SHARED_MODELS = ["mamba2_130m_l1_t64_dynamo", "mamba2_130m_l2_t8", "mamba_130m_l2_t8"]
LAYERS = [1, 6, 24, 96]
QUICK_LAYERS = [1, 6]


# phases: xambac's own seconds per compile phase, from its `--timing` report, when asked for (else None).
Sample = collections.namedtuple("Sample", "wall rss_mb cpu phases", defaults=(None,))

# The phases of `xambac compile --timing`'s compile report, in its order, with the per-node table's labels.
PHASES = (("import", "import"), ("passes", "passes"), ("writing weights", "writing"))
PHASE_LINE = re.compile(r"^\s+([\d.]+) \(\s*[\d.]+%\)  (" + "|".join(p for p, _ in PHASES) + r")$", re.M)


class ProcessFailed(RuntimeError):
    """A measured process exited non-zero. str() is its last stderr line (short enough for a table's footnote);
    `details()` gives the command and its whole stderr, for a failure that stops the run."""

    def __init__(self, cmd, returncode, stderr):
        lines = [l for l in stderr.strip().splitlines() if l.strip()]
        super().__init__(lines[-1] if lines else f"exit {returncode}")
        self.cmd, self.returncode, self.stderr = cmd, returncode, stderr

    def details(self):
        return f"`{shlex.join(self.cmd)}` exited {self.returncode}; its stderr:\n{self.stderr.rstrip()}"


def measure(cmd, env=None, out=None, phases=False):
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one process, and with `phases` the seconds of
    each phase its `--timing` report gives; raises ProcessFailed (with its stderr) when it fails.

    The peak comes from GNU time's wait4 on its own small child: Linux carries the forking process's high-water RSS
    into a child's ru_maxrss across exec, so measuring from this (large) Python process would inflate it.

    The IR a previous run left at `out` (.xml and up to 1.5 GB of .bin) is deleted and the file system synced
    first, untimed: replacing it, and writing back its pages, would otherwise slow whichever run comes next."""
    if out:
        for stale in (out, out[:-len(".xml")] + ".bin"):
            if os.path.exists(stale):
                os.remove(stale)
    os.sync()
    with tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss:
        start = time.perf_counter()
        proc = subprocess.run([TIME, "-f", "%M %U %S", "-o", rss.name] + cmd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise ProcessFailed(cmd, proc.returncode, proc.stderr.decode(errors="replace"))
        peak_kb, user, system = rss.read().split()[-3:]
        found = {name: float(sec) for sec, name in PHASE_LINE.findall(proc.stderr.decode(errors="replace"))} if phases else None
        if phases and len(found) != len(PHASES):
            raise RuntimeError(f"no compile time report (phases found: {sorted(found)})")
        return Sample(wall, int(peak_kb) / 1024, float(user) + float(system), found)


def measure_xambac(cmd, out, phases=False):
    """measure() for an xambac compile, whose failure stops the benchmark: no table has a place for it, and it is
    ours to fix. The error gives the command and xambac's whole stderr (the last line alone rarely says why)."""
    try:
        return measure(cmd, out=out, phases=phases)
    except ProcessFailed as e:
        raise RuntimeError(f"xambac failed: {e.details()}") from None


def weights_mb(onnx_path):
    model = onnx.load(onnx_path, load_external_data=False)
    total = 0
    for init in model.graph.initializer:
        total += int(np.prod(init.dims, dtype=np.int64)) * onnx.helper.tensor_dtype_to_np_dtype(init.data_type).itemsize
    return len(model.graph.node), total / 1e6


class Tools:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.ovc_env = dict(os.environ, CI="true")

    def xambac(self, model, fp16, timing=False):
        out = os.path.join(self.out_dir, "xamba.xml")
        return [XAMBAC, "compile", model, "-o", out] + (["--compress-fp16"] if fp16 else []) + \
            (["--timing"] if timing else []), out

    def ovc(self, model, fp16):
        out = os.path.join(self.out_dir, "ovc.xml")
        return [OVC, model, "--output_model", out, f"--compress_to_fp16={fp16}"], out


def bench_pair(tools, model, fp16, runs):
    """Medians over interleaved runs: {'xambac': Sample, 'ovc': Sample or error string}."""
    samples = {"xambac": [], "ovc": []}
    errors = {}
    for run in range(runs):
        order = ["xambac", "ovc"] if run % 2 == 0 else ["ovc", "xambac"]
        for tool in order:
            if tool in errors:
                continue
            cmd, out = getattr(tools, tool)(model, fp16)
            if tool == "xambac":
                samples[tool].append(measure_xambac(cmd, out))
                continue
            try:
                samples[tool].append(measure(cmd, tools.ovc_env, out))
            except ProcessFailed as e:  # the converter cannot read some exports: the table says so, with its reason
                errors[tool] = str(e)
    result = {}
    for tool, values in samples.items():
        result[tool] = errors.get(tool) or Sample(*(statistics.median(v[i] for v in values) for i in range(3)))
    return result


def latency_ms(tools, model, reference, runs):
    """OpenVINO CPU latency (f32 inference) of the IR each tool wrote, reusing compare_ir's measurement: {tool: ms},
    None for a converter that fails (the converter table gives its reason). An xambac failure raises."""
    import openvino as ov
    core = ov.Core()
    ids = np.load(reference)["input_ids"]
    found = {}
    for tool in ("xambac", "ovc"):
        cmd, out = getattr(tools, tool)(model, False)
        if tool == "xambac":
            measure_xambac(cmd, out)
        else:
            try:
                measure(cmd, tools.ovc_env, out)
            except ProcessFailed:
                found[tool] = None
                continue
        found[tool] = compare_ir.infer_ms(core, core.read_model(out), {"input_ids": ids}, runs=runs)
    return found


def per_node_rounds(tools, deep, rounds):
    """xambac (f32) on every generated model, in rounds that each compile every depth of both families, the order
    flipped every round: the marginals subtract one depth's time from another's, so the depths are interleaved like the
    two tools are (measured minutes apart, the host's drift would enter the difference). {(family, n): ([Sample per
    round], nodes)}."""
    samples = {key: [] for key in deep}
    keys = sorted(deep)
    for run in range(rounds):
        for key in keys if run % 2 == 0 else keys[::-1]:
            cmd, out = tools.xambac(deep[key][0], False, timing=True)
            samples[key].append(measure_xambac(cmd, out, phases=True))
        print(f"compile_bench: per-node round {run + 1}/{rounds}", file=sys.stderr, flush=True)
    return {key: (samples[key], deep[key][1]) for key in keys}


def warm_per_node(deep, warm_seconds):
    """JMH's CompileScalingBenchmark on every generated model: {(family, n): ([ms per measured compile], nodes)}.
    Raises when JMH fails or any model has no result (a table without that depth would pass for a whole one)."""
    families = sorted({k[0] for k in deep})
    layers = sorted({k[1] for k in deep})
    models_dir = os.path.dirname(next(iter(deep.values()))[0])
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        # -jvmArgsPrepend: a command line's -jvmArgsAppend would replace the benchmark's own (its collector flags).
        # -foe true: otherwise JMH exits 0 when a benchmark fails (a missing model's IllegalStateException, an
        # OutOfMemoryError) and just leaves it out of the results.
        cmd = ["java", "-jar", os.path.join(ROOT, "bench", "target", "benchmarks.jar"),
               "CompileScalingBenchmark", "-p", "family=" + ",".join(families), "-p", "layers=" + ",".join(map(str, layers)),
               "-p", f"warmupSeconds={warm_seconds}", "-jvmArgsPrepend", f"-Dxamba.deepModels={models_dir}",
               "-foe", "true", "-rf", "json", "-rff", out.name]
        print("compile_bench: " + shlex.join(cmd), file=sys.stderr, flush=True)
        done = subprocess.run(cmd, stdout=sys.stderr)
        if done.returncode != 0:
            raise RuntimeError(f"JMH failed (exit {done.returncode}; its log is above): {shlex.join(cmd)}")
        with open(out.name) as f:
            results = json.load(f)
    return warm_results(results, deep)


def warm_results(results, deep):
    """CompileScalingBenchmark's JMH JSON results as warm_per_node returns them, checked to hold every model of
    `deep` ({(family, layers): (path, nodes)})."""
    found = {}
    for r in results:
        key = (r["params"]["family"], int(r["params"]["layers"]))
        found[key] = ([x for fork in r["primaryMetric"]["rawData"] for x in fork], deep[key][1])
    missing = sorted(set(deep) - set(found))
    if missing:
        raise RuntimeError("CompileScalingBenchmark gave no result for " +
                           ", ".join(f"{family} {layers} layers" for family, layers in missing))
    return found


def models(quick, layers):
    shared = os.path.join(ROOT, "..", "shared", "models")
    for name in SHARED_MODELS if not quick else SHARED_MODELS[:1]:
        yield name, os.path.join(shared, name + ".onnx"), os.path.join(shared, name + ".io.npz"), None
    for n in layers:
        for family in ("mamba2", "mamba"):
            path = make_deep_model.main(["--family", family, "--layers", str(n)])
            ref = os.path.join(shared, make_deep_model.SOURCES[family] + ".io.npz")
            yield os.path.basename(path)[:-5], path, ref, (family, n)


def fmt_ratio(a, b):
    return f"{a / b:.2f}×" if isinstance(a, float) and isinstance(b, float) else "—"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    import openvino as ov
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {platform.system()} {platform.release()}; " \
           f"{java}; OpenVINO {ov.get_version()}"


# Models with fewer MB of weights get more runs (--small-runs): the 1- and 6-layer models' per-node marginal
# divides the difference of two sub-second, noisy wall times by under a thousand nodes.
SMALL_MB = 100


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one shared model, 1- and 6-layer generated models")
    parser.add_argument("--runs", type=int, default=None, help="runs per tool and precision (default 5, quick 3)")
    parser.add_argument("--small-runs", type=int, default=None,
                        help=f"runs for models under {SMALL_MB} MB of weights (default 3x --runs): their per-node "
                             "marginal divides a difference of two short, noisy times by few nodes")
    parser.add_argument("--layers", default=None, help="generated model depths, e.g. 1,6,24,96")
    parser.add_argument("--precisions", default="f32,f16", help="weight precisions to compile, e.g. f32 (default f32,f16)")
    parser.add_argument("--per-node-rounds", type=int, default=None,
                        help="rounds of the per-node measurement, each compiling every generated model (default 11, quick 3)")
    parser.add_argument("--per-node-only", action="store_true",
                        help="only the per-node measurement (no converter runs, no latency)")
    parser.add_argument("--warm", action="store_true",
                        help="also the warm per-node time: JMH's CompileScalingBenchmark, all compiles in one JVM")
    parser.add_argument("--warm-seconds", type=int, default=20,
                        help="seconds of compiles that warm each model's JVM up before it is measured (default 20)")
    parser.add_argument("--latency-runs", type=int, default=10)
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "bench", "compile_bench.md"))
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    args.small_runs = args.small_runs or 3 * runs
    args.per_node_rounds = args.per_node_rounds or (3 if args.quick else 11)
    layers = [int(n) for n in args.layers.split(",")] if args.layers else (QUICK_LAYERS if args.quick else LAYERS)
    rows, deep_models, latency, peer = [], {}, [], {}
    report = Report(args.out, [f"Machine: {machine()}.", ""])
    try:
        measure_all(args, runs, layers, report, rows, deep_models, latency, peer)
    except BaseException:
        print(f"compile_bench: stopped; what was measured before is in {args.out}", file=sys.stderr)
        raise
    print(report.text(final=True))


def measure_all(args, runs, layers, report, rows, deep_models, latency, peer):
    """Measures and renders every table into `report`, which is written to its file as each table (and each model
    of the converter table) is done."""
    with tempfile.TemporaryDirectory(prefix="compile_bench") as tmp:
        tools = Tools(tmp)
        for name, path, ref, deep in models(args.quick, layers):
            nodes, wmb = weights_mb(path)
            if deep:
                deep_models[deep] = (path, nodes)
            if args.per_node_only:
                continue
            for fp16 in [p == "f16" for p in args.precisions.split(",")]:
                r = bench_pair(tools, path, fp16, args.small_runs if wmb < SMALL_MB else runs)
                x, o = r["xambac"], r["ovc"]
                rows.append((name, nodes, wmb, "f16" if fp16 else "f32", x, o))
                if deep and not fp16 and not isinstance(o, str):
                    peer[deep] = (o[0], nodes)
                print(f"compile_bench: {name} {'f16' if fp16 else 'f32'}: xambac {x}, ovc {o}", file=sys.stderr, flush=True)
            if deep is None or deep[1] <= 6:
                lat = latency_ms(tools, path, ref, args.latency_runs)
                latency.append((name, lat["xambac"], lat["ovc"]))
            report.write(render_pairs(rows, latency, runs, args))  # the rows so far
        if not args.per_node_only:
            report.add(render_pairs(rows, latency, runs, args))
        per_node = per_node_rounds(tools, deep_models, args.per_node_rounds)
        report.add(render_per_node(per_node, args, peer))
    if args.warm and deep_models:
        report.add([""] + render_warm(warm_per_node(deep_models, args.warm_seconds), args))
    report.write(final=True)


class Report:
    """The Markdown report, written to its file again whenever a table (or a row of the converter table) is done: a
    run takes 10-60 minutes, and a failure late in it must not lose the tables measured before. Until the run ends
    the file closes with a line saying that it is incomplete."""
    INCOMPLETE = "*Incomplete: the run stopped or is still running; the table above may lack rows, the ones after it are missing.*"

    def __init__(self, path, head):
        self.path = path
        self.lines = list(head)  # the finished tables' lines
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.write()  # at once: a previous run's report left there would pass for this one's

    def text(self, pending=(), final=False):
        return "\n".join(self.lines + list(pending) + ([] if final else ["", self.INCOMPLETE])) + "\n"

    def add(self, lines):
        """A finished table."""
        self.lines += lines
        self.write()

    def write(self, pending=(), final=False):
        """The finished tables and `pending`, a table still growing; replaced atomically (a reader, or a failure
        while writing, never sees half a file)."""
        staged = self.path + ".part"
        with open(staged, "w") as f:
            f.write(self.text(pending, final))
        os.replace(staged, self.path)


def render_pairs(rows, latency, runs, args):
    lines = [f"`bench/compile_bench.sh{' --quick' if args.quick else ''}`: medians of {runs} interleaved runs per tool "
             f"and precision ({args.small_runs} for models under {SMALL_MB} MB of weights); whole process (JVM or Python "
             "start-up included); ovc with `CI=true` (telemetry off).", "",
             "| model | nodes | weights MB | weights | xambac s | ovc s | time xambac/ovc | xambac peak RSS MB | "
             "ovc peak RSS MB | RSS xambac/ovc | xambac RSS/weights |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    reasons = []  # the converter's distinct failure messages: footnote k is reasons[k - 1]
    for name, nodes, wmb, precision, x, o in rows:
        o_ok = not isinstance(o, str)
        if not o_ok and o not in reasons:
            reasons.append(o)
        fails = "" if o_ok else "fails" + superscript(reasons.index(o) + 1)
        lines.append(f"| `{name}` | {nodes} | {wmb:.0f} | {precision} | {x[0]:.2f} | "
                     f"{f'{o[0]:.2f}' if o_ok else fails} | {fmt_ratio(x[0], o[0]) if o_ok else '—'} | {x[1]:.0f} | "
                     f"{f'{o[1]:.0f}' if o_ok else '—'} | {fmt_ratio(x[1], o[1]) if o_ok else '—'} | {x[1] / wmb:.2f} |")
    for k, why in enumerate(reasons, 1):  # a paragraph each (Markdown would run adjacent lines together)
        lines += ["", f"{superscript(k)} OpenVINO's converter cannot read it: `{why[:160]}`"]
    lines += ["", f"OpenVINO CPU latency of the f32 IRs (one inference, mean of {args.latency_runs} after a warm-up, "
              "`INFERENCE_PRECISION_HINT=f32`, measured by `bench/compare_ir.py`'s `infer_ms`):", "",
              "| model | xambac IR ms | ovc IR ms |", "|---|---|---|"]
    for name, x, o in latency:
        lines.append(f"| `{name}` | {x:.1f} | {'—' if o is None else f'{o:.1f}'} |")
    return lines + [""]


def superscript(k):
    return str(k).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def render_per_node(per_node, args, peer):
    depths = sorted({k[1] for k in per_node})
    lines = ["xambac compile time per ONNX node (f32), generated models, "
             f"{args.per_node_rounds} rounds that each compile every model below (order flipped every round). *Whole*: "
             "the median process wall time over its nodes (JVM start-up and warm-up included, so it falls with size). "
             f"*Marginal*: the time beyond the {depths[0]}-layer model's over the nodes beyond its nodes, in wall time and "
             "in CPU time (user + system, which waiting for a busy machine's cores does not inflate), taken within each "
             "round (the two compiles minutes apart would carry the host's drift into the difference) and the median "
             "over rounds given; flat marginal times mean linear scaling. The *marginal import*, *passes* and *writing* "
             "rows split the marginal wall time by the compile's phases (its `--timing` report; the rest is the JVM's "
             "start-up and exit, the same at every size)" +
             ("; *ovc marginal wall* is the converter's, for comparison, from the f32 medians of the table above (its "
              "runs interleaved with xambac's there, not in these rounds)" if peer else "") + ":", ""] + \
        per_node_header(depths)
    spread = []
    for family in ("mamba2", "mamba"):
        keys = [k for k in sorted(per_node) if k[0] == family]
        if not keys:
            continue
        whole = [statistics.median(s.wall for s in per_node[k][0]) / per_node[k][1] * 1e6 for k in keys]
        lines.append(per_node_row(family, "whole", whole))
        rows = [("marginal wall", lambda s: s.wall), ("marginal CPU", lambda s: s.cpu)] + \
            [(f"marginal {label}", lambda s, p=phase: s.phases[p]) for phase, label in PHASES]
        for label, value in rows:
            marginal = fresh_marginals(per_node, keys, value)
            if marginal:
                lines.append(per_node_row(family, label, marginal, first_skipped=True))
        peer_keys = [k for k in keys if k in peer]
        if len(peer_keys) == len(keys) > 1:
            s0, n0 = peer[keys[0]]
            lines.append(per_node_row(family, "ovc marginal wall", [(peer[k][0] - s0) / (peer[k][1] - n0) * 1e6
                                                                     for k in keys[1:]], first_skipped=True))
        interval = marginal_ratio_interval(per_node, keys)
        if interval:
            low, high, unbounded = interval
            spread.append(f"{family} {fmt_interval(low, high)}" +
                          (f" ({unbounded} of {BOOTSTRAP_DRAWS} draws had a marginal ≤ 0, their max/min unbounded)"
                           if unbounded else ""))
    if spread:
        lines += ["", f"How far the marginal wall times' max/min moves with the rounds drawn (90% bootstrap interval, "
                      f"{BOOTSTRAP_DRAWS} resamples of the rounds, fixed seed): {', '.join(spread)}."]
    return lines


def max_min(values):
    """max/min of per-node times, or infinity when one is ≤ 0: a time that does not grow with the model (noise
    larger than the difference) bounds no ratio, and dividing by it would print a negative or infinite one."""
    return max(values) / min(values) if min(values) > 0 else math.inf


def fmt_interval(low, high):
    """'1.12–1.39×'; an infinite end (too many draws with a marginal ≤ 0) is 'unbounded'."""
    if math.isinf(low):
        return "unbounded"
    return f"{low:.2f}×–unbounded" if math.isinf(high) else f"{low:.2f}–{high:.2f}×"


BOOTSTRAP_DRAWS = 2000


def fresh_marginals(per_node, keys, value, rounds=None):
    """µs per node beyond the first depth's, median over the rounds given (all by default) of each round's difference
    of `value` (seconds, of a Sample)."""
    first, n0 = per_node[keys[0]]
    rounds = range(len(first)) if rounds is None else rounds
    return [statistics.median((value(per_node[k][0][r]) - value(first[r])) / (per_node[k][1] - n0)
                              * 1e6 for r in rounds) for k in keys[1:]]


def marginal_ratio_interval(per_node, keys):
    """5th and 95th percentile of the marginal wall times' max/min over rounds resampled with replacement, and how
    many draws had a marginal ≤ 0 (their max/min is unbounded: counted as infinity, above every finite ratio, so the
    95th percentile is unbounded when over 5% of the draws are). The bar on that ratio is near its run-to-run spread,
    so the report says how wide the spread is. None below 2 marginals or 3 rounds."""
    rounds = len(per_node[keys[0]][0]) if keys else 0
    if len(keys) < 3 or rounds < 3:
        return None
    rng = np.random.default_rng(20260101)
    ratios = sorted(max_min(fresh_marginals(per_node, keys, lambda s: s.wall, rng.integers(0, rounds, rounds)))
                    for _ in range(BOOTSTRAP_DRAWS))
    unbounded = sum(math.isinf(r) for r in ratios)
    return percentile(ratios, 5), percentile(ratios, 95), unbounded


def percentile(ordered, q):
    """numpy's default (linear) percentile of sorted values, but infinity-safe: np.percentile interpolates
    inf - inf and 0 * inf into nan."""
    pos = q / 100 * (len(ordered) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    a, b = ordered[lo], ordered[hi]
    return a if lo == hi or a == b else a + (b - a) * (pos - lo)


def per_node_header(depths):
    return ["| family | per node | " + " | ".join(f"{n} layers" for n in depths) + " | max/min |",
            "|---|---|" + "---|" * (len(depths) + 1)]


def per_node_row(family, label, values, first_skipped=False):
    """µs per node at each depth and their max/min; a marginal row has no cell for the first depth."""
    cells = (["—"] if first_skipped else []) + [f"{v:.0f} µs" for v in values]
    ratio = max_min(values)
    shown = "unbounded (a value ≤ 0)" if math.isinf(ratio) else f"{ratio:.2f}"
    return f"| {family} | {label} | " + " | ".join(cells) + f" | {shown} |"


def render_warm(warm, args):
    depths = sorted({k[1] for k in warm})
    runs = min(len(v[0]) for v in warm.values())
    lines = ["The compiler's own time per ONNX node, warm (`--warm`: JMH's `CompileScalingBenchmark`, f32, the whole "
             "compile with its .xml and .bin written, in one JVM per model (bin/xambac's collector, C1 and C2) after "
             f"{args.warm_seconds} s of compiling it; median of {runs} compiles): no JVM start-up, no JIT warm-up. "
             "*Whole*: a compile's time over its nodes (a compile's fixed work, such as reading the target, weighs "
             f"most on the smallest model); *marginal*: the time beyond the {depths[0]}-layer model's over the nodes "
             "beyond its nodes:", ""] + per_node_header(depths)
    for family in ("mamba2", "mamba"):
        keys = [k for k in sorted(warm) if k[0] == family]
        if not keys:
            continue
        ms = {k: statistics.median(warm[k][0]) for k in keys}
        lines.append(f"| {family} | compile ms | " + " | ".join(f"{ms[k]:.0f}" for k in keys) + " | |")
        whole = [ms[k] / warm[k][1] * 1e3 for k in keys]
        lines.append(per_node_row(family, "whole", whole))
        n0 = warm[keys[0]][1]
        marginal = [(ms[k] - ms[keys[0]]) / (warm[k][1] - n0) * 1e3 for k in keys[1:]]
        if marginal:
            lines.append(per_node_row(family, "marginal", marginal, first_skipped=True))
    return lines


if __name__ == "__main__":
    main()
