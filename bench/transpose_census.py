#!/usr/bin/env python3
"""Counts the Transpose layers of OpenVINO IR files and how many of them feed only MatMuls.

Usage: bench/transpose_census.py OUT.xml...   (e.g. the output of `bin/xambac compile M.onnx -o OUT.xml`)
One line per file: transposes, those whose every consumer is a MatMul, and all layers.
"""
import sys
import xml.etree.ElementTree as ET


def census(path):
    root = ET.parse(path).getroot()
    types = {layer.get("id"): layer.get("type") for layer in root.iter("layer")}
    consumers = {}
    for edge in root.iter("edge"):
        consumers.setdefault(edge.get("from-layer"), []).append(types[edge.get("to-layer")])
    transposes = [i for i, t in types.items() if t == "Transpose"]
    into_matmul = [i for i in transposes if consumers.get(i) and all(c == "MatMul" for c in consumers[i])]
    return len(transposes), len(into_matmul), len(types)


def main(paths):
    if not paths:
        sys.exit(__doc__)
    for p in paths:
        t, m, n = census(p)
        print(f"{p}: {t} Transpose, {m} feeding only MatMul, {n} layers")


if __name__ == "__main__":
    main(sys.argv[1:])
