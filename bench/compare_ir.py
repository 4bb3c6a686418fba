"""Compares xamba's OpenVINO IR with OpenVINO's own conversion of the same ONNX (ovc's convert_model, telemetry off):
layer counts by type, .bin size, and compile-on-CPU + inference time of each, measured in the same run.

usage: .venv/bin/python bench/compare_ir.py OUT_DIR MODEL.onnx...   (run ./build.sh first)
"""
import collections
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ov_no_telemetry  # noqa: E402,F401  (before openvino: ov.convert_model below sends no telemetry)

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def layer_types(xml_path):
    return collections.Counter(l.get("type") for l in ET.parse(xml_path).getroot().iter("layer"))


def infer_ms(core, model, inputs, runs=50):
    compiled = core.compile_model(model, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    request = compiled.create_infer_request()
    request.infer(inputs)
    start = time.perf_counter()
    for _ in range(runs):
        request.infer(inputs)
    return (time.perf_counter() - start) * 1000 / runs


def main(out_dir, models):
    os.makedirs(out_dir, exist_ok=True)
    core = ov.Core()
    for onnx_path in models:
        name = os.path.splitext(os.path.basename(onnx_path))[0]
        ours = os.path.join(out_dir, name + ".xamba.xml")
        subprocess.run([os.path.join(ROOT, "bin", "xambac"), "compile", onnx_path, "-o", ours], check=True)
        ids = np.load(onnx_path[:-len(".onnx")] + ".io.npz")["input_ids"]
        our_types = layer_types(ours)
        line = f"{name}: xamba {sum(our_types.values())} layers, bin {os.path.getsize(ours[:-4] + '.bin')} B, " \
               f"infer {infer_ms(core, core.read_model(ours), {'input_ids': ids}):.3f} ms"
        try:
            theirs = os.path.join(out_dir, name + ".ovc.xml")
            ov.save_model(ov.convert_model(onnx_path), theirs, compress_to_fp16=False)
            their_types = layer_types(theirs)
            line += f" | ovc {sum(their_types.values())} layers, bin {os.path.getsize(theirs[:-4] + '.bin')} B, " \
                    f"infer {infer_ms(core, core.read_model(theirs), {'input_ids': ids}):.3f} ms"
            diff = {t: (our_types.get(t, 0), their_types.get(t, 0)) for t in sorted(set(our_types) | set(their_types))
                    if our_types.get(t, 0) != their_types.get(t, 0)}
            line += f"\n  layer types that differ (xamba, ovc): {diff}"
        except Exception as e:  # OpenVINO's ONNX frontend refuses some real exports
            line += f" | ovc cannot convert: {str(e).strip().splitlines()[-1]}"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
