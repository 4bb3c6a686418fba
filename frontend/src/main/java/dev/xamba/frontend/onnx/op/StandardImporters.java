package dev.xamba.frontend.onnx.op;

/**
 * Which importer handles which ONNX operator version. Since-versions are those of the ONNX operator
 * changelog where the form this project reads begins; older versions of an operator are unsupported unless
 * listed. An entry only takes effect when the ir module registers its dialect op.
 */
final class StandardImporters {
    private StandardImporters() {}

    static void registerAll(OpImporterTable t) {
        OpImporter direct = DirectImporter.INSTANCE;
        // Elementwise arithmetic, comparison and logic with NumPy broadcasting (opset 7 dropped 'broadcast'/'axis').
        for (String op : new String[] {"Add", "Sub", "Mul", "Div", "Pow", "Equal", "Greater", "Less", "And", "Or", "Xor"}) {
            t.register("", op, 7, direct);
        }
        t.register("", "GreaterOrEqual", 12, direct);
        t.register("", "LessOrEqual", 12, direct);
        t.register("", "Mod", 10, direct);
        for (String op : new String[] {"Max", "Min", "Sum", "Mean"}) t.register("", op, 8, direct);
        // Unary math (opset 6 dropped 'consumed_inputs').
        for (String op : new String[] {"Neg", "Abs", "Exp", "Log", "Sqrt", "Sigmoid", "Reciprocal", "Relu", "Tanh", "Floor",
                "Ceil"}) {
            t.register("", op, 6, direct);
        }
        for (String op : new String[] {"Not", "Softplus", "Softsign"}) t.register("", op, 1, direct);
        t.register("", "Identity", 1, new IdentityImporter());
        for (String op : new String[] {"Sin", "Cos", "Tan"}) t.register("", op, 7, direct);
        t.register("", "Erf", 9, direct);
        t.register("", "Sign", 9, direct);
        t.register("", "HardSigmoid", 6, direct);
        t.register("", "LeakyRelu", 6, direct);
        t.register("", "Elu", 6, direct);
        t.register("", "HardSwish", 14, direct);
        t.register("", "Gelu", 20, direct);
        t.register("", "Cast", 6, direct);
        t.register("", "CastLike", 15, direct);
        t.register("", "Clip", 6, new ClipImporter(true));
        t.register("", "Clip", 11, new ClipImporter(false));
        // Tensors and shapes.
        t.register("", "Constant", 1, new ConstantImporter());
        t.register("", "ConstantOfShape", 9, direct);
        t.register("", "Shape", 1, new ShapeImporter(false));
        t.register("", "Size", 1, new ShapeImporter(true));
        t.register("", "Reshape", 5, direct);
        t.register("", "Flatten", 1, direct);
        t.register("", "Concat", 4, direct);
        t.register("", "Expand", 8, direct);
        t.register("", "Tile", 6, direct);
        t.register("", "Transpose", 1, new TransposeImporter());
        t.register("", "Gather", 1, direct);
        t.register("", "GatherElements", 11, direct);
        t.register("", "Where", 9, direct);
        t.register("", "Range", 11, direct);
        t.register("", "Trilu", 14, direct);
        // From 11: OneHot-9 and -10 give an all-off row for a negative index, which 11 counts from the end; xamba
        // implements 11's meaning, so the older versions are refused rather than given other results.
        t.register("", "OneHot", 11, direct);
        t.register("", "Squeeze", 1, new AxesAttributeImporter(false));
        t.register("", "Squeeze", 13, direct);
        t.register("", "Unsqueeze", 1, new AxesAttributeImporter(true));
        t.register("", "Unsqueeze", 13, direct);
        t.register("", "Slice", 1, new SliceImporter(true));
        t.register("", "Slice", 10, new SliceImporter(false));
        t.register("", "Split", 2, new SplitImporter(true));
        t.register("", "Split", 13, new SplitImporter(false));
        t.register("", "Pad", 2, new PadImporter(true));
        t.register("", "Pad", 11, new PadImporter(false));
        // Reductions: ReduceSum's axes became an input at 13, the others' at 18.
        t.register("", "ReduceSum", 1, new AxesAttributeImporter(false));
        t.register("", "ReduceSum", 13, direct);
        for (String op : new String[] {"ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL2", "ReduceSumSquare"}) {
            t.register("", op, 1, new AxesAttributeImporter(false));
            t.register("", op, 18, direct);
        }
        t.register("", "CumSum", 11, direct);
        // Contractions, convolution, normalization.
        t.register("", "MatMul", 1, direct);
        t.register("", "Gemm", 7, direct);
        t.register("", "Einsum", 12, direct);
        t.register("", "Conv", 1, direct);
        t.register("", "Softmax", 13, direct);
        t.register("", "LogSoftmax", 13, direct);
        t.register("", "LayerNormalization", 17, direct);
    }
}
