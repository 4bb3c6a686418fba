package dev.xamba.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.openvino.OvException;
import org.junit.jupiter.api.Test;

/**
 * OpenVINO's failures as xambac reports them, from the texts OpenVINO 2026.4 gave (the CPU plugin's allocation check
 * came from a Tile by 2^40 run under {@code ulimit -v}; reproducing it here would need tens of GB on a bigger
 * machine, so its text is used as recorded; {@code std::bad_alloc} is also run for real in HostileRuntimeTest).
 */
class OpenVinoFailureMessagesTest {
    private static final String CPU_PLUGIN_ALLOCATION = """
            Exception from src/inference/src/cpp/infer_request.cpp:224:
            Exception from src/plugins/intel_cpu/src/node.cpp:794:
            [CPU] Tile node with name 'Tile_4' Check 'ptr' failed at src/plugins/intel_cpu/src/cpu_memory.cpp:257:
            Failed to allocate 34359738352 bytes of memory

            """;

    @Test
    void theCpuPluginsAllocationFailureIsLackOfMemoryEvenOnXambasOwnIr() {
        OvException e = new OvException("ov_infer_request_infer", -1, CPU_PLUGIN_ALLOCATION);
        RuntimeException r = OpenVinoEngine.rejected(e, false, "m.onnx", "running it", "failed to run it");
        assertThat(r).isInstanceOf(InputCheck.Rejected.class).hasMessage("m.onnx: OpenVINO ran out of memory running it "
                + "(Failed to allocate 34359738352 bytes of memory): a tensor of the model, or one its inputs make, is too large for this machine");
    }

    @Test
    void anyOtherFailureOnXambasOwnIrIsABugAndOnAUsersFileOneLine() {
        OvException e = new OvException("ov_core_compile_model", -1, "Exception from src/a.cpp:1:\nsomething unsupported\n\n");
        assertThat(OpenVinoEngine.rejected(e, false, "m.onnx", "compiling it for CPU", "cannot compile it for CPU")).isSameAs(e);
        assertThat(OpenVinoEngine.rejected(e, true, "m.xml", "compiling it for CPU", "cannot compile it for CPU"))
                .isInstanceOf(InputCheck.Rejected.class).hasMessage("m.xml: OpenVINO cannot compile it for CPU: something unsupported");
    }
}
