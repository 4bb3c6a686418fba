"""Small ONNX models for the report lit tests, made with the onnx package so that no binary lives in lit-tests.

usage: report_models.py RECIPE OUT.onnx     (recipes: control_names, symbolic)
       report_models.py printable FILE      exit 1 if FILE has a C0 or C1 control byte other than a newline
"""
import re
import sys

import onnx
from onnx import TensorProto, helper

# An ANSI "clear screen", a newline and a bell in a node name: the report must show them escaped.
CONTROL_NAME = "evil\x1b[2J\nline\x07"


def control_names():
    g = helper.make_graph([helper.make_node("Relu", ["x"], ["y"], name=CONTROL_NAME)], "control_names",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 8])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 8])])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def symbolic():
    """x[N, 8] → Relu → Exp: both ops have the dynamic dimension N."""
    nodes = [helper.make_node("Relu", ["x"], ["a"], name="relu"), helper.make_node("Exp", ["a"], ["y"], name="exp")]
    g = helper.make_graph(nodes, "symbolic",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 8])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 8])])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def printable(path):
    text = open(path, encoding="utf-8").read()
    bad = re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    if bad:
        print(f"{path}: control character U+{ord(bad.group()):04X} at offset {bad.start()}")
        return 1
    return 0


RECIPES = {f.__name__: f for f in [control_names, symbolic]}

if __name__ == "__main__":
    what, path = sys.argv[1], sys.argv[2]
    if what == "printable":
        sys.exit(printable(path))
    model = RECIPES[what]()
    onnx.checker.check_model(model)
    onnx.save(model, path)
