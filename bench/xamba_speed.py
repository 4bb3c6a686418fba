"""Speed of the XAMBA rewrites on OpenVINO CPU, measured in one run against OpenVINO's own conversion.

For each model it builds four IRs: OpenVINO's own ONNX conversion (ovc's convert_model, telemetry off), and
`xambac compile --target cpu` with `--xamba none`, `--xamba auto` (cost-guided) and `--xamba contract,cumba,reduba`
(forced). All are compiled on CPU with the same settings (f32, same thread count) and run round-robin on the
model's reference input; the table gives the median time of each and the speedups. It also prints what each
rewrite did under `auto` (from --remarks), e.g. whether CumBA was applied on the CPU and why not.

usage: .venv/bin/python bench/xamba_speed.py [--threads N] [--runs N] OUT_DIR MODEL.onnx...   (build first)
"""
import argparse
import collections
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ov_no_telemetry  # noqa: E402,F401  (before openvino: ov.convert_model below sends no telemetry)

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
XAMBAC = os.path.join(ROOT, "bin", "xambac")
VARIANTS = [("none", "none"), ("auto", "auto"), ("forced", "contract,cumba,reduba")]


def compile_xamba(onnx_path, out_dir, name, choice):
    xml = os.path.join(out_dir, f"{name}.{choice.replace(',', '_')}.xml")
    done = subprocess.run([XAMBAC, "compile", onnx_path, "-o", xml, "--target", "cpu", "--xamba", choice, "--remarks"],
                          check=True, capture_output=True, text=True)
    return xml, done.stderr


def decisions(remarks):
    """'xamba-cumba: applied' / 'not applied: <reason>' counts from --remarks output."""
    counts = collections.Counter()
    for line in remarks.splitlines():
        m = re.search(r"\[(xamba-[a-z]+)\] (applied|not applied: [^;(]*)", line)
        if m:
            counts[(m.group(1), m.group(2).strip())] += 1
    return counts


def same_ir(a_xml, b_xml):
    """Whether two compiled models are byte-identical (.xml and .bin): then any timing difference is noise."""
    def read(p):
        with open(p, "rb") as f:
            return f.read()
    return read(a_xml) == read(b_xml) and read(a_xml[:-4] + ".bin") == read(b_xml[:-4] + ".bin")


def measure(requests, inputs, runs, budget_s):
    """Round-robin over the compiled models, `runs` rounds at most (fewer if over budget); medians in ms."""
    times = {k: [] for k in requests}
    for r in requests.values():
        r.infer(inputs)  # warm-up
    start = time.perf_counter()
    for i in range(runs):
        for k, r in requests.items():
            t0 = time.perf_counter()
            r.infer(inputs)
            times[k].append((time.perf_counter() - t0) * 1000)
        if i >= 4 and time.perf_counter() - start > budget_s:
            break
    return {k: statistics.median(v) for k, v in times.items()}, len(next(iter(times.values())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--budget", type=float, default=40.0, help="seconds of timing per model, at most")
    ap.add_argument("out_dir")
    ap.add_argument("models", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    core = ov.Core()
    config = {"INFERENCE_PRECISION_HINT": "f32", "INFERENCE_NUM_THREADS": args.threads, "PERFORMANCE_HINT": "LATENCY"}
    rows = []
    for onnx_path in args.models:
        name = os.path.splitext(os.path.basename(onnx_path))[0]
        ids = np.load(onnx_path[:-len(".onnx")] + ".io.npz")["input_ids"]
        requests = {}
        notes = []
        xmls = {}
        for label, choice in VARIANTS:
            xml, remarks = compile_xamba(onnx_path, args.out_dir, name, choice)
            xmls[label] = xml
            requests[label] = core.compile_model(core.read_model(xml), "CPU", config).create_infer_request()
            if label == "auto":
                for (pattern, what), n in sorted(decisions(remarks).items()):
                    notes.append(f"  auto on cpu: {pattern} {what} ×{n}")
        try:
            ovc = ov.convert_model(onnx_path)
            requests["ovc"] = core.compile_model(ovc, "CPU", config).create_infer_request()
        except Exception as e:  # OpenVINO's ONNX frontend refuses some real exports
            notes.append(f"  ovc cannot convert: {str(e).strip().splitlines()[-1]}")
        med, n = measure(requests, {"input_ids": ids}, args.runs, args.budget)
        same = same_ir(xmls["none"], xmls["auto"])
        rows.append((name, med, n, same))
        print(f"{name}: " + ", ".join(f"{k} {v:.3f} ms" for k, v in med.items()) + f" (median of {n})", flush=True)
        for line in notes:
            print(line, flush=True)
    print()
    print(f"| model | ovc ms | xamba none ms | xamba auto ms | forced ms | auto vs ovc | auto vs none | auto IR = none IR |"
          f"  (CPU f32, {args.threads} threads, medians)")
    print("|---|---|---|---|---|---|---|---|")
    for name, med, n, same in rows:
        ovc = med.get("ovc")
        fmt = lambda v: "—" if v is None else f"{v:.2f}"  # noqa: E731
        vs_ovc = "—" if ovc is None else f"{ovc / med['auto']:.1f}×"
        print(f"| {name} | {fmt(ovc)} | {fmt(med['none'])} | {fmt(med['auto'])} | {fmt(med['forced'])} | {vs_ovc} | "
              f"{med['none'] / med['auto']:.1f}× | {'yes (timing noise only)' if same else 'no'} |")


if __name__ == "__main__":
    main()
