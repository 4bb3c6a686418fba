#!/usr/bin/env python3
"""Prints PassScalingBenchmark's JMH JSON results (one or more files) as a Markdown table: total time and time
per op at each size, and the per-op ratio of the largest size to the smallest (issue 7 asks for at most 2).
Times are the median of the measured invocations: on a shared machine one slow invocation would skew a mean.

usage: bench/scaling_table.py [--expected LP_OUTPUT] RESULT.json...
  --expected: the output of `benchmarks.jar PassScalingBenchmark -lp [-p ...]` (what bench/scaling.sh asked for);
  without it, every pass seen is expected at every size seen.
Exits 1, naming them, when any expected (pass, n) pair has no result: a benchmark that failed at one size must not
leave a table (and a largest/smallest ratio) over the sizes that happened to finish."""
import argparse
import json
import re
import statistics
import sys


def expected_pairs(lp_text):
    """{'pass': [...], 'n': [...]} from JMH's `-lp` listing (lines `  param "pass" = {cse, bogus}`)."""
    params = {name: [v.strip() for v in values.split(",") if v.strip()]
              for name, values in re.findall(r'param "(\w+)" = \{([^}]*)\}', lp_text)}
    if "pass" not in params or "n" not in params:
        raise SystemExit(f"scaling_table: no `pass` and `n` parameters in the -lp listing:\n{lp_text}")
    return {(p, int(n)) for p in params["pass"] for n in params["n"]}


def read_results(paths):
    rows = {}
    for path in paths:
        with open(path) as f:
            text = f.read()
        # JMH with -foe true leaves the file empty when it stops at a failure.
        for r in json.loads(text) if text.strip() else []:
            p = r["params"]
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]  # ms per invocation
            rows.setdefault(p["pass"], {})[int(p["n"])] = statistics.median(raw)
    return rows


def size_label(n):
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)  # a small test run's n=100 is not "0k"


def render(rows, expected):
    """The table lines and the sorted missing (pass, n) pairs. A row's ratio spans all expected sizes or is not given."""
    sizes = sorted({n for _, n in expected} | {n for by_n in rows.values() for n in by_n})
    passes = list(rows) + sorted({p for p, _ in expected} - set(rows))
    missing = sorted(pair for pair in expected if pair[1] not in rows.get(pair[0], {}))
    lines = ["| pass | " + " | ".join(f"n={size_label(n)}: median total, per op" for n in sizes)
             + " | per-op ratio largest/smallest n |",
             "|" + "---|" * (len(sizes) + 2)]
    for name in passes:
        by_n = rows.get(name, {})
        cells, per_op = [], {}
        for n in sizes:
            if n in by_n:
                per_op[n] = by_n[n] * 1000.0 / n
                cells.append(f"{by_n[n]:,.1f} ms, {per_op[n]:.2f} µs")
            else:
                cells.append("MISSING" if (name, n) in expected else "not run")
        wanted = sorted(n for p, n in expected if p == name)
        if any((name, n) in missing for n in wanted):
            ratio = "— (sizes missing)"
        else:
            ks = sorted(per_op)
            ratio = f"{per_op[ks[-1]] / per_op[ks[0]]:.2f}×" if len(ks) > 1 else "—"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio} |")
    return lines, missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--expected", help="JMH -lp output listing the requested pass and n values")
    parser.add_argument("results", nargs="+")
    args = parser.parse_args(argv)
    rows = read_results(args.results)
    if args.expected:
        with open(args.expected) as f:
            expected = expected_pairs(f.read())
    else:
        expected = {(p, n) for p in rows for n in {n for by_n in rows.values() for n in by_n}}
    lines, missing = render(rows, expected)
    print("\n".join(lines))
    if missing:
        print("scaling_table: no result for " + ", ".join(f"pass={p} n={n}" for p, n in missing)
              + " (did the benchmark fail? see JMH's log)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
