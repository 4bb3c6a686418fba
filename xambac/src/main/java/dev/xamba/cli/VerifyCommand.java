package dev.xamba.cli;

import dev.xamba.api.pipeline.CompilerPipeline;
import dev.xamba.api.pipeline.InputKind;
import dev.xamba.api.pipeline.InputLoader;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.cli.runtime.InputCheck;
import dev.xamba.cli.runtime.OpenVinoEngine;
import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.RenderedIr;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.NpzFile;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.openvino.OvException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code xambac verify}: runs a compiled model on the inputs of a reference {@code .npz} and compares every
 * output with the reference. The last line is {@code max_abs_err=<e> tolerance=<t> PASS|FAIL}; exit 0 only on
 * PASS.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 110,
        description = {"Checks a compiled model's outputs against a reference .npz.",
                "Compiles MODEL in memory, runs it on the inputs stored in the .npz (arrays named like the model's",
                "inputs) and compares each output with the array of the same name.",
                "--engine java runs the imported graph in xamba's reference interpreter; --engine openvino runs the",
                "OpenVINO IR xamba writes on the OpenVINO runtime and, for an ONNX model, also OpenVINO's own reading",
                "of the same ONNX, printing both errors. The last line is 'max_abs_err=<e> tolerance=<t> PASS|FAIL'",
                "(for xamba's result); the exit code is 0 only on PASS."})
final class VerifyCommand implements Callable<Integer> {

    enum Engine { java, openvino }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx), OpenVINO IR (.xml with its .bin beside it) or textual IR (.xir).")
    String input;

    @Option(names = "--reference", required = true, paramLabel = "IO.npz",
            description = "NumPy .npz holding the model's inputs and expected outputs, by name.")
    Path reference;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "java or openvino. Default: ${DEFAULT-VALUE}.")
    Engine engine = Engine.java;

    @Option(names = "--tolerance", paramLabel = "T", converter = Tolerance.class,
            description = "Largest accepted absolute error. Default: ${DEFAULT-VALUE}.")
    double tolerance = 1e-4;

    /** A finite number of 0 or more: a negative or NaN tolerance would fail every run, an infinite one pass every run. */
    static final class Tolerance implements ITypeConverter<Double> {
        @Override public Double convert(String value) {
            try {
                double t = Double.parseDouble(value.trim());
                if (t >= 0 && Double.isFinite(t)) return t;
            } catch (NumberFormatException e) {
                // refused below, as a negative number is
            }
            throw new TypeConversionException("'" + value + "' is not a finite number of 0 or more");
        }
    }

    @Option(names = "--device", paramLabel = "DEVICE", description = "OpenVINO device for --engine openvino. Default: ${DEFAULT-VALUE}.")
    String device = "CPU";

    @Mixin
    XambaFlags xamba;

    @Option(names = "--compress-fp16", description = "With --engine openvino: store weights as f16 (reports the error this costs).")
    boolean compressFp16;

    @Mixin
    ImportFlags importFlags;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    LimitOptions.Compiling limits;

    @Mixin
    LimitOptions.ArrayBytes arrayLimit;

    /** The approximations (ActiBA) the compiled graph carries, with their error bounds; null for the java engine. */
    private List<ErrorBounds.Bound> bounds;
    @ParentCommand
    Xambac parent;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    @Override public Integer call() {
        String toOpenVino = CompilerPipeline.toOpenVino(xamba.passes());
        Operation module = InputLoader.load(input, limits.apply(importFlags.options()), limits.maxInputBytes());
        Verifier.verifyOrThrow(module);
        Map<String, Tensor> arrays = readReference();
        FuncOp main = mainFunction(module);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (int i = 0; i < main.body().arguments().size(); i++) {
            String name = main.argName(i);
            Tensor t = arrays.get(name);
            if (t == null) throw new UserError(reference + ": has no array '" + name + "' for input #" + i + " (arrays: " + arrays.keySet() + ")");
            TensorType expected = main.body().argument(i).tensorType();
            if (!expected.admits(t.type())) {
                throw new UserError(reference + ": array '" + name + "' is " + t.type() + " but the model's input #" + i + " is " + expected);
            }
            inputs.put(name, t);
        }
        Map<String, Tensor> outputs = engine == Engine.java ? runJava(module, inputs) : runOpenVino(module, toOpenVino, inputs, arrays);

        double worst = compare("xamba", outputs, arrays);
        boolean pass = worst <= tolerance;
        if (bounds != null) ErrorBounds.print(out, bounds, worst);
        out.printf("max_abs_err=%.3e tolerance=%.1e %s%n", worst, tolerance, pass ? "PASS" : "FAIL");
        return pass ? 0 : 1;
    }

    private CompilerPipeline passes() {
        return pipeline.runner(parent.registry(), err, () -> InputLoader.load(input, limits.apply(importFlags.options()), limits.maxInputBytes()));
    }

    private Map<String, Tensor> runJava(Operation module, Map<String, Tensor> inputs) {
        passes().run(module, limits.apply(CompilerPipeline.CLEANUP));
        FuncOp main = mainFunction(module);
        List<Tensor> results = Interpreter.run(main, List.copyOf(inputs.values()));
        Map<String, Tensor> named = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) named.put(main.resultName(i), results.get(i));
        return named;
    }

    private Map<String, Tensor> runOpenVino(Operation module, String toOpenVino, Map<String, Tensor> inputs, Map<String, Tensor> arrays) {
        // The Java engine rejects out-of-range ids in its Gather; OpenVINO's CPU plugin would read past the table.
        checkTableIndices(mainFunction(module), inputs);
        passes().run(module, limits.apply(toOpenVino));
        bounds = ErrorBounds.of(module);
        RenderedIr ir = OvIrWriter.render(module, new WriterOptions(compressFp16));
        try (OpenVinoEngine ov = new OpenVinoEngine(device, true)) {
            ov.requireDevice();
            out.printf("openvino %s on %s, xamba IR: %d layers, %d bytes of weights%s%n", ov.version(), device,
                    countLayers(ir.xmlText()), ir.bin().length, compressFp16 ? " (f16)" : "");
            String peerFailure = InputKind.of(input) == InputKind.ONNX ? compareWithOwnFrontend(ov, inputs, arrays) : null;
            try {
                return ov.run(ir, input, inputs);
            } catch (OvException e) {
                // OpenVINO fails on xamba's IR as it fails on its own reading of the ONNX (e.g. oneDNN cannot describe
                // a tensor of 2^50 elements): the model is what it cannot take, not xamba's IR, so not a bug of ours.
                if (peerFailure != null && peerFailure.equals(summary(e.getMessage()))) {
                    throw new UserError(input + ": OpenVINO cannot run this model on " + device + ": " + peerFailure
                            + " (its own reading of the ONNX fails the same way)");
                }
                throw e;
            }
        }
    }

    /**
     * The peer: OpenVINO's own ONNX frontend on the same file. Its failure is reported, not fatal, because the
     * question verify answers is whether xamba's IR is right (e.g. OpenVINO refuses a Transpose with negative
     * perm entries, which PyTorch exports and xamba normalizes).
     *
     * @return how it failed (OpenVINO's summary line), or null when it ran
     */
    private String compareWithOwnFrontend(OpenVinoEngine ov, Map<String, Tensor> inputs, Map<String, Tensor> arrays) {
        try {
            compare("openvino-onnx-frontend", ov.run(Path.of(input), inputs), arrays);
            return null;
        } catch (OvException | InputCheck.Rejected e) {
            String failure = summary(e.getMessage());
            out.println("openvino-onnx-frontend: cannot run this model: " + Names.text(failure));
            return failure;
        }
    }

    /** OpenVINO's messages are many lines deep; its last line (a "Summary" entry, usually) says the most. */
    private static String summary(String message) {
        if (message == null) return "";
        String[] lines = message.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.startsWith("-- ") ? last.substring(3) : last;
    }

    /** Prints one line per compared output and returns the largest error. */
    private double compare(String who, Map<String, Tensor> outputs, Map<String, Tensor> arrays) {
        double worst = 0;
        int compared = 0;
        for (Map.Entry<String, Tensor> o : outputs.entrySet()) {
            Tensor expected = arrays.get(o.getKey());
            if (expected == null) {
                out.println(who + " output " + Names.text(o.getKey()) + ": no reference array, not compared");
                continue;
            }
            double e = TensorComparison.maxAbsError(o.getKey(), o.getValue(), expected);
            out.printf("%s output %s: %s max_abs_err=%.3e%n", who, Names.text(o.getKey()), o.getValue().type(), e);
            worst = Math.max(worst, e);
            compared++;
        }
        if (compared == 0) throw new UserError(reference + ": holds none of the outputs " + outputs.keySet());
        return worst;
    }

    /** Integer arguments used as the indices of an {@code onnx.Gather} along axis 0 of a table must stay in it. */
    private void checkTableIndices(FuncOp main, Map<String, Tensor> inputs) {
        for (int i = 0; i < main.body().arguments().size(); i++) {
            dev.xamba.ir.Value arg = main.body().argument(i);
            Tensor t = inputs.get(main.argName(i));
            if (t == null || !t.elementType().isInteger()) continue;
            long rows = Long.MAX_VALUE;
            for (dev.xamba.ir.OpOperand use : arg.uses()) {
                dev.xamba.ir.Operation user = use.owner();
                if (!user.isA("onnx.Gather") || user.numOperands() < 2 || user.operand(1) != arg) continue;
                long axis = user.attr("axis") instanceof dev.xamba.ir.attr.IntegerAttr a ? a.value() : 0;
                if (axis == 0 && user.operand(0).type() instanceof dev.xamba.ir.type.TensorType table
                        && table.rank() > 0 && !table.isDynamicDim(0)) {
                    rows = Math.min(rows, table.dim(0));
                }
            }
            if (rows == Long.MAX_VALUE) continue;
            for (int k = 0; k < t.size(); k++) {
                long v = t.getLong(k);
                if (v < -rows || v >= rows) {
                    throw new UserError(Names.path(reference) + ": array '" + Names.text(main.argName(i)) + "' element #" + k + " is " + v
                            + ", outside the " + rows + " rows of the table it indexes (e.g. the vocabulary)");
                }
            }
        }
    }

    static int countLayers(String xml) {
        int n = 0;
        for (int i = xml.indexOf("<layer "); i >= 0; i = xml.indexOf("<layer ", i + 1)) n++;
        return n;
    }

    private Map<String, Tensor> readReference() {
        try {
            InputLoader.requireRegularFile(reference, "--reference ", limits.maxInputBytes(), "--max-input-bytes");
            return NpzFile.read(reference, arrayLimit.max);
        } catch (IOException e) {
            throw new UserError(Names.text(e.getMessage()) + LimitOptions.ArrayBytes.hint(e));
        }
    }

    static FuncOp mainFunction(Operation module) {
        ModuleOp m = new ModuleOp(module);
        return m.function("main").orElseGet(() -> {
            List<FuncOp> fs = m.functions();
            if (fs.size() != 1) throw new UserError("the model has no function @main and " + fs.size() + " functions");
            return fs.get(0);
        });
    }
}
