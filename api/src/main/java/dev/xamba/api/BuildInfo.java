package dev.xamba.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build and the git commit it was built from ({@code unknown} when it was built without git
 * history, e.g. from a source tarball). Read from {@code build.properties}, which the build writes (api/pom.xml).
 */
public record BuildInfo(String version, String commit) {
    private static final BuildInfo CURRENT = read();

    /** This build's information. */
    public static BuildInfo current() { return CURRENT; }

    /** {@code 0.1.0-SNAPSHOT (commit 1a2b3c4d5e)}. */
    @Override public String toString() { return version + " (commit " + commit + ")"; }

    private static BuildInfo read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // a jar we cannot read our own resource from: say unknown rather than fail a compile
        }
        return new BuildInfo(filled(p.getProperty("version")), filled(p.getProperty("commit")));
    }

    /** A property the build wrote, or {@code unknown} (missing: classes compiled by something other than Maven). */
    private static String filled(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
