package dev.xamba.cli.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --split-input-file}: one file holding several independent test cases, separated by a line
 * {@code // -----} (MLIR's convention). Each chunk remembers the line it starts on, so that diagnostics about it
 * name lines of the original file.
 */
public final class SourceChunks {
    /** The separator line, alone on its line (trailing blanks allowed). */
    public static final String SEPARATOR = "// -----";
    private static final Pattern SEPARATOR_LINE = Pattern.compile("^// -----\\s*$");

    /**
     * One case.
     *
     * @param text      the chunk's lines, without the separators
     * @param firstLine the 1-based line of the original file the chunk's first line is on
     */
    public record Chunk(String text, int firstLine) {
        /**
         * The chunk padded with empty lines in front, so that a parser of it reports the original file's line
         * numbers (columns are unchanged).
         */
        public String alignedText() { return "\n".repeat(firstLine - 1) + text; }
    }

    private SourceChunks() {}

    /** Splits {@code text} at separator lines; a file without any is one chunk. */
    public static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 1;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (SEPARATOR_LINE.matcher(line).matches()) {
                chunks.add(new Chunk(current.toString(), start));
                current.setLength(0);
                start = lineNo + 1;
            } else {
                if (current.length() > 0 || lineNo > start) current.append('\n');
                current.append(line);
            }
        }
        chunks.add(new Chunk(current.toString(), start));
        return chunks;
    }
}
