"""Measures JVM flag sets for bin/xambac (the launcher reads them from XAMBAC_JAVA_OPTS): whole-process wall time
and peak RSS of `--help` and `compile` on a small and a large model, interleaved runs, medians. This is how the
launcher's default flags were chosen; rerun it when the JVM or the compiler's profile changes.

usage: .venv/bin/python bench/launcher_flags.py [--runs N] SMALL.onnx LARGE.onnx
"""
import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compile_bench import XAMBAC, measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSA = os.path.join(ROOT, "xambac", "target", "xambac.jsa")
QUIET_CDS = "-Xlog:cds=off -Xlog:cds+dynamic=off"
CONFIGS = {
    "C1, no AppCDS": "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto",
    "C1, AppCDS": f"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile={JSA} {QUIET_CDS}",
    "C1+C2, AppCDS": f"-XX:+UseSerialGC -XX:SharedArchiveFile={JSA} {QUIET_CDS}",
    "C1, AppCDS, -Xmn32m": f"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn32m -XX:SharedArchiveFile={JSA} {QUIET_CDS}",
    "C1+C2, AppCDS, -Xmn32m": f"-XX:+UseSerialGC -Xmn32m -XX:SharedArchiveFile={JSA} {QUIET_CDS}",
    "C1, AppCDS, -Xmn32m, -XX:-UsePerfData": f"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn32m -XX:-UsePerfData "
                                             f"-XX:SharedArchiveFile={JSA} {QUIET_CDS}",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("small")
    parser.add_argument("large")
    args = parser.parse_args()
    if not os.path.exists(JSA):
        raise SystemExit(f"{JSA} is missing: build it as build.sh does")
    with tempfile.TemporaryDirectory() as tmp:
        small, large = os.path.join(tmp, "s.xml"), os.path.join(tmp, "l.xml")
        # case: (arguments, the IR it writes). measure() deletes that IR (and syncs) before each run, untimed: a
        # compile replacing the previous run's output measured about 28% slower (24-layer Mamba-2, medians 1.281 s
        # against 1.003 s).
        cases = {"--help": (["--help"], None),
                 os.path.basename(args.small): (["compile", args.small, "-o", small], small),
                 os.path.basename(args.large): (["compile", args.large, "-o", large], large)}
        samples = {(c, k): [] for c in CONFIGS for k in cases}
        for run in range(args.runs):
            for case, (argv, out) in cases.items():
                for config, flags in (CONFIGS.items() if run % 2 == 0 else reversed(CONFIGS.items())):
                    env = dict(os.environ, XAMBAC_JAVA_OPTS=flags)
                    samples[(config, case)].append(measure([XAMBAC] + argv, env, out=out))
    print("| flags | " + " | ".join(f"{k} s | {k} MB" for k in cases) + " |")
    print("|---|" + "---|---|" * len(cases))
    for config in CONFIGS:
        cells = []
        for case in cases:
            s = samples[(config, case)]
            cells += [f"{statistics.median(x[0] for x in s):.2f}", f"{statistics.median(x[1] for x in s):.0f}"]
        print(f"| {config} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
