package dev.xamba.cli;

import dev.xamba.api.pipeline.UserError;
import dev.xamba.frontend.onnx.ImportOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** ONNX import settings shared by {@code compile} and {@code verify}. */
final class ImportFlags {
    @Option(names = "--input-shape", paramLabel = "NAME=DIMS",
            description = "Static shape for a model input with symbolic dims, e.g. input_ids=1x16 (repeat per input).")
    Map<String, String> inputShapes = new LinkedHashMap<>();

    @Option(names = "--freeze-initializer-inputs",
            description = {"Compile an ONNX graph input that has an initializer of its name (a default value a caller may",
                    "override; torch.onnx.export(keep_initializers_as_inputs=True) lists every weight so) as that constant,",
                    "as OpenVINO's reader does. Without it such a model is refused: the input would disappear."})
    boolean freezeInitializerInputs;

    ImportOptions options() {
        ImportOptions o = ImportOptions.defaults().withFreezeInitializerInputs(freezeInitializerInputs);
        for (Map.Entry<String, String> e : inputShapes.entrySet()) {
            if (e.getKey().isEmpty()) throw UserError.badOption("--input-shape =" + e.getValue() + ": give the input's name, e.g. input_ids=1x16");
            o = o.withInputShape(e.getKey(), dims(e.getKey(), e.getValue()));
        }
        return o;
    }

    private static long[] dims(String name, String spelled) {
        if (spelled.isEmpty()) return new long[0];
        String[] parts = spelled.split("x", -1);
        long[] d = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                d[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException ex) {
                d[i] = -1;
            }
            if (d[i] < 0) throw UserError.badOption("--input-shape " + name + "=" + spelled + ": dims are non-negative integers joined by 'x', e.g. 1x16");
        }
        return d;
    }
}
