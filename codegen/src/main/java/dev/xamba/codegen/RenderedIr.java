package dev.xamba.codegen;

import java.nio.charset.StandardCharsets;

/**
 * An OpenVINO IR model in memory: the {@code .xml} text (UTF-8) and the {@code .bin} weights. Suits
 * {@code OvRuntime.readModelFromMemory(rendered.xmlText(), rendered.bin())}. The arrays are owned by this record;
 * callers must not change them.
 *
 * @param xml the {@code .xml} file's bytes
 * @param bin the {@code .bin} file's bytes (empty when the model has no constants)
 */
public record RenderedIr(byte[] xml, byte[] bin) {
    /** The {@code .xml} as text. */
    public String xmlText() {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
