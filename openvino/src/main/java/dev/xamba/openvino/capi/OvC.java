package dev.xamba.openvino.capi;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.javacpp.annotation.ByPtrPtr;
import org.bytedeco.javacpp.annotation.ByVal;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.MemberGetter;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.StdString;


/**
 * Raw JavaCPP binding of the part of the OpenVINO C API that xamba uses. Names and signatures follow
 * {@code openvino/c/*.h}; every {@code int} result is an {@code ov_status_e} (see {@code OvStatus}),
 * every {@code int} element type an {@code ov_element_type_e} (see {@code OvElementType}).
 *
 * <p>The functions are trampolines declared in {@code src/main/native/xamba_ov_c.h}: they reach
 * libopenvino_c through dlopen, so nothing here links against OpenVINO. Call {@link #xamba_ov_load}
 * with the library's path before anything else; until then every function returns
 * NOT_IMPLEMENT_C_METHOD. Prefer the facade in {@code dev.xamba.openvino}, which does that and frees
 * everything.
 */
@Platform(value = "linux-x86_64", include = "xamba_ov_c.h")
@Namespace("xamba_ov")
public final class OvC {
    static {
        Loader.load();
    }

    private OvC() {}

    // ---- Opaque handles and small structs (declared at global scope in xamba_ov_c.h) ----

    /** {@code ov_core_t}. */
    @Opaque @Namespace("") public static final class ov_core_t extends Pointer {
        public ov_core_t() { super((Pointer) null); }
    }

    /** {@code ov_model_t}. */
    @Opaque @Namespace("") public static final class ov_model_t extends Pointer {
        public ov_model_t() { super((Pointer) null); }
    }

    /** {@code ov_compiled_model_t}. */
    @Opaque @Namespace("") public static final class ov_compiled_model_t extends Pointer {
        public ov_compiled_model_t() { super((Pointer) null); }
    }

    /** {@code ov_infer_request_t}. */
    @Opaque @Namespace("") public static final class ov_infer_request_t extends Pointer {
        public ov_infer_request_t() { super((Pointer) null); }
    }

    /** {@code ov_tensor_t}. */
    @Opaque @Namespace("") public static final class ov_tensor_t extends Pointer {
        public ov_tensor_t() { super((Pointer) null); }
    }

    /** {@code ov_output_const_port_t}. */
    @Opaque @Namespace("") public static final class ov_output_const_port_t extends Pointer {
        public ov_output_const_port_t() { super((Pointer) null); }
    }

    /** {@code ov_version_t}: filled by {@link #ov_get_openvino_version}, released by {@link #ov_version_free}. */
    @Namespace("") public static final class ov_version_t extends Pointer {
        static { Loader.load(); }
        public ov_version_t() { super((Pointer) null); allocate(); }
        private native void allocate();
        @MemberGetter public native @Cast("const char*") BytePointer buildNumber();
        @MemberGetter public native @Cast("const char*") BytePointer description();
    }

    /** {@code ov_available_devices_t}: released by {@link #ov_available_devices_free}. */
    @Namespace("") public static final class ov_available_devices_t extends Pointer {
        static { Loader.load(); }
        public ov_available_devices_t() { super((Pointer) null); allocate(); }
        private native void allocate();
        @MemberGetter public native @Cast("char**") PointerPointer<BytePointer> devices();
        @MemberGetter public native @Cast("size_t") long size();
    }

    /** {@code ov_shape_t}: {@code rank} dims at {@code dims}. */
    @Namespace("") public static final class ov_shape_t extends Pointer {
        static { Loader.load(); }
        public ov_shape_t() { super((Pointer) null); allocate(); }
        private native void allocate();
        public native @Cast("int64_t") long rank();
        public native ov_shape_t rank(long rank);
        public native @Cast("int64_t*") LongPointer dims();
        public native ov_shape_t dims(LongPointer dims);
    }

    /** {@code ov_dimension_t} / {@code ov_rank_t}: an interval; {@code min == max} when static. */
    @Namespace("") public static final class ov_dimension_t extends Pointer {
        static { Loader.load(); }
        public ov_dimension_t(Pointer p) { super(p); }
        @MemberGetter public native @Cast("int64_t") long min();
        @MemberGetter public native @Cast("int64_t") long max();
    }

    /** {@code ov_partial_shape_t}: released by {@link #ov_partial_shape_free}. */
    @Namespace("") public static final class ov_partial_shape_t extends Pointer {
        static { Loader.load(); }
        public ov_partial_shape_t() { super((Pointer) null); allocate(); }
        private native void allocate();
        @MemberGetter public native @ByRef ov_dimension_t rank();
        @MemberGetter public native ov_dimension_t dims();
    }

    /**
     * {@code ov_profiling_info_t}: one node's performance counters (times in µs); an element of
     * {@link ov_profiling_info_list_t#profiling_infos()}, stepped through with {@code position(i)}.
     */
    @Namespace("") public static final class ov_profiling_info_t extends Pointer {
        static { Loader.load(); }
        public ov_profiling_info_t(Pointer p) { super(p); }
        /** 0 NOT_RUN, 1 OPTIMIZED_OUT, 2 EXECUTED. */
        @MemberGetter public native @Cast("int") int status();
        @MemberGetter public native @Cast("int64_t") long real_time();
        @MemberGetter public native @Cast("int64_t") long cpu_time();
        @MemberGetter public native @Cast("const char*") BytePointer node_name();
        @MemberGetter public native @Cast("const char*") BytePointer exec_type();
        @MemberGetter public native @Cast("const char*") BytePointer node_type();
    }

    /** {@code ov_profiling_info_list_t}: filled by {@link #ov_infer_request_get_profiling_info}, released by {@link #ov_profiling_info_list_free}. */
    @Namespace("") public static final class ov_profiling_info_list_t extends Pointer {
        static { Loader.load(); }
        public ov_profiling_info_list_t() { super((Pointer) null); allocate(); }
        private native void allocate();
        @MemberGetter public native ov_profiling_info_t profiling_infos();
        @MemberGetter public native @Cast("size_t") long size();
    }

    // ---- Loading (xamba's own functions, see xamba_ov_c.h) ----

    /** dlopens libopenvino_c at {@code libraryPath} and resolves all functions; returns "" or the reason it failed. */
    public static native @StdString String xamba_ov_load(@Cast("const char*") BytePointer libraryPath);

    /** Whether {@link #xamba_ov_load} succeeded in this process. */
    public static native @Cast("bool") boolean xamba_ov_is_loaded();

    // ---- ov_common.h ----

    public static native @Cast("const char*") BytePointer ov_get_error_info(int status);
    public static native void ov_free(@Cast("const char*") BytePointer content);
    /** Returns a copy to release with {@link #ov_free}, or null when there is no message. */
    public static native @Cast("const char*") BytePointer ov_get_last_err_msg();

    // ---- ov_core.h ----

    public static native int ov_get_openvino_version(ov_version_t version);
    public static native void ov_version_free(ov_version_t version);
    public static native int ov_core_create(@ByPtrPtr ov_core_t core);
    public static native void ov_core_free(ov_core_t core);
    /** {@code binPath} may be null: OpenVINO then looks for the .bin next to the .xml, and ONNX files need none. */
    public static native int ov_core_read_model(@Const ov_core_t core, @Cast("const char*") BytePointer modelPath,
            @Cast("const char*") BytePointer binPath, @ByPtrPtr ov_model_t model);
    public static native int ov_core_read_model_from_memory_buffer(@Const ov_core_t core,
            @Cast("const char*") BytePointer modelStr, @Cast("const size_t") long strLen,
            @Const ov_tensor_t weights, @ByPtrPtr ov_model_t model);
    /** The variadic C function called with no properties. */
    public static native int ov_core_compile_model(@Const ov_core_t core, @Const ov_model_t model,
            @Cast("const char*") BytePointer deviceName, @ByPtrPtr ov_compiled_model_t compiledModel);
    /** The variadic C function called with {@code propertyCount} (at most 6) string key/value pairs. */
    public static native int ov_core_compile_model_with_properties(@Const ov_core_t core, @Const ov_model_t model,
            @Cast("const char*") BytePointer deviceName, @Cast("const size_t") long propertyCount,
            @Cast("const char**") PointerPointer<BytePointer> keys,
            @Cast("const char**") PointerPointer<BytePointer> values,
            @ByPtrPtr ov_compiled_model_t compiledModel);
    public static native int ov_core_get_available_devices(@Const ov_core_t core, ov_available_devices_t devices);
    public static native void ov_available_devices_free(ov_available_devices_t devices);

    // ---- ov_model.h / ov_node.h ----

    public static native void ov_model_free(ov_model_t model);
    public static native int ov_model_inputs_size(@Const ov_model_t model, SizeTPointer inputSize);
    public static native int ov_model_outputs_size(@Const ov_model_t model, SizeTPointer outputSize);
    public static native int ov_model_const_input_by_index(@Const ov_model_t model, @Cast("const size_t") long index,
            @ByPtrPtr ov_output_const_port_t inputPort);
    public static native int ov_model_const_output_by_index(@Const ov_model_t model, @Cast("const size_t") long index,
            @ByPtrPtr ov_output_const_port_t outputPort);
    public static native int ov_model_const_output_by_name(@Const ov_model_t model, @Cast("const char*") String tensorName,
            @ByPtrPtr ov_output_const_port_t outputPort);
    /** The name is a copy to release with {@link #ov_free}. */
    public static native int ov_port_get_any_name(@Const ov_output_const_port_t port,
            @Cast("char**") PointerPointer<BytePointer> tensorName);
    public static native int ov_port_get_element_type(@Const ov_output_const_port_t port,
            @Cast("ov_element_type_e*") IntPointer tensorType);
    public static native int ov_port_get_partial_shape(@Const ov_output_const_port_t port,
            ov_partial_shape_t partialShape);
    public static native void ov_partial_shape_free(ov_partial_shape_t partialShape);
    public static native void ov_output_const_port_free(ov_output_const_port_t port);

    // ---- ov_compiled_model.h ----

    public static native int ov_compiled_model_inputs_size(@Const ov_compiled_model_t compiledModel,
            SizeTPointer size);
    public static native int ov_compiled_model_outputs_size(@Const ov_compiled_model_t compiledModel,
            SizeTPointer size);
    public static native int ov_compiled_model_create_infer_request(@Const ov_compiled_model_t compiledModel,
            @ByPtrPtr ov_infer_request_t inferRequest);
    public static native void ov_compiled_model_free(ov_compiled_model_t compiledModel);

    // ---- ov_infer_request.h ----

    public static native int ov_infer_request_set_tensor(ov_infer_request_t inferRequest,
            @Cast("const char*") BytePointer tensorName, @Const ov_tensor_t tensor);
    public static native int ov_infer_request_set_input_tensor_by_index(ov_infer_request_t inferRequest,
            @Cast("const size_t") long idx, @Const ov_tensor_t tensor);
    public static native int ov_infer_request_get_tensor(@Const ov_infer_request_t inferRequest,
            @Cast("const char*") BytePointer tensorName, @ByPtrPtr ov_tensor_t tensor);
    public static native int ov_infer_request_get_output_tensor_by_index(@Const ov_infer_request_t inferRequest,
            @Cast("const size_t") long idx, @ByPtrPtr ov_tensor_t tensor);
    public static native int ov_infer_request_infer(ov_infer_request_t inferRequest);
    /** The counters of the last inference; needs the compile property {@code PERF_COUNT=YES}. */
    public static native int ov_infer_request_get_profiling_info(@Const ov_infer_request_t inferRequest,
            ov_profiling_info_list_t profilingInfos);
    public static native void ov_profiling_info_list_free(ov_profiling_info_list_t profilingInfos);
    public static native void ov_infer_request_free(ov_infer_request_t inferRequest);

    // ---- ov_tensor.h / ov_shape.h ----

    public static native int ov_tensor_create(int type, @ByVal @Const ov_shape_t shape, @ByPtrPtr ov_tensor_t tensor);
    /** OpenVINO does not copy {@code hostPtr}: it must outlive the tensor. */
    public static native int ov_tensor_create_from_host_ptr(int type, @ByVal @Const ov_shape_t shape, Pointer hostPtr,
            @ByPtrPtr ov_tensor_t tensor);
    public static native int ov_tensor_get_shape(@Const ov_tensor_t tensor, ov_shape_t shape);
    public static native int ov_tensor_get_element_type(@Const ov_tensor_t tensor,
            @Cast("ov_element_type_e*") IntPointer type);
    public static native int ov_tensor_get_size(@Const ov_tensor_t tensor, SizeTPointer elementsSize);
    public static native int ov_tensor_get_byte_size(@Const ov_tensor_t tensor, SizeTPointer byteSize);
    public static native int ov_tensor_data(@Const ov_tensor_t tensor, @Cast("void**") PointerPointer<Pointer> data);
    public static native void ov_tensor_free(ov_tensor_t tensor);
    /** Fails (INVALID_C_PARAM) for rank 0; fill an {@link ov_shape_t} directly for scalars. */
    public static native int ov_shape_create(@Cast("const int64_t") long rank, @Cast("const int64_t*") LongPointer dims,
            ov_shape_t shape);
    public static native int ov_shape_free(ov_shape_t shape);
}
