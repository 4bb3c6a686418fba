package dev.xamba.cli;

import picocli.CommandLine;

/** {@code xambac --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
        String v = Xambac.class.getPackage().getImplementationVersion();
        return new String[] {"xambac " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
}
