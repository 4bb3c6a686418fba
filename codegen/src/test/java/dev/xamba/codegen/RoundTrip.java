package dev.xamba.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.xamba.ir.Operation;
import dev.xamba.openvino.OpenVinoForTests;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import dev.xamba.openvino.OvCompiledModel;
import dev.xamba.openvino.OvElementType;
import dev.xamba.openvino.OvInferRequest;
import dev.xamba.openvino.OvModel;
import dev.xamba.openvino.OvRuntime;
import dev.xamba.openvino.OvTensorData;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a module with {@link OvIrWriter}, runs it on OpenVINO's CPU plugin with seeded random inputs and compares
 * every output with the Java reference evaluator ({@link Interpreter}) run on the same inputs.
 */
final class RoundTrip {
    private static OvRuntime runtime;

    /**
     * On CPUs with bf16 support (avx512_bf16, AMX) the CPU plugin runs f32 models in bf16 by default (errors of
     * ~1e-2); comparing with a reference needs f32 execution.
     */
    static final Map<String, String> EXACT = Map.of("INFERENCE_PRECISION_HINT", "f32");

    private RoundTrip() {}

    /** Makes the input for one argument. */
    @FunctionalInterface
    interface Inputs {
        Tensor make(TensorType type, Random random, int argIndex);
    }

    /** Standard normal floats, integers in [-5, 5], random booleans. */
    static final Inputs GAUSSIAN = (t, r, i) -> fill(t, r, Random::nextGaussian, rr -> rr.nextInt(11) - 5);

    /** Floats in [0.1, 3.1) (for Log, Sqrt, Power), positive integers in [1, 6]. */
    static final Inputs POSITIVE = (t, r, i) -> fill(t, r, rr -> 0.1 + 3 * rr.nextDouble(), rr -> 1 + rr.nextInt(6));

    /** Small whole numbers as floats (so comparisons have ties), integers in [-2, 2]. */
    static final Inputs COARSE = (t, r, i) -> fill(t, r, rr -> rr.nextInt(5) - 2, rr -> rr.nextInt(5) - 2);

    /** Accepted error: {@code |actual - expected| <= abs + rel * |expected|}; integers and booleans must match. */
    record Tolerance(double abs, double rel) {
        static final Tolerance F32 = new Tolerance(1e-5, 0);
    }

    static synchronized OvRuntime runtime() {
        if (runtime == null) runtime = OpenVinoForTests.load();
        return runtime;
    }

    static void check(Operation module, Tolerance tol) {
        check(module, tol, GAUSSIAN, WriterOptions.DEFAULT);
    }

    static void check(Operation module, Tolerance tol, Inputs inputs) {
        check(module, tol, inputs, WriterOptions.DEFAULT);
    }

    /** Runs both and compares; returns the OpenVINO outputs. */
    static List<Tensor> check(Operation module, Tolerance tol, Inputs maker, WriterOptions options) {
        FuncOp main = new ModuleOp(module).function("main").orElseThrow();
        Random random = new Random(20240611L);
        List<Tensor> inputs = new ArrayList<>();
        List<Type> argTypes = main.type().inputs();
        for (int i = 0; i < argTypes.size(); i++) inputs.add(maker.make((TensorType) argTypes.get(i), random, i));
        return runAndCompare(module, inputs, Interpreter.run(main, inputs), tol, options);
    }

    /**
     * Runs {@code module} on OpenVINO's CPU plugin with the given inputs and compares its outputs with
     * {@code expected} (computed elsewhere, e.g. from the module before lowering); returns the OpenVINO outputs.
     */
    static List<Tensor> runAndCompare(Operation module, List<Tensor> inputs, List<Tensor> expected, Tolerance tol,
                                      WriterOptions options) {
        OvRuntime rt = runtime();
        FuncOp main = new ModuleOp(module).function("main").orElseThrow();
        RenderedIr ir = OvIrWriter.render(module, options);
        List<Tensor> actual = new ArrayList<>();
        try (OvModel model = rt.readModelFromMemory(ir.xmlText(), ir.bin());
             OvCompiledModel compiled = rt.compile(model, "CPU", EXACT);
             OvInferRequest request = compiled.createInferRequest()) {
            List<OvTensorData> data = new ArrayList<>();
            for (Tensor t : inputs) data.add(toOv(t));
            List<OvTensorData> outs = request.run(data);
            assertThat(outs).as("outputs").hasSize(expected.size());
            for (int i = 0; i < outs.size(); i++) {
                TensorType declared = (TensorType) main.type().results().get(i);
                OvTensorData o = outs.get(i);
                assertThat(o.elementType().irName()).as("element type of output %d", i)
                        .isEqualTo(OvElementTypes.irName(declared.elementType()));
                actual.add(Tensor.fromBytes(TensorType.of(declared.elementType(), o.shape()), o.data()));
            }
        } catch (RuntimeException e) {
            throw new AssertionError("OpenVINO failed on\n" + ir.xmlText(), e);
        }
        for (int i = 0; i < expected.size(); i++) compare(i, expected.get(i), actual.get(i), tol, ir);
        return actual;
    }

    static OvTensorData toOv(Tensor t) {
        OvElementType et = OvElementType.fromIrName(OvElementTypes.irName(t.elementType()));
        return new OvTensorData(et, t.type().shape(), ByteBuffer.wrap(t.toBytes()));
    }

    private static void compare(int index, Tensor expected, Tensor actual, Tolerance tol, RenderedIr ir) {
        String what = "output " + index;
        if (!Arrays.equals(expected.type().shape(), actual.type().shape())) {
            fail(what + " has shape " + Arrays.toString(actual.type().shape()) + ", expected "
                    + Arrays.toString(expected.type().shape()) + "\n" + ir.xmlText());
        }
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.getDouble(i);
            double a = actual.getDouble(i);
            if (Double.isNaN(e) && Double.isNaN(a)) continue;
            double err = e == a ? 0 : Math.abs(a - e);
            boolean ok = expected.isFloat() ? err <= tol.abs() + tol.rel() * Math.abs(e) : err == 0;
            if (!ok && (worstAt < 0 || err > worst)) {
                worst = err;
                worstAt = i;
            }
        }
        if (worstAt >= 0) {
            fail(what + " differs at element " + worstAt + ": OpenVINO " + actual.getDouble(worstAt) + ", reference "
                    + expected.getDouble(worstAt) + " (error " + worst + ")\nexpected " + expected + "\nactual   " + actual);
        }
    }

    /** A double source for floats and an int source for integers; booleans are random. */
    private static Tensor fill(TensorType t, Random r, java.util.function.ToDoubleFunction<Random> floats,
                               java.util.function.ToIntFunction<Random> ints) {
        int n = Math.toIntExact(t.numElements());
        if (t.elementType().isFloat()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = floats.applyAsDouble(r);
            return Tensor.ofDoubles(t, v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = t.elementType().isBool() ? (r.nextBoolean() ? 1 : 0) : ints.applyAsInt(r);
        return Tensor.ofLongs(t, v);
    }
}
