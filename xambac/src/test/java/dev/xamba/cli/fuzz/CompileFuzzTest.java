package dev.xamba.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.xamba.cli.FuzzPipeline;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the three ways into the compiler (ONNX, OpenVINO IR, textual IR) and for the array files verify
 * and run read. Without {@code JAZZER_FUZZ} (the normal test run) each replays its committed corpus under
 * {@code src/test/resources/dev/xamba/cli/fuzz/CompileFuzzTestInputs/<method>/}; {@code bench/fuzz.sh} fuzzes them. An
 * input passes when it compiles or is rejected with a diagnostic; any other exception (or an
 * {@link OutOfMemoryError}, a hang) is a bug.
 */
class CompileFuzzTest {
    /** ONNX bytes → model → IR → verify → legalize → OpenVINO IR files. */
    @FuzzTest(maxDuration = "10m")
    void onnxModel(byte[] data) {
        FuzzPipeline.compileOnnx(data);
    }

    /** An OpenVINO IR .xml and .bin (see {@link FuzzPipeline#compileOvIr}) → IR → verify → passes → OpenVINO IR files. */
    @FuzzTest(maxDuration = "10m")
    void openVinoIr(byte[] data) {
        FuzzPipeline.compileOvIr(data);
    }

    /** Bytes → the .npz and .npy readers of {@code verify --reference} and {@code run --input}. */
    @FuzzTest(maxDuration = "10m")
    void referenceArrays(byte[] data) {
        FuzzPipeline.readArrays(data);
    }

    /** Text → textual-IR parser → verify → the compile pipeline → OpenVINO IR files. */
    @FuzzTest(maxDuration = "10m")
    void textualIr(byte[] data) {
        FuzzPipeline.compileText(new String(data, StandardCharsets.UTF_8));
    }
}
