// The part of the OpenVINO C API that xamba uses, reached through dlopen/dlsym.
//
// Why this file exists: the module must build on a machine without OpenVINO (the compiler is built
// before the test setup installs the openvino wheel). So the JNI glue that JavaCPP generates for
// dev.xamba.openvino.capi.OvC includes this header instead of <openvino/c/openvino.h>, and never
// links against libopenvino_c. At run time xamba_ov_load() dlopens the library whose path Java
// found and resolves every function below; each trampoline then forwards to the real function.
//
// The types and signatures are copied from the wheel's headers (openvino/include/openvino/c/*.h,
// OpenVINO 2026.4). The trampolines live in namespace xamba_ov so they cannot clash with the
// real C symbols once libopenvino_c is loaded with RTLD_GLOBAL.
#pragma once

#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

#include <string>

// ov_status_e and ov_element_type_e are C enums whose values all fit an int; on x86-64 (the only
// platform built) such enums are passed and stored exactly like int. Their values are listed in
// the Java enums OvStatus and OvElementType, so they are not repeated here.
typedef int ov_status_e;
typedef int ov_element_type_e;

typedef struct ov_core ov_core_t;
typedef struct ov_model ov_model_t;
typedef struct ov_compiled_model ov_compiled_model_t;
typedef struct ov_infer_request ov_infer_request_t;
typedef struct ov_tensor ov_tensor_t;
typedef struct ov_output_const_port ov_output_const_port_t;

typedef struct ov_version {
    const char* buildNumber;
    const char* description;
} ov_version_t;

typedef struct {
    char** devices;
    size_t size;
} ov_available_devices_t;

typedef struct {
    int64_t rank;
    int64_t* dims;
} ov_shape_t;

typedef struct ov_dimension {
    int64_t min;
    int64_t max;
} ov_dimension_t;

typedef ov_dimension_t ov_rank_t;

typedef struct {
    enum Status {
        NOT_RUN,
        OPTIMIZED_OUT,
        EXECUTED
    } status;
    int64_t real_time;  // microseconds
    int64_t cpu_time;
    const char* node_name;
    const char* exec_type;
    const char* node_type;
} ov_profiling_info_t;

typedef struct {
    ov_profiling_info_t* profiling_infos;
    size_t size;
} ov_profiling_info_list_t;

typedef struct ov_partial_shape {
    ov_rank_t rank;
    ov_dimension_t* dims;
} ov_partial_shape_t;

// X(name, parameter list, argument list) for every bound function returning ov_status_e.
#define XAMBA_OV_STATUS_FUNCTIONS(X)                                                                       \
    X(ov_get_openvino_version, (ov_version_t * version), (version))                                        \
    X(ov_core_create, (ov_core_t * *core), (core))                                                         \
    X(ov_core_read_model,                                                                                  \
      (const ov_core_t* core, const char* model_path, const char* bin_path, ov_model_t** model),           \
      (core, model_path, bin_path, model))                                                                 \
    X(ov_core_read_model_from_memory_buffer,                                                               \
      (const ov_core_t* core, const char* model_str, const size_t str_len, const ov_tensor_t* weights,     \
       ov_model_t** model),                                                                                \
      (core, model_str, str_len, weights, model))                                                          \
    X(ov_core_get_available_devices, (const ov_core_t* core, ov_available_devices_t* devices),             \
      (core, devices))                                                                                     \
    X(ov_model_inputs_size, (const ov_model_t* model, size_t* input_size), (model, input_size))            \
    X(ov_model_outputs_size, (const ov_model_t* model, size_t* output_size), (model, output_size))         \
    X(ov_model_const_input_by_index,                                                                       \
      (const ov_model_t* model, const size_t index, ov_output_const_port_t** input_port),                  \
      (model, index, input_port))                                                                          \
    X(ov_model_const_output_by_index,                                                                      \
      (const ov_model_t* model, const size_t index, ov_output_const_port_t** output_port),                 \
      (model, index, output_port))                                                                         \
    X(ov_model_const_output_by_name,                                                                       \
      (const ov_model_t* model, const char* tensor_name, ov_output_const_port_t** output_port),            \
      (model, tensor_name, output_port))                                                                   \
    X(ov_port_get_any_name, (const ov_output_const_port_t* port, char** tensor_name), (port, tensor_name)) \
    X(ov_port_get_element_type, (const ov_output_const_port_t* port, ov_element_type_e* tensor_type),      \
      (port, tensor_type))                                                                                 \
    X(ov_port_get_partial_shape, (const ov_output_const_port_t* port, ov_partial_shape_t* partial_shape),  \
      (port, partial_shape))                                                                               \
    X(ov_compiled_model_inputs_size, (const ov_compiled_model_t* compiled_model, size_t* size),            \
      (compiled_model, size))                                                                              \
    X(ov_compiled_model_outputs_size, (const ov_compiled_model_t* compiled_model, size_t* size),           \
      (compiled_model, size))                                                                              \
    X(ov_compiled_model_create_infer_request,                                                              \
      (const ov_compiled_model_t* compiled_model, ov_infer_request_t** infer_request),                     \
      (compiled_model, infer_request))                                                                     \
    X(ov_infer_request_set_tensor,                                                                         \
      (ov_infer_request_t * infer_request, const char* tensor_name, const ov_tensor_t* tensor),            \
      (infer_request, tensor_name, tensor))                                                                \
    X(ov_infer_request_set_input_tensor_by_index,                                                          \
      (ov_infer_request_t * infer_request, const size_t idx, const ov_tensor_t* tensor),                   \
      (infer_request, idx, tensor))                                                                        \
    X(ov_infer_request_get_tensor,                                                                         \
      (const ov_infer_request_t* infer_request, const char* tensor_name, ov_tensor_t** tensor),            \
      (infer_request, tensor_name, tensor))                                                                \
    X(ov_infer_request_get_output_tensor_by_index,                                                         \
      (const ov_infer_request_t* infer_request, const size_t idx, ov_tensor_t** tensor),                   \
      (infer_request, idx, tensor))                                                                        \
    X(ov_infer_request_infer, (ov_infer_request_t * infer_request), (infer_request))                       \
    X(ov_infer_request_get_profiling_info,                                                                 \
      (const ov_infer_request_t* infer_request, ov_profiling_info_list_t* profiling_infos),                \
      (infer_request, profiling_infos))                                                                    \
    X(ov_tensor_create, (const ov_element_type_e type, const ov_shape_t shape, ov_tensor_t** tensor),      \
      (type, shape, tensor))                                                                               \
    X(ov_tensor_create_from_host_ptr,                                                                      \
      (const ov_element_type_e type, const ov_shape_t shape, void* host_ptr, ov_tensor_t** tensor),        \
      (type, shape, host_ptr, tensor))                                                                     \
    X(ov_tensor_get_shape, (const ov_tensor_t* tensor, ov_shape_t* shape), (tensor, shape))                \
    X(ov_tensor_get_element_type, (const ov_tensor_t* tensor, ov_element_type_e* type), (tensor, type))    \
    X(ov_tensor_get_size, (const ov_tensor_t* tensor, size_t* elements_size), (tensor, elements_size))     \
    X(ov_tensor_get_byte_size, (const ov_tensor_t* tensor, size_t* byte_size), (tensor, byte_size))        \
    X(ov_tensor_data, (const ov_tensor_t* tensor, void** data), (tensor, data))                            \
    X(ov_shape_create, (const int64_t rank, const int64_t* dims, ov_shape_t* shape), (rank, dims, shape))  \
    X(ov_shape_free, (ov_shape_t * shape), (shape))

// X(name, parameter list, argument list) for every bound function returning void.
#define XAMBA_OV_VOID_FUNCTIONS(X)                                                                         \
    X(ov_free, (const char* content), (content))                                                           \
    X(ov_version_free, (ov_version_t * version), (version))                                                \
    X(ov_core_free, (ov_core_t * core), (core))                                                            \
    X(ov_available_devices_free, (ov_available_devices_t * devices), (devices))                            \
    X(ov_model_free, (ov_model_t * model), (model))                                                        \
    X(ov_output_const_port_free, (ov_output_const_port_t * port), (port))                                  \
    X(ov_partial_shape_free, (ov_partial_shape_t * partial_shape), (partial_shape))                        \
    X(ov_compiled_model_free, (ov_compiled_model_t * compiled_model), (compiled_model))                    \
    X(ov_infer_request_free, (ov_infer_request_t * infer_request), (infer_request))                        \
    X(ov_profiling_info_list_free, (ov_profiling_info_list_t * profiling_infos), (profiling_infos))        \
    X(ov_tensor_free, (ov_tensor_t * tensor), (tensor))

// X(name, return type, parameter list, argument list) for the rest.
#define XAMBA_OV_OTHER_FUNCTIONS(X)                                                                        \
    X(ov_get_error_info, const char*, (ov_status_e status), (status))                                      \
    X(ov_get_last_err_msg, const char*, (), ())

namespace xamba_ov {

// Returned by a trampoline whose function is not loaded (same value as OpenVINO's own code).
static const ov_status_e NOT_IMPLEMENT_C_METHOD = -16;

// The variadic compile function is resolved under its own name but called only through the
// fixed-arity trampolines below, because Java cannot call C varargs.
typedef ov_status_e (*compile_model_fn)(const ov_core_t*, const ov_model_t*, const char*, const size_t,
                                        ov_compiled_model_t**, ...);

struct Functions {
#define XAMBA_OV_STATUS_FIELD(name, params, args) ov_status_e(*name) params;
#define XAMBA_OV_VOID_FIELD(name, params, args) void(*name) params;
#define XAMBA_OV_OTHER_FIELD(name, ret, params, args) ret(*name) params;
    XAMBA_OV_STATUS_FUNCTIONS(XAMBA_OV_STATUS_FIELD)
    XAMBA_OV_VOID_FUNCTIONS(XAMBA_OV_VOID_FIELD)
    XAMBA_OV_OTHER_FUNCTIONS(XAMBA_OV_OTHER_FIELD)
    compile_model_fn ov_core_compile_model;
#undef XAMBA_OV_STATUS_FIELD
#undef XAMBA_OV_VOID_FIELD
#undef XAMBA_OV_OTHER_FIELD
};

// This header is included by exactly one translation unit (the generated jniOvC.cpp), so plain
// static state is one instance per process.
static Functions functions = {};
static void* library_handle = NULL;

// Loads the library at library_path and resolves every function. Returns "" on success, else a
// description of what failed. Calling it again after a success is a no-op; the Java side
// serializes calls.
static std::string xamba_ov_load(const char* library_path) {
    if (library_handle != NULL) {
        return "";
    }
    // RTLD_NOW: fail here, not in the middle of a call. RTLD_GLOBAL: OpenVINO's plugins and
    // frontends, dlopened later by libopenvino itself, see the same symbols.
    void* handle = dlopen(library_path, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL) {
        const char* reason = dlerror();
        return std::string("dlopen failed: ") + (reason != NULL ? reason : "unknown reason");
    }
    Functions loaded = {};
    std::string missing;
#define XAMBA_OV_RESOLVE(name)                                                    \
    *reinterpret_cast<void**>(&loaded.name) = dlsym(handle, #name);               \
    if (loaded.name == NULL) {                                                    \
        missing += missing.empty() ? #name : ", " #name;                          \
    }
#define XAMBA_OV_RESOLVE3(name, params, args) XAMBA_OV_RESOLVE(name)
#define XAMBA_OV_RESOLVE4(name, ret, params, args) XAMBA_OV_RESOLVE(name)
    XAMBA_OV_STATUS_FUNCTIONS(XAMBA_OV_RESOLVE3)
    XAMBA_OV_VOID_FUNCTIONS(XAMBA_OV_RESOLVE3)
    XAMBA_OV_OTHER_FUNCTIONS(XAMBA_OV_RESOLVE4)
    XAMBA_OV_RESOLVE(ov_core_compile_model)
#undef XAMBA_OV_RESOLVE
#undef XAMBA_OV_RESOLVE3
#undef XAMBA_OV_RESOLVE4
    if (!missing.empty()) {
        dlclose(handle);
        return std::string(library_path) + " lacks the functions: " + missing;
    }
    functions = loaded;
    library_handle = handle;
    return "";
}

static bool xamba_ov_is_loaded() { return library_handle != NULL; }

// Trampolines: same names and signatures as the C API.
#define XAMBA_OV_STATUS_TRAMPOLINE(name, params, args)                      \
    static ov_status_e name params {                                        \
        return functions.name != NULL ? functions.name args : NOT_IMPLEMENT_C_METHOD; \
    }
#define XAMBA_OV_VOID_TRAMPOLINE(name, params, args) \
    static void name params {                        \
        if (functions.name != NULL) functions.name args; \
    }
#define XAMBA_OV_OTHER_TRAMPOLINE(name, ret, params, args) \
    static ret name params {                               \
        return functions.name != NULL ? functions.name args : NULL; \
    }
XAMBA_OV_STATUS_FUNCTIONS(XAMBA_OV_STATUS_TRAMPOLINE)
XAMBA_OV_VOID_FUNCTIONS(XAMBA_OV_VOID_TRAMPOLINE)
XAMBA_OV_OTHER_FUNCTIONS(XAMBA_OV_OTHER_TRAMPOLINE)
#undef XAMBA_OV_STATUS_TRAMPOLINE
#undef XAMBA_OV_VOID_TRAMPOLINE
#undef XAMBA_OV_OTHER_TRAMPOLINE

// ov_core_compile_model without properties (property_args_size = 0).
static ov_status_e ov_core_compile_model(const ov_core_t* core, const ov_model_t* model, const char* device_name,
                                         ov_compiled_model_t** compiled_model) {
    if (functions.ov_core_compile_model == NULL) return NOT_IMPLEMENT_C_METHOD;
    return functions.ov_core_compile_model(core, model, device_name, 0, compiled_model);
}

// Largest number of key/value pairs the fixed-arity form below forwards to the variadic function.
static const size_t MAX_COMPILE_PROPERTIES = 6;

// ov_core_compile_model with up to MAX_COMPILE_PROPERTIES string properties given as two arrays.
static ov_status_e ov_core_compile_model_with_properties(const ov_core_t* core, const ov_model_t* model,
                                                         const char* device_name, const size_t property_count,
                                                         const char** keys, const char** values,
                                                         ov_compiled_model_t** compiled_model) {
    compile_model_fn compile = functions.ov_core_compile_model;
    if (compile == NULL) return NOT_IMPLEMENT_C_METHOD;
    const char* k[MAX_COMPILE_PROPERTIES] = {};
    const char* v[MAX_COMPILE_PROPERTIES] = {};
    if (property_count > MAX_COMPILE_PROPERTIES) return -14;  // INVALID_C_PARAM
    for (size_t i = 0; i < property_count; i++) {
        k[i] = keys[i];
        v[i] = values[i];
    }
    const size_t n = 2 * property_count;  // the C API counts keys and values separately
    switch (property_count) {
    case 0: return compile(core, model, device_name, n, compiled_model);
    case 1: return compile(core, model, device_name, n, compiled_model, k[0], v[0]);
    case 2: return compile(core, model, device_name, n, compiled_model, k[0], v[0], k[1], v[1]);
    case 3: return compile(core, model, device_name, n, compiled_model, k[0], v[0], k[1], v[1], k[2], v[2]);
    case 4:
        return compile(core, model, device_name, n, compiled_model, k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
    case 5:
        return compile(core, model, device_name, n, compiled_model, k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3],
                       k[4], v[4]);
    default:
        return compile(core, model, device_name, n, compiled_model, k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3],
                       k[4], v[4], k[5], v[5]);
    }
}

}  // namespace xamba_ov
