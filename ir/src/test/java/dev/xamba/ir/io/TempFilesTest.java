package dev.xamba.ir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TempFiles#place}: files that belong together are all placed, or none stays placed. (Signals: EdgeBehaviourTest.) */
class TempFilesTest {
    @TempDir Path dir;

    private Path temporary(String suffix, String content) throws IOException {
        Path tmp = TempFiles.createBeside(dir, ".m.", suffix);
        return Files.writeString(tmp, content);
    }

    @Test
    void placesEveryFileOverItsTarget() throws IOException {
        Files.writeString(dir.resolve("m.bin"), "old weights");
        Path bin = temporary(".bin.tmp", "new weights");
        Path xml = temporary(".xml.tmp", "new graph");

        TempFiles.place(new TempFiles.Placement(bin, dir.resolve("m.bin")), new TempFiles.Placement(xml, dir.resolve("m.xml")));

        assertThat(Files.readString(dir.resolve("m.bin"))).isEqualTo("new weights");
        assertThat(Files.readString(dir.resolve("m.xml"))).isEqualTo("new graph");
        assertThat(bin).doesNotExist();
        assertThat(xml).doesNotExist();
    }

    @Test
    void aTemporaryNameFitsWhereverTheOutputsNameDoes() throws IOException {
        // 251 + ".xml" = 255 bytes, the most a name may have; ".<name>.<random>.bin.tmp" would be 277. Then a name of
        // 2-byte characters, which must be cut between characters.
        for (String name : new String[] {"a".repeat(251) + ".xml", "é".repeat(125) + ".xml"}) {
            Path tmp = TempFiles.createBeside(dir, "." + name + ".", ".bin.tmp");
            String tmpName = tmp.getFileName().toString();
            assertThat(tmpName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TempFiles.MAX_NAME_BYTES);
            assertThat(tmpName).startsWith("." + name.substring(0, 100)).endsWith(".bin.tmp").doesNotContain("\uFFFD");
            TempFiles.place(new TempFiles.Placement(tmp, dir.resolve(name)));
            assertThat(dir.resolve(name)).exists();
        }
    }

    @Test
    void aShortPrefixIsKeptWhole() {
        assertThat(TempFiles.fitPrefix(".m.xml.", ".tmp")).isEqualTo(".m.xml.");
    }

    @Test
    void aFailedSecondRenameTakesBackTheFirstTarget() throws IOException {
        Path bin = temporary(".bin.tmp", "new weights");
        Path xml = temporary(".xml.tmp", "new graph");
        Path blocked = Files.createDirectories(dir.resolve("m.xml"));
        Files.writeString(blocked.resolve("keep"), "a non-empty folder no rename can replace");

        assertThatThrownBy(() -> TempFiles.place(new TempFiles.Placement(bin, dir.resolve("m.bin")), new TempFiles.Placement(xml, blocked)))
                .isInstanceOf(IOException.class);

        assertThat(dir.resolve("m.bin")).as("a new .bin must not stay beside an .xml that was not replaced").doesNotExist();
        assertThat(xml).as("left for the caller to delete").exists();
        assertThat(blocked.resolve("keep")).exists();
    }
}
