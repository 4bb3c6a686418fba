package dev.xamba.ir.io;

import java.nio.file.Path;
import java.util.Locale;

/** The files of an OpenVINO IR model: the {@code .xml} graph and the {@code .bin} weights beside it. */
public final class OvIrFiles {
    private OvIrFiles() {}

    /** The weights file OpenVINO looks for next to {@code xml}: the same name with {@code .bin} for {@code .xml}. */
    public static Path binPathFor(Path xml) {
        String name = xml.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
        return xml.resolveSibling(stem + ".bin");
    }
}
