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
        if (!actual.isFloat() && !expected.isFloat()) return maxIntegerError(actual, expected);
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

    /**
     * Integers compared exactly: as doubles, 2^60 and 2^60 + 1 are one number and a wrong token id or index
     * passed at tolerance 0. The difference of two longs needs 64 bits unsigned.
     */
    private static double maxIntegerError(Tensor actual, Tensor expected) {
        double worst = 0;
        for (int i = 0; i < actual.size(); i++) {
            long a = actual.getLong(i);
            long e = expected.getLong(i);
            long magnitude = a >= e ? a - e : e - a; // unsigned
            double d = magnitude >= 0 ? magnitude : Math.scalb((double) (magnitude >>> 1), 1);
            worst = Math.max(worst, d);
        }
        return worst;
    }
}
