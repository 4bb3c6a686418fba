package dev.xamba.cli;

import dev.xamba.api.BuildInfo;
import picocli.CommandLine;

/** {@code xambac --version}: the version and the git commit it was built from ({@code unknown} without git). */
final class Version implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
        return new String[] {"xambac " + BuildInfo.current()};
    }
}
