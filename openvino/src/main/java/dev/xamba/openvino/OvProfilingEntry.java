package dev.xamba.openvino;

/**
 * One node's performance counters from the last inference of a request compiled with {@code PERF_COUNT=YES}
 * ({@link OvInferRequest#profilingInfo()}).
 *
 * @param nodeName   the node's name: the layer name of the IR, or a name the plugin gave a node it inserted
 * @param nodeType   the node's type ({@code MatMul}, {@code Reorder})
 * @param execType   the kernel that ran ({@code brgemm_avx2_f32}, {@code jit_avx2_f32}, {@code undef})
 * @param status     whether the node ran
 * @param realTimeUs wall time the node ran, µs
 * @param cpuTimeUs  host CPU time, µs
 */
public record OvProfilingEntry(String nodeName, String nodeType, String execType, Status status, long realTimeUs,
                               long cpuTimeUs) {
    /** {@code ov_profiling_info_t::Status}, in the C enum's order. */
    public enum Status { NOT_RUN, OPTIMIZED_OUT, EXECUTED }
}
