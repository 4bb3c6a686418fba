package dev.xamba.bench;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.onnx.OnnxImporter;
import dev.xamba.ir.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end ONNX import (parse, build, infer shapes, fold the shape sub-graph, verify) of the real exports in
 * testdata/, in one JVM after warm-up: the in-process cost a toolchain embedding xamba pays per model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImportBenchmark {
    @Param({"mamba2_tiny_l2_t16.onnx", "mamba2_tiny_l1_t16_dynamo.onnx", "mamba_tiny_l2_t16.onnx"})
    public String model;

    private Path path;

    @Setup
    public void locate() {
        Path dir = Path.of(System.getProperty("xamba.testdata", "testdata"));
        path = dir.resolve(model);
        if (!Files.isRegularFile(path)) throw new IllegalStateException(path.toAbsolutePath() + " not found; run from the repo root");
    }

    @Benchmark
    public Operation importModel() {
        return OnnxImporter.importModel(path, ImportOptions.defaults());
    }
}
