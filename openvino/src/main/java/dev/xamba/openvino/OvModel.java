package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_dimension_t;
import dev.xamba.openvino.capi.OvC.ov_model_t;
import dev.xamba.openvino.capi.OvC.ov_output_const_port_t;
import dev.xamba.openvino.capi.OvC.ov_partial_shape_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

import java.util.ArrayList;
import java.util.List;

import static dev.xamba.openvino.OvCalls.check;

/**
 * A model read by {@link OvRuntime#readModel}, not yet compiled for a device. Inputs are numbered in
 * the order of the IR's Parameter layers, outputs in the order of its Result layers.
 * Close it when done; compiled models made from it stay valid.
 */
public final class OvModel extends NativeHandle<ov_model_t> {
    private final String source;

    OvModel(ov_model_t model, String source) {
        super("OvModel(" + source + ")", model);
        this.source = source;
    }

    /** Where the model came from (a path, or a description for in-memory models). */
    public String source() {
        return source;
    }

    /** The number of model inputs (Parameters). */
    public int inputCount() {
        try (SizeTPointer size = new SizeTPointer(1)) {
            check(OvC.ov_model_inputs_size(pointer(), size), "ov_model_inputs_size(" + source + ")");
            return Math.toIntExact(size.get());
        }
    }

    /** The number of model outputs (Results). */
    public int outputCount() {
        try (SizeTPointer size = new SizeTPointer(1)) {
            check(OvC.ov_model_outputs_size(pointer(), size), "ov_model_outputs_size(" + source + ")");
            return Math.toIntExact(size.get());
        }
    }

    /** Name, element type and shape of every input, in input order. */
    public List<OvPortInfo> inputs() {
        List<OvPortInfo> ports = new ArrayList<>();
        for (int i = 0, n = inputCount(); i < n; i++) {
            ports.add(port(i, true));
        }
        return ports;
    }

    /** Name, element type and shape of every output, in output order. */
    public List<OvPortInfo> outputs() {
        List<OvPortInfo> ports = new ArrayList<>();
        for (int i = 0, n = outputCount(); i < n; i++) {
            ports.add(port(i, false));
        }
        return ports;
    }

    /** The input tensor names, in input order ("" for an unnamed input). */
    public List<String> inputNames() {
        return inputs().stream().map(OvPortInfo::name).toList();
    }

    /** The output tensor names, in output order ("" for an unnamed output). */
    public List<String> outputNames() {
        return outputs().stream().map(OvPortInfo::name).toList();
    }

    /**
     * Whether OpenVINO finds an output by {@code tensorName}: any of the names of its tensor, not only the one
     * {@link #outputNames} shows.
     */
    public boolean hasOutputNamed(String tensorName) {
        ov_output_const_port_t port = new ov_output_const_port_t();
        if (OvC.ov_model_const_output_by_name(pointer(), tensorName, port) != OvStatus.OK.code()) return false;
        OvC.ov_output_const_port_free(port);
        return true;
    }

    @Override
    void free(ov_model_t model) {
        OvC.ov_model_free(model);
    }

    @Override
    public String toString() {
        return "OvModel[" + source + "]";
    }

    private OvPortInfo port(int index, boolean input) {
        String what = (input ? "input " : "output ") + index + " of " + source;
        ov_output_const_port_t port = new ov_output_const_port_t();
        int status = input ? OvC.ov_model_const_input_by_index(pointer(), index, port)
                : OvC.ov_model_const_output_by_index(pointer(), index, port);
        check(status, "ov_model_const_" + (input ? "input" : "output") + "_by_index(" + what + ")");
        try {
            return new OvPortInfo(index, nameOf(port), elementTypeOf(port, what), shapeOf(port, what));
        } finally {
            OvC.ov_output_const_port_free(port);
        }
    }

    private static String nameOf(ov_output_const_port_t port) {
        try (PointerPointer<BytePointer> nameOut = new PointerPointer<>(1)) {
            // Fails when the port has no tensor name; that is not an error for us.
            if (OvC.ov_port_get_any_name(port, nameOut) != OvStatus.OK.code()) {
                return "";
            }
            return OvCalls.takeString(nameOut.get(BytePointer.class, 0));
        }
    }

    private static OvElementType elementTypeOf(ov_output_const_port_t port, String what) {
        try (IntPointer typeOut = new IntPointer(1)) {
            check(OvC.ov_port_get_element_type(port, typeOut), "ov_port_get_element_type(" + what + ")");
            return OvElementType.fromCode(typeOut.get());
        }
    }

    private static long[] shapeOf(ov_output_const_port_t port, String what) {
        try (ov_partial_shape_t shape = new ov_partial_shape_t()) {
            check(OvC.ov_port_get_partial_shape(port, shape), "ov_port_get_partial_shape(" + what + ")");
            try {
                ov_dimension_t rank = shape.rank();
                if (rank.min() < 0 || rank.min() != rank.max()) {
                    return null;
                }
                long[] dims = new long[Math.toIntExact(rank.min())];
                ov_dimension_t dim = shape.dims();
                for (int i = 0; i < dims.length; i++) {
                    dim.position(i);
                    dims[i] = dim.min() == dim.max() ? dim.min() : -1;
                }
                return dims;
            } finally {
                OvC.ov_partial_shape_free(shape);
            }
        }
    }
}
