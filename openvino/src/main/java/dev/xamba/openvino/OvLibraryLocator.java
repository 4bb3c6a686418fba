package dev.xamba.openvino;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds {@code libopenvino_c.so*}, in this order; the first rule that applies decides:
 * <ol>
 *   <li>system property {@value #LIB_DIR_PROPERTY}: a directory holding the library (or the file itself);</li>
 *   <li>environment variable {@value #LIB_DIR_ENV}: the same;</li>
 *   <li>the {@code openvino} wheel in the repo's {@code .venv}. The repo root is system property
 *       {@value #HOME_PROPERTY} when set; otherwise every ancestor of the working directory, then
 *       every ancestor of the jar (or classes directory) this class was loaded from, that holds a
 *       {@code .venv} directory. In each such {@code .venv} the wheel's {@code openvino/libs} directory
 *       is looked up directly under {@code lib/python3.x/site-packages}, and failing that by asking
 *       {@code .venv/bin/python} where {@code import openvino} lives.</li>
 * </ol>
 * An explicit setting (1, 2 or {@value #HOME_PROPERTY}) that does not lead to the library is an
 * error rather than a reason to keep looking, so a typo cannot silently pick another runtime.
 */
public final class OvLibraryLocator {
    /** System property naming the directory with libopenvino_c (or the library file). */
    public static final String LIB_DIR_PROPERTY = "xamba.openvino.libDir";
    /** Environment variable naming the directory with libopenvino_c (or the library file). */
    public static final String LIB_DIR_ENV = "OPENVINO_LIB_DIR";
    /** System property naming the xamba repo root, whose {@code .venv} holds the openvino wheel. */
    public static final String HOME_PROPERTY = "xamba.home";

    private static final String LIBRARY_STEM = "libopenvino_c.so";
    private static final String PRINT_LIBS_DIR =
            "import openvino, os; print(os.path.join(os.path.dirname(openvino.__file__), 'libs'))";
    private static final long PYTHON_TIMEOUT_SECONDS = 120;

    private OvLibraryLocator() {}

    /**
     * The path of libopenvino_c.
     *
     * @throws OpenVinoNotFoundException listing every place that was tried
     */
    public static Path locate() {
        String fromProperty = System.getProperty(LIB_DIR_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return requireLibrary(Paths.get(fromProperty), "system property " + LIB_DIR_PROPERTY);
        }
        String fromEnv = System.getenv(LIB_DIR_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireLibrary(Paths.get(fromEnv), "environment variable " + LIB_DIR_ENV);
        }
        List<String> tried = new ArrayList<>();
        for (Path venv : candidateVenvs(tried)) {
            Path library = findInVenv(venv, tried);
            if (library != null) {
                return library;
            }
        }
        throw new OpenVinoNotFoundException("OpenVINO runtime (libopenvino_c.so) not found. Tried:\n  "
                + String.join("\n  ", tried));
    }

    /** The library inside {@code dirOrFile}, or an error naming the setting that pointed there. */
    static Path requireLibrary(Path dirOrFile, String setting) {
        Path library = libraryIn(dirOrFile);
        if (library == null) {
            throw new OpenVinoNotFoundException(setting + " points at " + dirOrFile
                    + ", which is neither libopenvino_c.so* nor a directory containing it.");
        }
        return library;
    }

    /** {@code dirOrFile} itself if it is the library, else the library inside that directory, else null. */
    static Path libraryIn(Path dirOrFile) {
        if (Files.isRegularFile(dirOrFile) && dirOrFile.getFileName().toString().startsWith(LIBRARY_STEM)) {
            return dirOrFile.toAbsolutePath();
        }
        if (!Files.isDirectory(dirOrFile)) {
            return null;
        }
        Path unversioned = dirOrFile.resolve(LIBRARY_STEM);
        if (Files.isRegularFile(unversioned)) {
            return unversioned.toAbsolutePath();
        }
        // The wheel ships only the versioned name, e.g. libopenvino_c.so.2641; take the newest.
        Path best = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dirOrFile, LIBRARY_STEM + ".*")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && (best == null || entry.compareTo(best) > 0)) {
                    best = entry;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return best == null ? null : best.toAbsolutePath();
    }

    /** The {@code .venv} directories to search, most specific first. */
    private static List<Path> candidateVenvs(List<String> tried) {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path venv = Paths.get(home).toAbsolutePath().normalize().resolve(".venv");
            if (!Files.isDirectory(venv)) {
                throw new OpenVinoNotFoundException("system property " + HOME_PROPERTY + "=" + home
                        + " has no .venv directory (" + venv + ").");
            }
            return List.of(venv);
        }
        Set<Path> roots = new LinkedHashSet<>();
        addAncestors(Paths.get(System.getProperty("user.dir", ".")), roots);
        Path codeLocation = codeLocation();
        if (codeLocation != null) {
            addAncestors(codeLocation, roots);
        }
        List<Path> venvs = new ArrayList<>();
        for (Path root : roots) {
            Path venv = root.resolve(".venv");
            if (Files.isDirectory(venv)) {
                venvs.add(venv);
            }
        }
        if (venvs.isEmpty()) {
            tried.add("no .venv directory above the working directory (" + System.getProperty("user.dir")
                    + ") or above " + (codeLocation != null ? codeLocation : "this jar"));
        }
        return venvs;
    }

    private static void addAncestors(Path start, Set<Path> into) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            into.add(dir);
        }
    }

    /** Where this class was loaded from (a jar or a classes directory), or null when unknown. */
    private static Path codeLocation() {
        try {
            CodeSource source = OvLibraryLocator.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Paths.get(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** The library in this venv's openvino wheel, or null (and a note in {@code tried}). */
    private static Path findInVenv(Path venv, List<String> tried) {
        // Fast path: no Python start-up (importing openvino takes a second or more).
        Path lib = venv.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib, "python3*")) {
                for (Path python : pythons) {
                    Path library = libraryIn(python.resolve("site-packages/openvino/libs"));
                    if (library != null) {
                        return library;
                    }
                }
            } catch (IOException e) {
                // fall through to asking Python
            }
        }
        Path python = venv.resolve("bin/python");
        if (!Files.isExecutable(python)) {
            tried.add(venv + ": no openvino wheel under lib/python3*/site-packages and no bin/python to ask");
            return null;
        }
        String libsDir;
        try {
            libsDir = askPython(python);
        } catch (IOException e) {
            tried.add(python + " could not tell where openvino is: " + e.getMessage());
            return null;
        }
        Path library = libraryIn(Paths.get(libsDir));
        if (library == null) {
            tried.add(python + " reports openvino libs at " + libsDir + ", but libopenvino_c.so* is not there");
        }
        return library;
    }

    /** Runs the venv's Python to print the openvino wheel's libs directory. */
    private static String askPython(Path python) throws IOException {
        Process process = new ProcessBuilder(python.toString(), "-c", PRINT_LIBS_DIR)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        // Read on another thread: reading here would block past the timeout on a Python that hangs with its
        // output open, and waiting first could fill the pipe of a chatty one.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream out = process.getInputStream()) {
                return new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "";
            }
        }, task -> {
            Thread reader = new Thread(task, "xamba-python-output");
            reader.setDaemon(true); // never keeps the JVM alive
            reader.start();
        });
        try {
            if (!process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after " + PYTHON_TIMEOUT_SECONDS + " s");
            }
            return answer(process.exitValue(), output.get(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly(); // its output stayed open after it exited (a child holding it)
            throw new IOException("no answer within " + PYTHON_TIMEOUT_SECONDS + " s");
        }
    }

    private static String answer(int exitValue, String output) throws IOException {
        if (exitValue != 0) {
            String[] lines = output.split("\n");
            throw new IOException("exit code " + exitValue + ": " + lines[lines.length - 1]);
        }
        String[] lines = output.split("\n");
        return lines[lines.length - 1].strip();
    }
}
