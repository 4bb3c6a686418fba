package dev.xamba.opt.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineParserTest {

    /** A pass with one option of every kind, to exercise the parser. */
    static final class Configurable extends Pass {
        static final PassOption<Integer> MAX_LEN = PassOption.intOption("max-len", 512, "longest sequence").atLeast(1);
        static final PassOption<Long> BUDGET = PassOption.longOption("budget", 1L << 40, "bytes");
        static final PassOption<Boolean> ENABLED = PassOption.boolOption("enabled", false, "switch");
        static final PassOption<String> TARGET = PassOption.stringOption("target", "npu4", "device");
        static final PassOption<Double> TOLERANCE = PassOption.doubleOption("tolerance", 1e-3, "error budget").atLeast(0).atMost(1);
        static final PassOption<List<String>> OPS = PassOption.listOption("ops", List.of(), "ops to rewrite");

        @Override public String cliName() { return "xamba-cumba"; }

        @Override public String summary() { return "test pass"; }

        @Override public List<PassOption<?>> options() { return List.of(MAX_LEN, BUDGET, ENABLED, TARGET, TOLERANCE, OPS); }

        @Override public void run(Operation module, PassContext ctx) {}
    }

    /** The standard passes before the XAMBA ones, plus the test pass under the name of one of them. */
    private static final PassRegistry REGISTRY = PassRegistry.empty()
            .with(dev.xamba.opt.canonical.CanonicalizePass::new)
            .with(dev.xamba.opt.canonical.CsePass::new)
            .with(dev.xamba.opt.legalize.LegalizeToOvPass::new)
            .with(Configurable::new);

    private static List<Pass> parse(String pipeline) { return PipelineParser.parse(pipeline, REGISTRY); }

    @Test
    void parsesPassesAndTypedOptions() {
        List<Pass> passes = parse("canonicalize, cse,xamba-cumba{max-len=1024 enabled=true budget=8 tolerance=0.5 target=\"npu 3720\" ops=ov.CumSum,ov.ReduceSum}");

        assertThat(passes).extracting(Pass::cliName).containsExactly("canonicalize", "cse", "xamba-cumba");
        Pass p = passes.get(2);
        assertThat(p.option(Configurable.MAX_LEN)).isEqualTo(1024);
        assertThat(p.option(Configurable.ENABLED)).isTrue();
        assertThat(p.option(Configurable.BUDGET)).isEqualTo(8L);
        assertThat(p.option(Configurable.TOLERANCE)).isEqualTo(0.5);
        assertThat(p.option(Configurable.TARGET)).isEqualTo("npu 3720");
        assertThat(p.option(Configurable.OPS)).containsExactly("ov.CumSum", "ov.ReduceSum");
    }

    @Test
    void unsetOptionsReadTheirDefaultsAndABareNameSetsABool() {
        Pass p = parse("xamba-cumba{ enabled }").get(0);

        assertThat(p.option(Configurable.ENABLED)).isTrue();
        assertThat(p.option(Configurable.MAX_LEN)).isEqualTo(512);
        assertThat(p.option(Configurable.OPS)).isEmpty();
    }

    @Test
    void emptyPipelineHasNoPasses() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("   ")).isEmpty();
    }

    @Test
    void eachParseMakesFreshInstances() {
        Pass configured = parse("xamba-cumba{max-len=7}").get(0);
        Pass plain = parse("xamba-cumba").get(0);

        assertThat(configured.option(Configurable.MAX_LEN)).isEqualTo(7);
        assertThat(plain.option(Configurable.MAX_LEN)).isEqualTo(512);
    }

    @Test
    void pipelineTextRoundTrips() {
        String text = "canonicalize{max-fold-elements=64},cse,xamba-cumba{max-len=1024 target=\"npu 3720\" ops=a,b}";
        PassManager pm = PassManager.parse(text, PassManager.Options.defaults(), REGISTRY);

        assertThat(pm.pipeline()).isEqualTo(text);
        assertThat(PassManager.parse(pm.pipeline(), PassManager.Options.defaults(), REGISTRY).pipeline()).isEqualTo(text);
    }

    @Test
    void unknownPassListsTheKnownOnes() {
        assertThatThrownBy(() -> PipelineParser.parse("canonicalize,foo", PassRegistry.standard()))
                .isInstanceOf(PipelineException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown pass 'foo' (known passes: canonicalize, cse, legalize-ov, xamba-actiba, xamba-contract, xamba-cumba, xamba-reduba)");
    }

    @Test
    void unknownOptionNamesThePass() {
        assertThatThrownBy(() -> parse("cse{x=1}")).hasMessage("pass 'cse' has no option 'x'");
        assertThatThrownBy(() -> parse("canonicalize{x=1}"))
                .hasMessage("pass 'canonicalize' has no option 'x' (options: max-fold-elements, max-fold-work, max-iterations)");
    }

    @Test
    void badValuesSayWhatWasExpected() {
        assertThatThrownBy(() -> parse("xamba-cumba{max-len=abc}"))
                .hasMessage("option 'max-len' of 'xamba-cumba' expects an integer, got 'abc'");
        assertThatThrownBy(() -> parse("xamba-cumba{enabled=yes}"))
                .hasMessage("option 'enabled' of 'xamba-cumba' expects true or false, got 'yes'");
        assertThatThrownBy(() -> parse("xamba-cumba{tolerance=1d}"))
                .hasMessage("option 'tolerance' of 'xamba-cumba' expects a number, got '1d'");
        assertThatThrownBy(() -> parse("xamba-cumba{max-len=0}"))
                .hasMessage("option 'max-len' of 'xamba-cumba' must be at least 1, got 0");
        assertThatThrownBy(() -> parse("xamba-cumba{tolerance=2}"))
                .hasMessage("option 'tolerance' of 'xamba-cumba' must be at most 1.0, got 2.0");
        assertThatThrownBy(() -> parse("xamba-cumba{tolerance=nan}")) // NaN is within no bound
                .hasMessage("option 'tolerance' of 'xamba-cumba' must be at least 0.0, got NaN");
        assertThatThrownBy(() -> parse("xamba-cumba{max-len}"))
                .hasMessage("option 'max-len' of 'xamba-cumba' needs a value: max-len=<int>");
        assertThatThrownBy(() -> parse("xamba-cumba{max-len=1 max-len=2}"))
                .hasMessage("option 'max-len' of 'xamba-cumba' is given twice");
    }

    @Test
    void unbalancedBracesAreReported() {
        assertThatThrownBy(() -> parse("cse,xamba-cumba{max-len=1"))
                .hasMessage("unbalanced braces: '{' at column 16 is never closed in 'cse,xamba-cumba{max-len=1'");
        assertThatThrownBy(() -> parse("cse}"))
                .hasMessage("unbalanced braces: unexpected '}' at column 4 in 'cse}'");
        assertThatThrownBy(() -> parse("xamba-cumba{max-len=1}}"))
                .hasMessage("unbalanced braces: unexpected '}' at column 23 in 'xamba-cumba{max-len=1}}'");
        assertThatThrownBy(() -> parse("xamba-cumba{target={x}}"))
                .hasMessageStartingWith("unbalanced braces: unexpected '{' in the value of option 'target'");
    }

    @Test
    void malformedSeparatorsAreReported() {
        assertThatThrownBy(() -> parse("cse,")).hasMessage("expected a pass name after ',' at column 5 in 'cse,'");
        assertThatThrownBy(() -> parse("cse,,cse")).hasMessage("expected a pass name, got ',' at column 5 in 'cse,,cse'");
        assertThatThrownBy(() -> parse("cse canonicalize"))
                .hasMessage("expected ',' between passes, got 'c' at column 5 in 'cse canonicalize'");
        assertThatThrownBy(() -> parse("xamba-cumba{target=\"x}"))
                .hasMessageStartingWith("unterminated quote in the value of option 'target'");
    }

    @Test
    void messagesAreOneLine() {
        for (String bad : List.of("foo", "cse{x}", "cse{", "}", "xamba-cumba{max-len=z}")) {
            assertThatThrownBy(() -> parse(bad)).isInstanceOf(PipelineException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void helpTextListsPassesSummariesAndOptions() {
        String help = REGISTRY.helpText();

        assertThat(REGISTRY.names()).containsExactly("canonicalize", "cse", "legalize-ov", "xamba-cumba");
        assertThat(help).contains("  canonicalize  fold constants")
                .contains("      max-fold-elements=<long>  do not fold ops whose results have more elements than this (default: 1048576)")
                .contains("  cse           merge identical pure operations")
                .contains("      max-len=<int>  longest sequence (default: 512)");
        assertThat(help.indexOf("canonicalize")).isLessThan(help.indexOf("cse")).isLessThan(help.indexOf("xamba-cumba"));
    }

    @Test
    void helpTextWrapsUnderTheTextItContinues() {
        String wrapped = REGISTRY.helpText(60);
        assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(wrapped).contains("      max-fold-elements=<long>  do not fold ops whose\n"
                + "                                results have more elements\n");
        // The same words as unwrapped.
        assertThat(wrapped.replaceAll("\\s+", " ")).isEqualTo(REGISTRY.helpText().replaceAll("\\s+", " "));
    }
}
