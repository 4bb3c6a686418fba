"""Builds small ONNX models for the lit tests from a named recipe, so that no binary lives in lit-tests.

usage: make_model.py RECIPE OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def add_initializer():
    b = numpy_helper.from_array(np.array([1, 2, 3], dtype=np.float32), "b")
    g = helper.make_graph([helper.make_node("Add", ["x", "b"], ["y"], name="add")], "add_init",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])], [b])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def shape_chain():
    """Reshape(x, Concat(Shape(x)[0], -1)): the whole shape computation folds away for a static input."""
    nodes = [
        helper.make_node("Shape", ["x"], ["s"], name="shape"),
        helper.make_node("Constant", [], ["i0"], name="i0", value=helper.make_tensor("v", TensorProto.INT64, [], [0])),
        helper.make_node("Gather", ["s", "i0"], ["d0"], name="gather", axis=0),
        helper.make_node("Constant", [], ["ax"], name="ax", value=helper.make_tensor("v", TensorProto.INT64, [1], [0])),
        helper.make_node("Unsqueeze", ["d0", "ax"], ["d0u"], name="unsqueeze"),
        helper.make_node("Constant", [], ["m1"], name="m1", value=helper.make_tensor("v", TensorProto.INT64, [1], [-1])),
        helper.make_node("Concat", ["d0u", "m1"], ["newshape"], name="concat", axis=0),
        helper.make_node("Reshape", ["x", "newshape"], ["y"], name="reshape"),
    ]
    g = helper.make_graph(nodes, "shape_chain",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3, 4])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", "M"])])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def negative_perm():
    node = helper.make_node("Transpose", ["x"], ["y"], name="/layers.0/mixer/Transpose_9", perm=[0, -2, -1, 1])
    g = helper.make_graph([node], "negative_perm",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 3, 4])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def unsupported_ops():
    nodes = [
        helper.make_node("Relu", ["x"], ["a"], name="relu"),
        helper.make_node("LpNormalization", ["a"], ["b"], name="norm_1"),
        helper.make_node("Hardmax", ["b"], ["c"], name="hardmax_2"),
        helper.make_node("Custom", ["c"], ["y"], name="custom_3", domain="com.example"),
    ]
    g = helper.make_graph(nodes, "unsupported",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.example", 1)])


def escaping_external_data():
    w = helper.make_tensor("w", TensorProto.FLOAT, [2, 3], vals=[])
    w.data_location = TensorProto.EXTERNAL
    for k, v in [("location", "../../etc/passwd"), ("offset", "0"), ("length", "24")]:
        e = w.external_data.add()
        e.key, e.value = k, v
    g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"], name="add")], "escape",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])], [w])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def undefined_input():
    g = helper.make_graph([helper.make_node("Add", ["x", "nowhere"], ["y"], name="add_7")], "undefined",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def symbolic_batch():
    g = helper.make_graph([helper.make_node("Relu", ["x"], ["y"], name="relu")], "symbolic_batch",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 8])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 8])])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


RECIPES = {f.__name__: f for f in [add_initializer, shape_chain, negative_perm, unsupported_ops,
                                    escaping_external_data, undefined_input, symbolic_batch]}

if __name__ == "__main__":
    recipe, out = sys.argv[1], sys.argv[2]
    model = RECIPES[recipe]()
    onnx.save(model, out)
