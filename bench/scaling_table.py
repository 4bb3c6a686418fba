#!/usr/bin/env python3
"""Prints PassScalingBenchmark's JMH JSON results (one or more files) as a Markdown table: total time and time
per op at each size, and the per-op ratio of the largest size to the smallest (issue 7 asks for at most 2).
Times are the median of the measured invocations: on a shared machine one slow invocation would skew a mean."""
import json
import statistics
import sys

rows = {}
for path in sys.argv[1:]:
    for r in json.load(open(path)):
        p = r["params"]
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]  # ms per invocation
        rows.setdefault(p["pass"], {})[int(p["n"])] = statistics.median(raw)
sizes = sorted({n for by_n in rows.values() for n in by_n})
print("| pass | " + " | ".join(f"n={n // 1000}k: median total, per op" for n in sizes) + " | per-op ratio largest/smallest n |")
print("|" + "---|" * (len(sizes) + 2))
for name, by_n in rows.items():
    cells, per_op = [], {}
    for n in sizes:
        if n in by_n:
            per_op[n] = by_n[n] * 1000.0 / n
            cells.append(f"{by_n[n]:,.1f} ms, {per_op[n]:.2f} µs")
        else:
            cells.append("not run")
    ks = sorted(per_op)
    ratio = f"{per_op[ks[-1]] / per_op[ks[0]]:.2f}×" if len(ks) > 1 else "—"
    print(f"| {name} | " + " | ".join(cells) + f" | {ratio} |")
