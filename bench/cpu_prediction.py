"""Predicted vs measured OpenVINO CPU latency of the `cpu` target, model by model.

For each model (the shared 130M-shaped and tiny exports, and 4- and 24-layer models that bench/make_deep_model.py
builds under target/deep-models), `xambac report M --target-file T --measure --runs R --format json` gives the
cost model's total and the OpenVINO CPU plugin's median latency of R inferences. The whole sweep is repeated
--reps times, models interleaved, and the table gives the median over the repetitions (the machine is shared:
one slow repetition does not move a median of three). Each target file is one variant of the model (by default
the committed cpu.json with "roofline": "max" and "sum"); only the first is measured, the others only predicted,
so every variant is compared against the same measurements.

usage: .venv/bin/python bench/cpu_prediction.py [--reps 3] [--runs 5] [--quick] [--ops MODEL_STEM]
       prints a Markdown table (and, with --ops, the costliest ops of one model, predicted vs measured per layer)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
XAMBAC = os.path.join(ROOT, "bin", "xambac")
SHARED = os.path.join(ROOT, "..", "shared", "models")
CPU_JSON = os.path.join(ROOT, "optimizer", "src", "main", "resources", "dev", "xamba", "opt", "cost", "targets", "cpu.json")
DEEP = [("mamba", 4), ("mamba2", 4), ("mamba", 24), ("mamba2", 24)]


def models(quick):
    found = sorted(os.path.join(SHARED, f) for f in os.listdir(SHARED) if f.endswith(".onnx"))
    if quick:
        return found[:3]
    for family, layers in DEEP:
        out = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_deep_model.py"), "--family", family,
                              "--layers", str(layers)], check=True, capture_output=True, text=True).stdout
        found.append(out.strip().splitlines()[-1])
    return found


def variants(tmp):
    with open(CPU_JSON) as f:
        base = json.load(f)
    files = []
    for roofline in ("max", "sum"):
        t = json.loads(json.dumps(base))
        t["cpu"]["roofline"] = roofline
        path = os.path.join(tmp, f"cpu_{roofline}.json")
        with open(path, "w") as f:
            json.dump(t, f)
        files.append((roofline, path))
    return files


def report(model, target_file, runs=None):
    cmd = [XAMBAC, "report", model, "--target-file", target_file, "--format", "json"]
    if runs:
        cmd += ["--measure", "--runs", str(runs)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def stem(path):
    return os.path.basename(path).replace(".onnx", "")


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0] * len(values)
    for rank, i in enumerate(order):
        r[i] = rank
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--ops", help="also list the costliest ops of this model (file stem), predicted vs measured")
    args = ap.parse_args()

    ms = models(args.quick)
    with tempfile.TemporaryDirectory() as tmp:
        vs = variants(tmp)
        predicted = {(stem(m), name): report(m, f)["total_us"] for m in ms for name, f in vs}
        measured = {stem(m): [] for m in ms}
        fastest = {stem(m): [] for m in ms}
        loads = []
        last = {}
        for rep in range(args.reps):
            for m in ms:
                r = report(m, vs[0][1], args.runs)
                measured[stem(m)].append(r["measured"]["total_us"])
                fastest[stem(m)].append(r["measured"]["fastest_us"])
                loads.append(os.getloadavg()[0])
                last[stem(m)] = r
                print(f"rep {rep + 1}/{args.reps} {stem(m)}: {r['measured']['total_us'] / 1000:.2f} ms", file=sys.stderr)

    names = [stem(m) for m in ms]
    med = {n: statistics.median(measured[n]) for n in names}
    with open(CPU_JSON) as f:
        cpu = json.load(f)["cpu"]
    print(f"cpu.json measured on {cpu['measured_on']}, {cpu['date']}; OpenVINO CPU latency: median over {args.reps} "
          f"repetitions of the median of {args.runs} inferences (one thread, latency hint, f32); fastest: the fastest "
          f"inference of all; 1-minute load average during the measurements {min(loads):.1f}-{max(loads):.1f} on "
          f"{os.cpu_count()} CPUs.\n")
    header = "| model | measured ms (median) | fastest ms | " + " | ".join(f"predicted ms ({n}) | ratio ({n})" for n, _ in vs) + " |"
    print(header)
    print("|" + "---|" * (3 + 2 * len(vs)))
    for n in names:
        cells = [f"{predicted[(n, v)] / 1000:.3f} | {predicted[(n, v)] / med[n]:.2f}" for v, _ in vs]
        print(f"| {n} | {med[n] / 1000:.3f} | {min(fastest[n]) / 1000:.3f} | " + " | ".join(cells) + " |")
    print()
    for v, _ in vs:
        ratios = [predicted[(n, v)] / med[n] for n in names]
        within = sum(1 for x in ratios if 0.5 <= x <= 2)
        same_rank = ranks([predicted[(n, v)] for n in names]) == ranks([med[n] for n in names])
        fast = [predicted[(n, v)] / min(fastest[n]) for n in names]
        print(f"roofline {v}: against the median {within}/{len(names)} within 2x (ratios {min(ratios):.2f}-{max(ratios):.2f}), "
              f"against the fastest {sum(1 for x in fast if 0.5 <= x <= 2)}/{len(names)} ({min(fast):.2f}-{max(fast):.2f}); "
              f"ranking {'right' if same_rank else 'not the same'} on all {len(names)}")
    if args.ops and args.ops in last:
        r = last[args.ops]
        print(f"\ncostliest ops of {args.ops} (last repetition, roofline {vs[0][0]}):\n")
        print("| op | type | predicted ms | measured ms |")
        print("|---|---|---|---|")
        for op in sorted(r["ops"], key=lambda o: -o["us"])[:12]:
            meas = "-" if op.get("measured_us") is None else f"{op['measured_us'] / 1000:.3f}"
            print(f"| {op['name']} | {op['type']} | {op['us'] / 1000:.3f} | {meas} |")


if __name__ == "__main__":
    main()
