package dev.xamba.opt.legalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Runs {@code legalize-ov} on test modules and checks the core property: the function computes the same values
 * before (onnx ops) and after (ov ops), in xamba's reference interpreter, on seeded random inputs.
 */
final class Legalization {
    /** Makes an input tensor of a type from a seeded random source. */
    interface Inputs extends BiFunction<TensorType, Random, Tensor> {}

    /** Floats uniform in [-3, 3), integers in [-5, 5], booleans fair. */
    static final Inputs DEFAULT = (type, rnd) -> uniform(type, rnd, -3, 3, -5, 5);

    private Legalization() {}

    /** Runs the pass alone (verifying before and after) and returns its context. */
    static PassContext run(ModuleOp m) {
        return PassManager.parse("legalize-ov", PassManager.Options.defaults().withVerifyEach(true)).run(m.op());
    }

    static String print(ModuleOp m) {
        return AsmPrinter.print(m.op());
    }

    /** {@link #sameNumerics(ModuleOp, double, Inputs)} with the default inputs. */
    static String sameNumerics(ModuleOp m, double tolerance) {
        return sameNumerics(m, tolerance, DEFAULT);
    }

    /**
     * Legalizes {@code m}, requires that no onnx op is left and that @main gives the same results as before on
     * three seeded random inputs (floats within {@code tolerance} relative to max(1, |expected|), everything else
     * exactly; NaN matches NaN). Returns the legalized module, printed.
     */
    static String sameNumerics(ModuleOp m, double tolerance, Inputs inputs) {
        FuncOp main = m.function("main").orElseThrow();
        List<List<Tensor>> feeds = new ArrayList<>();
        List<List<Tensor>> expected = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            List<Tensor> feed = new ArrayList<>();
            for (Value a : main.body().arguments()) feed.add(inputs.apply(a.tensorType(), rnd));
            feeds.add(feed);
            expected.add(Interpreter.run(main, feed));
        }
        run(m);
        assertNoOnnxOps(m);
        for (int i = 0; i < feeds.size(); i++) {
            List<Tensor> actual = Interpreter.run(main, feeds.get(i));
            for (int r = 0; r < actual.size(); r++) assertClose(actual.get(r), expected.get(i).get(r), tolerance);
        }
        return print(m);
    }

    static void assertNoOnnxOps(ModuleOp m) {
        for (Operation op : IrWalk.nestedOps(m.op())) {
            assertThat(op.dialect()).as("op %s left after legalize-ov", op).isNotEqualTo("onnx");
        }
    }

    static void assertClose(Tensor actual, Tensor expected, double tolerance) {
        assertThat(actual.type()).isEqualTo(expected.type());
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.isFloat()) {
                if (actual.getLong(i) != expected.getLong(i)) fail("element " + i + ": " + actual.getLong(i) + " != " + expected.getLong(i));
                continue;
            }
            double a = actual.getDouble(i);
            double e = expected.getDouble(i);
            if (Double.isNaN(e) && Double.isNaN(a)) continue;
            if (a == e) continue;
            if (!(Math.abs(a - e) <= tolerance * Math.max(1.0, Math.abs(e)))) {
                fail("element " + i + " of " + expected.type() + ": " + a + " != " + e + " (tolerance " + tolerance + ")");
            }
        }
    }

    /** Floats uniform in [flo, fhi), integers uniform in [ilo, ihi], booleans fair. */
    static Tensor uniform(TensorType type, Random rnd, double flo, double fhi, long ilo, long ihi) {
        int n = Math.toIntExact(type.numElements());
        if (type.elementType().isFloat()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = flo + (fhi - flo) * rnd.nextDouble();
            return Tensor.ofDoubles(type, v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = type.elementType().isBool() ? (rnd.nextBoolean() ? 1 : 0) : ilo + (long) (rnd.nextDouble() * (ihi - ilo + 1));
        }
        return Tensor.ofLongs(type, v);
    }

    /** Integers in [lo, hi] (e.g. valid indices, non-zero divisors need their own). */
    static Inputs ints(long lo, long hi) {
        return (type, rnd) -> uniform(type, rnd, -3, 3, lo, hi);
    }
}
