package dev.xamba.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticVerifierTest {
    private static final DiagnosticVerifier CHECKER = new DiagnosticVerifier("t.xir");

    private static Diagnostic at(Severity s, int line, String message) {
        return new Diagnostic(s, Location.fileLineCol("t.xir", line, 5), message, List.of());
    }

    @Test
    void splitKeepsTheLineNumbersOfTheFile() {
        List<SourceChunks.Chunk> chunks = SourceChunks.split("a\nb\n// -----\nc\n// -----  \n\nd\n");

        assertThat(chunks).extracting(SourceChunks.Chunk::firstLine).containsExactly(1, 4, 6);
        assertThat(chunks).extracting(SourceChunks.Chunk::text).containsExactly("a\nb", "c", "\nd\n");
        assertThat(chunks.get(1).alignedText()).isEqualTo("\n\n\nc");
        assertThat(SourceChunks.split("no separator")).hasSize(1);
    }

    @Test
    void everyFormOfExpectationParses() {
        SourceChunks.Chunk chunk = new SourceChunks.Chunk("""
                // expected-error@+2 {{two below}}
                x // expected-warning {{same line}} expected-note {{second on the line}}
                // expected-remark@-1 {{one above}}
                // expected-error@unknown {{anywhere}}""", 10);
        List<Expectation.Malformed> malformed = new ArrayList<>();

        List<Expectation> e = Expectation.parse(chunk, malformed);

        assertThat(malformed).isEmpty();
        assertThat(e).extracting(Expectation::severity).containsExactly(
                Severity.ERROR, Severity.WARNING, Severity.NOTE, Severity.REMARK, Severity.ERROR);
        assertThat(e).extracting(Expectation::line).containsExactly(12, 11, 11, 11, Expectation.UNKNOWN_LINE);
        assertThat(e).extracting(Expectation::text).containsExactly(
                "two below", "same line", "second on the line", "one above", "anywhere");
    }

    @Test
    void exactlyTheExpectedDiagnosticsPass() {
        SourceChunks.Chunk chunk = new SourceChunks.Chunk("// expected-error@+1 {{bad op}}\nop", 1);
        Diagnostic withNote = at(Severity.ERROR, 2, "'x' op is a bad op").withNote(Location.name("node"), "op location");

        assertThat(CHECKER.check(chunk, List.of(at(Severity.ERROR, 2, "'x' op is a bad op")))).isEmpty();
        // A note at a name location belongs to its diagnostic's line, and must be expected too.
        assertThat(CHECKER.check(chunk, List.of(withNote))).containsExactly("t.xir:2:5: error: unexpected note: op location");
    }

    @Test
    void anExtraOrAMissingDiagnosticIsAProblem() {
        SourceChunks.Chunk chunk = new SourceChunks.Chunk("// expected-error@+1 {{bad op}}\nop\nother", 1);

        assertThat(CHECKER.check(chunk, List.of(at(Severity.ERROR, 2, "bad op"), at(Severity.ERROR, 3, "also bad"))))
                .containsExactly("t.xir:3:5: error: unexpected error: also bad");
        assertThat(CHECKER.check(chunk, List.of()))
                .containsExactly("t.xir:1:4: error: expected error \"bad op\" was not produced on line 2");
        assertThat(CHECKER.check(chunk, List.of(at(Severity.WARNING, 2, "bad op")))).containsExactly(
                "t.xir:1:4: error: expected error \"bad op\" was not produced on line 2",
                "t.xir:2:5: error: unexpected warning: bad op");
    }

    @Test
    void oneDiagnosticMeetsOneExpectation() {
        SourceChunks.Chunk chunk = new SourceChunks.Chunk("op // expected-error {{bad}} expected-error {{bad}}", 1);

        assertThat(CHECKER.check(chunk, List.of(at(Severity.ERROR, 1, "bad"))))
                .containsExactly("t.xir:1:30: error: expected error \"bad\" was not produced on line 1");
    }

    @Test
    void aDiagnosticWithoutALocationIsExpectedAtUnknown() {
        SourceChunks.Chunk chunk = new SourceChunks.Chunk("op\n// expected-remark@unknown {{made up}}", 3);
        Diagnostic nowhere = new Diagnostic(Severity.REMARK, Location.UNKNOWN, "made up", List.of());

        assertThat(CHECKER.check(chunk, List.of(nowhere))).isEmpty();
        assertThat(CHECKER.check(new SourceChunks.Chunk("op", 3), List.of(nowhere)))
                .containsExactly("t.xir:3:1: error: unexpected remark at <unknown>: made up");
    }

    @Test
    void aMisspelledExpectationIsNotIgnored() {
        SourceChunks.Chunk chunk = new SourceChunks.Chunk("op // expected-error @+1 {bad}", 1);

        assertThat(CHECKER.check(chunk, List.of()))
                .containsExactly("t.xir:1:7: error: malformed expectation (use expected-error@+1 {{text}}): expected-error @+1 {bad}");
    }

    @Test
    void aBlankTextOrTextAfterTheBracesIsMalformed() {
        // {{}} matched every message, and a second {{...}} after the first was dropped unread.
        SourceChunks.Chunk blank = new SourceChunks.Chunk("op // expected-error {{ }}", 1);
        assertThat(CHECKER.check(blank, List.of(at(Severity.ERROR, 1, "anything"))))
                .first().asString().contains("malformed expectation");
        SourceChunks.Chunk trailing = new SourceChunks.Chunk("op // expected-error {{op}} {{expects 3}}", 1);
        assertThat(CHECKER.check(trailing, List.of(at(Severity.ERROR, 1, "op expects 2"))))
                .first().asString().contains("malformed expectation").contains("{{expects 3}}");
        // Two expectations on one line stay two expectations.
        SourceChunks.Chunk two = new SourceChunks.Chunk("op // expected-error {{a}} expected-note {{b}}", 1);
        assertThat(CHECKER.check(two, List.of(at(Severity.ERROR, 1, "a"), at(Severity.NOTE, 1, "b")))).isEmpty();
    }
}
