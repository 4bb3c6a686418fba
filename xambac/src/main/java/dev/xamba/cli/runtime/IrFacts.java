package dev.xamba.cli.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * What an OpenVINO IR's {@code .xml} says that OpenVINO's C API does not: the bounds of integer inputs that index
 * a table ({@link EmbeddingBounds}) and every name of each tensor ({@link PortNames}).
 */
public record IrFacts(Map<String, Long> bounds, PortNames names) {
    /** For a model that is not an IR .xml (ONNX read by OpenVINO's own frontend): nothing beyond the C API. */
    public static final IrFacts NONE = new IrFacts(Map.of(), PortNames.ONLY_ANY_NAME);

    public static IrFacts read(Path xml) throws IOException {
        return of(IrXml.parse(xml));
    }

    static IrFacts of(Document ir) {
        return new IrFacts(EmbeddingBounds.of(ir), PortNames.of(ir));
    }
}
