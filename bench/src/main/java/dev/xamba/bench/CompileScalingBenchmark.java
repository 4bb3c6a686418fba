package dev.xamba.bench;

import dev.xamba.api.CompileException;
import dev.xamba.api.CompileOptions;
import dev.xamba.api.CompileResult;
import dev.xamba.api.Xamba;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole compile (import, passes, OpenVINO IR written to a temporary folder) of the generated N-layer 130M-shaped
 * models, in one JVM after warm-up: how the compiler's own time grows with the model, without the JVM's start-up
 * and JIT warm-up that a fresh {@code xambac} process pays (which {@code bench/compile_bench.sh} measures). The
 * warm-up is time-based, so a 1-layer model is compiled hundreds of times before it is measured and a 96-layer
 * one a few times: every size reaches the same compiled code. The JIT is the JVM's default (C1 and C2), as in a
 * long-running toolchain; the launcher's C1-only choice is about start-up.
 *
 * <p>The models come from {@code bench/make_deep_model.py} ({@code target/deep-models/}, or the folder in
 * {@code -Dxamba.deepModels}); {@code bench/compile_bench.sh --warm} generates them and prints time per node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 7)
// bin/xambac's collector (serial, 32 MB young generation), so that only start-up and the JIT's warm-up differ from
// the process measurements. Under G1, a server JVM's default, the 96-layer Mamba-2 took 1.1 to 2.1 s from one compile
// to the next while every layer held its own encoding of one folded constant; 1.0 to 1.3 s since they share it (see
// README, "Compile speed"; -jvmArgsAppend "-Xmx4g -XX:+UseG1GC" measures it).
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseSerialGC", "-Xmn32m"})
public class CompileScalingBenchmark {
    @Param({"mamba", "mamba2"})
    public String family;

    @Param({"1", "6", "24", "96"})
    public int layers;

    /** Seconds of whole compiles before measuring (JMH's iteration-count warm-up cannot be the same for all sizes). */
    @Param({"20"})
    public int warmupSeconds;

    private Path model;
    private Path outDir;
    private Path xml;

    @Setup(Level.Trial)
    public void warmUp() throws IOException, CompileException {
        Path dir = Path.of(System.getProperty("xamba.deepModels", "target/deep-models"));
        model = dir.resolve(family + "_130m_deep_l" + layers + ".onnx");
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException(model.toAbsolutePath() + " not found: generate it with bench/make_deep_model.py --family "
                    + family + " --layers " + layers + " (bench/compile_bench.sh --warm does)");
        }
        outDir = Files.createTempDirectory("xamba-compile-scaling");
        xml = outDir.resolve("model.xml");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        do {
            compile();
            deleteOutputs();
        } while (System.nanoTime() < end);
    }

    @Benchmark
    public CompileResult compile() throws CompileException {
        return Xamba.compile(model, CompileOptions.defaults().withEmit(CompileOptions.Emit.OV).withOutput(xml));
    }

    /** Deleted before the next compile writes them again: a 96-layer .bin is 1.4 GB of page cache. */
    @TearDown(Level.Invocation)
    public void deleteOutputs() throws IOException {
        Files.deleteIfExists(xml);
        Files.deleteIfExists(outDir.resolve("model.bin"));
    }

    @TearDown(Level.Trial)
    public void removeFolder() throws IOException {
        deleteOutputs();
        Files.deleteIfExists(outDir);
    }
}
