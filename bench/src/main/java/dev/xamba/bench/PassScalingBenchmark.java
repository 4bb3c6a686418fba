package dev.xamba.bench;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the passes scale with function size (issue 7): one pass over a function of {@code n} ops, built fresh
 * before each invocation (the passes edit in place). Per-op time should not grow with {@code n}.
 * <ul>
 *   <li>{@code canonicalize}: {@code n} dead ops, each reading the argument and the previous one, all erased
 *       (a dead chain, and one value with {@code n} uses);</li>
 *   <li>{@code cse}: {@code n} identical {@code ov.Add(%a, %b)}, merged into the first;</li>
 *   <li>{@code legalize-ov}: a chain of {@code n} onnx ops (Add with the argument, Relu, Mul), each lowered to
 *       ov ops inserted in the middle of the block.</li>
 * </ul>
 * {@code bench/scaling.sh} runs it and prints the Markdown table (time per op and the 320k/10k ratio).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Xss8m"})
public class PassScalingBenchmark {
    private static final TensorType T = TensorType.of(ElementType.F32, 1, 4);

    @Param({"canonicalize", "cse", "legalize-ov"})
    public String pass;

    @Param({"10000", "80000", "320000"})
    public int n;

    private PassManager manager;
    private Operation module;

    @Setup(Level.Trial)
    public void parsePipeline() {
        manager = PassManager.parse(pass, PassManager.Options.defaults());
    }

    @Setup(Level.Invocation)
    public void build() {
        module = switch (pass) {
            case "canonicalize" -> deadOps(n);
            case "cse" -> duplicates(n);
            case "legalize-ov" -> onnxChain(n);
            default -> throw new IllegalArgumentException("no input for pass " + pass);
        };
        // Settle the freshly built IR (and the previous invocation's garbage) outside the timed region, so that
        // the pass is not charged for copying its input out of the young generation.
        System.gc();
    }

    @Benchmark
    public PassContext runPass() {
        return manager.run(module);
    }

    /** {@code n} dead {@code ov.Multiply(%arg0, previous)}; the function returns its argument. */
    static Operation deadOps(int n) {
        Function f = new Function(2);
        Value prev = f.arg(1);
        for (int i = 0; i < n; i++) prev = f.op("ov.Multiply", f.arg(0), prev);
        return f.returning(f.arg(0));
    }

    /** {@code n} copies of {@code ov.Add(%arg0, %arg1)}; the last one is returned. */
    static Operation duplicates(int n) {
        Function f = new Function(2);
        Value last = null;
        for (int i = 0; i < n; i++) last = f.op("ov.Add", f.arg(0), f.arg(1));
        return f.returning(last);
    }

    /** A chain of {@code n} onnx ops cycling through Add (with the argument), Relu and Mul. */
    static Operation onnxChain(int n) {
        Function f = new Function(1);
        Value prev = f.arg(0);
        for (int i = 0; i < n; i++) {
            prev = switch (i % 3) {
                case 0 -> f.op("onnx.Add", prev, f.arg(0));
                case 1 -> f.op("onnx.Relu", prev);
                default -> f.op("onnx.Mul", prev, prev);
            };
        }
        return f.returning(prev);
    }

    /** A module with one function {@code @main} of f32[1,4] arguments, built through the IR's API. */
    private static final class Function {
        private final ModuleOp module = ModuleOp.create("scaling", Location.UNKNOWN);
        private final FuncOp func;
        private final List<Type> inputs;
        private final OpBuilder builder;

        Function(int arguments) {
            inputs = java.util.Collections.nCopies(arguments, T);
            func = FuncOp.create("main", new FunctionType(inputs, List.of()), Location.UNKNOWN);
            module.body().append(func.op());
            builder = OpBuilder.atEnd(func.body());
        }

        Value arg(int i) { return func.body().argument(i); }

        Value op(String name, Value... operands) {
            return builder.create(name, List.of(operands), Map.of(), Location.UNKNOWN).result();
        }

        Operation returning(Value result) {
            builder.create("func.return", List.of(result), Map.of(), Location.UNKNOWN);
            func.setType(new FunctionType(inputs, List.of(result.type())));
            return module.op();
        }
    }
}
