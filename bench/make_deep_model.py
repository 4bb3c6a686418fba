"""Builds N-layer 130M-shaped models for the compile benchmark by repeating the layer block of a real export.

The source is a 2-layer TorchScript export in ../shared/models (its nodes are named `/layers.K/...`). Layer 1's
block is the template: it is copied N times, each copy with fresh, perturbed copies of every floating-point weight
it reads (so no two layers hold equal bytes and nothing deduplicates), chained through the residual stream between
the embedding and the final norm. Integer constants (shapes, axes) stay shared, as in a real deep export.
OpenVINO's ONNX reader refuses negative `Transpose` perms, which the Mamba-2 export has; they are rewritten to
their non-negative equivalent so that the converter can read the result (the semantics are the same).

Every model is validated (onnx.checker, then OpenVINO reads, compiles and runs it on the source's `.io.npz`
input with a finite result) before it is moved into place. Models over 2 GB use external data (`X.onnx.data`).

A stamp beside the model (`X.onnx.stamp.json`, written last) records the generator version, the seed, the source
export (name and size) and whether it was validated. An existing model is reused only when its stamp matches what is
asked; otherwise it is rebuilt (no stamp: made before stamps, or its build did not finish). One built with
--no-validate is validated when it is next asked for without it.

usage: .venv/bin/python bench/make_deep_model.py --family mamba2 --layers 24 [--seed 0] [--out-dir target/deep-models]
       prints the path of the model (reused when its stamp matches, see above).
"""
import argparse
import json
import os
import re
import shutil
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "models")
SOURCES = {"mamba2": "mamba2_130m_l2_t8", "mamba": "mamba_130m_l2_t8"}
TEMPLATE = "/layers.1/"
FIRST = "/layers.0/"
PROTOBUF_LIMIT = 2 * 1024 ** 3 - 64 * 1024 ** 2  # leave room for the graph itself
# Bump whenever build() writes something else for the same source, layers and seed: models on disk stamped with
# another version are then rebuilt instead of reused.
GENERATOR_VERSION = 1


def model_name(family, layers):
    return f"{family}_130m_deep_l{layers}"


def producers(graph):
    return {out: node for node in graph.node for out in node.output}


def block_inputs(block):
    produced = {out for node in block for out in node.output}
    seen = []
    for node in block:
        for name in node.input:
            if name and name not in produced and name not in seen:
                seen.append(name)
    return seen


def weight_source(name, inits, produced_by):
    """The initializer behind a block input (TorchScript shares equal weights through Identity nodes), or None."""
    node = produced_by.get(name)
    if node is not None and node.op_type == "Identity" and node.input[0] in inits:
        return node.input[0]
    return name if name in inits else None


def perturbed(array, rng):
    if not np.issubdtype(array.dtype, np.floating):
        return array
    noise = rng.standard_normal(array.shape, dtype=np.float32)
    jitter = rng.standard_normal(array.shape, dtype=np.float32)
    return (array * (1 + 0.02 * noise) + 1e-3 * jitter).astype(array.dtype)


def non_negative_perms(nodes):
    for node in nodes:
        if node.op_type != "Transpose":
            continue
        for attr in node.attribute:
            if attr.name == "perm" and any(p < 0 for p in attr.ints):
                rank = len(attr.ints)
                fixed = [p + rank if p < 0 else p for p in attr.ints]
                del attr.ints[:]
                attr.ints.extend(fixed)


def live_nodes(nodes, outputs):
    """Drops nodes nothing reaches from the graph outputs (layer 0's own constants, the dropped Identity nodes)."""
    needed = set(outputs)
    kept = []
    for node in reversed(nodes):
        if any(out in needed for out in node.output):
            kept.append(node)
            needed.update(i for i in node.input if i)
    return list(reversed(kept)), needed


def build(source_path, layers, seed):
    src = onnx.load(source_path)
    graph = src.graph
    inits = {init.name: init for init in graph.initializer}
    produced_by = producers(graph)
    template = [n for n in graph.node if n.name.startswith(TEMPLATE)]
    first = [n for n in graph.node if n.name.startswith(FIRST)]
    if not template or not first:
        raise SystemExit(f"{source_path}: no `{FIRST}`/`{TEMPLATE}` nodes; need a 2-layer TorchScript export")
    template_outputs = {out for n in template for out in n.output}
    first_outputs = {out for n in first for out in n.output}
    # The residual stream: what layer 1 reads from layer 0's Add, what the tail reads from layer 1.
    hidden_in = next(i for i in block_inputs(template) if produced_by.get(i) is not None
                     and produced_by[i].name == FIRST + "Add")
    embedded = next(i for i in block_inputs(first) if i not in inits and i not in first_outputs
                    and produced_by[i].op_type != "Constant" and produced_by[i].op_type != "Identity")
    first_layer_node = next(i for i, n in enumerate(graph.node) if n.name.startswith("/layers."))
    outside = [(i, n) for i, n in enumerate(graph.node) if not n.name.startswith("/layers.")]
    prefix = [n for i, n in outside if i < first_layer_node or n.op_type in ("Constant", "Identity")]
    tail = [n for i, n in outside if i > first_layer_node and n.op_type not in ("Constant", "Identity")]
    hidden_out = next(i for n in tail for i in n.input if i in template_outputs)
    # Constants of layer 0 that layer 1 reads (TorchScript shares them) move into the prefix.
    # Constants of layer 0 that layer 1 reads (TorchScript shares them) move into the prefix, renamed so that
    # they cannot collide with the copies' own names.
    shared = {}
    for node in first:
        if node.op_type == "Constant" and any(o in block_inputs(template) for o in node.output):
            copy = onnx.NodeProto()
            copy.CopyFrom(node)
            copy.name = node.name.replace(FIRST, "/shared/")
            copy.output[:] = [o.replace(FIRST, "/shared/") for o in node.output]
            shared.update(zip(node.output, copy.output))
            prefix.append(copy)
    weights = {name: weight_source(name, inits, produced_by) for name in block_inputs(template)}
    weights = {name: src_name for name, src_name in weights.items() if src_name is not None}

    rng = np.random.default_rng(seed)
    nodes = list(prefix)
    new_inits = list(inits.values())  # those only layer 0 reads are dropped below
    current = embedded
    for k in range(layers):
        def rename(name, k=k):
            if name == hidden_in:
                return current
            if name in shared:
                return shared[name]
            if name in weights:
                return re.sub(r"^layers\.\d+\.", "", name) + f"__layer{k}"
            if name in template_outputs:
                return name.replace(TEMPLATE, f"/layers.{k}/") if TEMPLATE in name else f"{name}__layer{k}"
            return name
        for name, src_name in weights.items():
            array = perturbed(numpy_helper.to_array(inits[src_name]), rng)
            new_inits.append(numpy_helper.from_array(array, rename(name)))
        for node in template:
            copy = onnx.NodeProto()
            copy.CopyFrom(node)
            copy.name = node.name.replace(TEMPLATE, f"/layers.{k}/")
            copy.input[:] = [rename(i) if i else i for i in node.input]
            copy.output[:] = [rename(o) for o in node.output]
            nodes.append(copy)
        current = rename(hidden_out)
    for node in tail:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        copy.input[:] = [current if i == hidden_out else i for i in node.input]
        nodes.append(copy)
    nodes, needed = live_nodes(nodes, [o.name for o in graph.output])
    non_negative_perms(nodes)
    out_graph = onnx.helper.make_graph(nodes, f"{graph.name}_deep_l{layers}", list(graph.input), list(graph.output),
                                       [i for i in new_inits if i.name in needed])
    model = onnx.helper.make_model(out_graph, opset_imports=list(src.opset_import), producer_name="make_deep_model",
                                   ir_version=src.ir_version)
    return model


def save(model, path, external):
    if external:
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=os.path.basename(path) + ".data", size_threshold=1024)
    else:
        onnx.save_model(model, path)


def validate(path, reference):
    import openvino as ov
    onnx.checker.check_model(path, full_check=False)
    ids = np.load(reference)["input_ids"]
    core = ov.Core()
    compiled = core.compile_model(core.read_model(path), "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    result = compiled({"input_ids": ids})[compiled.output(0)]
    if not np.all(np.isfinite(result)):
        raise SystemExit(f"{path}: OpenVINO's result is not finite")
    return result.shape


def stamp_path(path):
    return path + ".stamp.json"


def read_stamp(path):
    """The stamp beside `path`, or None when there is none (or it cannot be read)."""
    try:
        with open(stamp_path(path)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def write_stamp(path, stamp):
    staged = stamp_path(path) + ".part"
    with open(staged, "w") as f:
        json.dump(stamp, f, indent=1, sort_keys=True)
    os.replace(staged, stamp_path(path))


def stale_reason(have, want):
    """Why a model stamped `have` is not the one `want` describes, or None when it is."""
    if have is None:
        return "it has no stamp (made before stamps, or its build did not finish)"
    diff = [f"{k} {have.get(k)!r} (asked: {want[k]!r})" for k in sorted(want) if have.get(k) != want[k]]
    return "its stamp differs: " + ", ".join(diff) if diff else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", choices=sorted(SOURCES), required=True)
    parser.add_argument("--layers", type=int, required=True)
    parser.add_argument("--out-dir", default=os.path.join(ROOT, "target", "deep-models"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--external-data", action="store_true", help="always write weights to X.onnx.data")
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--force", action="store_true", help="rebuild even when the model exists")
    args = parser.parse_args(argv)
    if args.layers < 1:
        parser.error("--layers must be at least 1")
    source = os.path.join(SHARED, SOURCES[args.family] + ".onnx")
    reference = os.path.join(SHARED, SOURCES[args.family] + ".io.npz")
    path = os.path.join(os.path.abspath(args.out_dir), model_name(args.family, args.layers) + ".onnx")
    want = {"generator": GENERATOR_VERSION, "family": args.family, "layers": args.layers, "seed": args.seed,
            "source": os.path.basename(source), "source_bytes": os.path.getsize(source)}
    have = read_stamp(path) if os.path.exists(path) else None
    reason = stale_reason(have, want) if os.path.exists(path) else None
    if os.path.exists(path) and not args.force:
        if reason is None:
            if not have.get("validated") and not args.no_validate:
                shape = validate(path, reference)  # built with --no-validate: validated now, once
                print(f"make_deep_model: {os.path.basename(path)} valid, OpenVINO output {tuple(shape)}", file=sys.stderr)
                write_stamp(path, dict(want, validated=True))
            print(path)
            return path
        print(f"make_deep_model: rebuilding {os.path.basename(path)}: {reason}", file=sys.stderr)
    model = build(source, args.layers, args.seed)
    external = args.external_data or model.ByteSize() > PROTOBUF_LIMIT
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with tempfile.TemporaryDirectory(dir=os.path.dirname(path)) as tmp:
        staged = os.path.join(tmp, os.path.basename(path))
        save(model, staged, external)
        del model
        if not args.no_validate:
            shape = validate(staged, reference)
            print(f"make_deep_model: {os.path.basename(path)} valid, OpenVINO output {tuple(shape)}", file=sys.stderr)
        # The old stamp goes first (a crash while replacing leaves no stamp, so the model is rebuilt next time), and
        # an old model's external data with it: the new one may keep its weights inline.
        for old in (stamp_path(path), path + ".data"):
            if os.path.exists(old):
                os.remove(old)
        if external:
            shutil.move(staged + ".data", path + ".data")
        shutil.move(staged, path)
        write_stamp(path, dict(want, validated=not args.no_validate))
    print(path)
    return path


if __name__ == "__main__":
    main()
