package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.NpzFile;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.PassManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xambac verify}: runs a compiled model on the inputs of a reference {@code .npz} and compares every
 * output with the reference. The last line is {@code max_abs_err=<e> tolerance=<t> PASS|FAIL}; exit 0 only on
 * PASS.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Runs MODEL on the inputs stored in a reference .npz (arrays named like the model's inputs)",
                "and compares each output with the array of the same name. Prints one line per output and a",
                "final line 'max_abs_err=<e> tolerance=<t> PASS|FAIL'; exits 0 only on PASS."})
final class VerifyCommand implements Callable<Integer> {

    enum Engine { java }

    @Parameters(index = "0", paramLabel = "MODEL", description = "An ONNX model (.onnx) or textual IR (.xir).")
    String input;

    @Option(names = "--reference", required = true, paramLabel = "IO.npz",
            description = "NumPy .npz holding the model's inputs and expected outputs, by name.")
    Path reference;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "What runs the model: ${COMPLETION-CANDIDATES} (java: xamba's reference interpreter). Default: ${DEFAULT-VALUE}.")
    Engine engine = Engine.java;

    @Option(names = "--tolerance", paramLabel = "T", description = "Largest accepted absolute error (default: ${DEFAULT-VALUE}).")
    double tolerance = 1e-4;

    @Mixin
    PipelineOptions pipeline;

    @Override public Integer call() {
        Operation module = InputLoader.load(input);
        Verifier.verifyOrThrow(module);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PassManager.parse("canonicalize,cse", pipeline.options(err)).run(module).diagnostics()
                .forEach(d -> err.println(d.render()));
        FuncOp main = mainFunction(module);
        Map<String, Tensor> arrays = readReference();

        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < main.body().arguments().size(); i++) {
            String name = main.argName(i);
            Tensor t = arrays.get(name);
            if (t == null) throw new UserError(reference + ": has no array '" + name + "' for input #" + i + " (arrays: " + arrays.keySet() + ")");
            inputs.add(t);
        }
        long start = System.nanoTime();
        List<Tensor> outputs = Interpreter.run(main, inputs);
        long micros = (System.nanoTime() - start) / 1000;

        double worst = 0;
        int compared = 0;
        for (int i = 0; i < outputs.size(); i++) {
            String name = main.resultName(i);
            Tensor expected = arrays.get(name);
            if (expected == null) {
                out.println("output " + name + ": no reference array, not compared");
                continue;
            }
            double err1 = TensorComparison.maxAbsError(name, outputs.get(i), expected);
            out.printf("output %s: %s max_abs_err=%.3e%n", name, outputs.get(i).type(), err1);
            worst = Math.max(worst, err1);
            compared++;
        }
        if (compared == 0) throw new UserError(reference + ": holds none of the model's outputs");
        boolean pass = worst <= tolerance;
        out.printf("engine=%s run_time=%.1fms%n", engine, micros / 1000.0);
        out.printf("max_abs_err=%.3e tolerance=%.1e %s%n", worst, tolerance, pass ? "PASS" : "FAIL");
        return pass ? 0 : 1;
    }

    private Map<String, Tensor> readReference() {
        try {
            return NpzFile.read(reference);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
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
