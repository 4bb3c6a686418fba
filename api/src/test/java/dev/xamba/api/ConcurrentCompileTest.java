package dev.xamba.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.codegen.RenderedIr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A service compiles models concurrently: two threads compiling different models through {@link Xamba} at once,
 * over and over, must produce exactly the bytes each model gives compiled alone (no shared mutable state in the
 * importer, the passes, the cost models or the writer).
 */
class ConcurrentCompileTest {
    private static final int ROUNDS = 10;
    /** XAMBA on and forced, so that the cost-model and rewrite code runs in both threads. */
    private static final CompileOptions OPTIONS = CompileOptions.defaults().withTarget("npu4").withXamba("all").withRemarks(true);

    @Test
    void twoThreadsCompilingDifferentModelsGiveTheBytesOfCompilingAlone() throws Exception {
        List<Path> models = List.of(TestModels.testdata("mamba2_tiny_l2_t16.onnx"), TestModels.testdata("mamba_tiny_l2_t16.onnx"));
        List<RenderedIr> alone = new ArrayList<>();
        for (Path m : models) alone.add(compile(m));
        assertThat(alone.get(0).xml()).isNotEqualTo(alone.get(1).xml()); // different models, or the test proves nothing

        ExecutorService pool = Executors.newFixedThreadPool(models.size());
        try {
            CyclicBarrier together = new CyclicBarrier(models.size());
            List<Future<List<RenderedIr>>> runs = new ArrayList<>();
            for (Path m : models) {
                runs.add(pool.submit(() -> {
                    List<RenderedIr> out = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        together.await(); // both threads start each round at once
                        out.add(compile(m));
                    }
                    return out;
                }));
            }
            for (int i = 0; i < models.size(); i++) {
                for (RenderedIr ir : runs.get(i).get()) {
                    // Arrays.equals: a failure names the model, not a few hundred kilobytes of both arrays
                    assertThat(Arrays.equals(ir.xml(), alone.get(i).xml())).as("same .xml for %s", models.get(i)).isTrue();
                    assertThat(Arrays.equals(ir.bin(), alone.get(i).bin())).as("same .bin for %s", models.get(i)).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RenderedIr compile(Path model) throws CompileException {
        CompileResult r = Xamba.compile(model, OPTIONS);
        assertThat(r.remarks()).as("XAMBA rewrites ran on %s", model).anySatisfy(d -> assertThat(d.message()).startsWith("[xamba-"));
        return r.ir().orElseThrow();
    }
}
