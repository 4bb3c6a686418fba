package dev.xamba.cli;

import dev.xamba.api.pipeline.UserError;
import dev.xamba.ir.eval.Tensor;
import java.util.Arrays;

/** Element-wise comparison of a computed tensor with a reference. */
final class TensorComparison {
    private TensorComparison() {}

    /**
     * Largest absolute difference. A NaN or an infinity where the reference has the same is right (inf - inf would be
     * NaN), as numpy's {@code assert_allclose} counts it: the model reproduces PyTorch's overflow or invalid operation.
     * A NaN against a number, either way, counts as infinitely wrong. Shapes must agree.
     */
    static double maxAbsError(String name, Tensor actual, Tensor expected) {
        if (!Arrays.equals(actual.type().shape(), expected.type().shape())) {
            throw new UserError("output " + name + " has type " + actual.type() + " but the reference is " + expected.type());
        }
        double worst = 0;
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.getDouble(i);
            double e = expected.getDouble(i);
            if (a == e || (Double.isNaN(a) && Double.isNaN(e))) continue;
            double d = Math.abs(a - e);
            if (Double.isNaN(d)) return Double.POSITIVE_INFINITY;
            worst = Math.max(worst, d);
        }
        return worst;
    }
}
