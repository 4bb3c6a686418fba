package dev.xamba.bench;

import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.print.AsmPrinter;
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

/** Parsing and printing textual IR: a chain of {@code ops} elementwise ops in one function. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
    @Param({"5000"})
    public int ops;

    private String text;
    private Operation parsed;

    @Setup
    public void build() {
        StringBuilder sb = new StringBuilder("module {\n  func.func @chain(%arg0: tensor<1x16xf32>) -> tensor<1x16xf32> {\n");
        String prev = "%arg0";
        for (int i = 0; i < ops; i++) {
            sb.append("    %").append(i).append(" = \"ov.ReLU\"(").append(prev).append(") : (tensor<1x16xf32>) -> tensor<1x16xf32>\n");
            prev = "%" + i;
        }
        text = sb.append("    func.return ").append(prev).append(" : tensor<1x16xf32>\n  }\n}\n").toString();
        parsed = TextIrParser.parse(text, "chain.xir");
    }

    @Benchmark
    public Operation parse() {
        return TextIrParser.parse(text, "chain.xir");
    }

    @Benchmark
    public String print() {
        return AsmPrinter.print(parsed);
    }
}
