package dev.xamba.cli;

import static dev.xamba.cli.HostileFiles.model;
import static dev.xamba.cli.HostileFiles.write;
import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.frontend.onnx.OnnxBuilder;
import dev.xamba.frontend.onnx.proto.GraphProto;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file truncated by another process while xambac reads it: one line and exit 1, not a JVM stack trace. */
class MappedFileFaultTest {
    @TempDir
    Path dir;

    @Test
    void recognizesThisJdksFaultOnATruncatedMapping() throws Exception {
        Path f = Files.write(dir.resolve("f.bin"), new byte[1 << 16]);
        MappedByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, 1 << 16);
            ch.truncate(0);
        }
        InternalError fault = null;
        try {
            mapped.get(1 << 15);
            // HotSpot raises the fault of compiled code asynchronously, at the thread's next check (a native call's return).
            for (int i = 0; i < 100; i++) Thread.yield();
        } catch (InternalError e) {
            fault = e;
        }
        assertThat(fault).as("reading a truncated mapping faults").isNotNull();
        assertThat(MappedFileFault.is(fault)).as(fault.getMessage()).isTrue();
        assertThat(MappedFileFault.is(new InternalError("something else"))).isFalse();
    }

    @Test
    void aModelTruncatedDuringTheCompileIsOneLineAndExitOne() throws Exception {
        // A weight of 64 KiB, stored in the model as raw data (so it is read through the mapping).
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 16384))
                .addInitializer(OnnxBuilder.floats("w", dims(16384), new float[16384]))
                .addNode(node("add", "Add", List.of("x", "w"), List.of("y"))).addOutput(tensor("y", FLOAT, 16384));
        Path m = write(dir.resolve("m.onnx"), model(g));
        Path out = dir.resolve("o.xir");

        CliRunner.Result r = CliRunner.run(CrashingPasses.registry(), "opt", m.toString(), "--passes", "test-truncate-input", "-o", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("xambac: error: " + m + " (or a file it names) changed while xambac read it: it was truncated or"
                + " rewritten in place; nothing was written\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.onnx");
        }
    }
}
