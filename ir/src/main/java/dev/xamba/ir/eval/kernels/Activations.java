package dev.xamba.ir.eval.kernels;

/** Scalar activation functions shared by the onnx and ov dialects' evaluators, in forms that do not overflow. */
public final class Activations {
    private Activations() {}

    /** 1 / (1 + e^-x), evaluated as e^x / (1 + e^x) for negative x so that e^-x cannot overflow. */
    public static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }

    /** log(1 + e^x) = max(x, 0) + log1p(e^-|x|): exact in double and without overflow for large |x|. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
