package dev.xamba.cli;

import dev.xamba.api.CompileProgress;
import dev.xamba.opt.pass.instrument.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code compile --timing}'s second report: the wall time of each phase of the compile (import, passes, writing),
 * which the pass report alone does not show: it starts after the model is read and ends before the output is
 * written, so a user reading it could not tell where the rest of a compile's time went. It hears the phases as a
 * {@link CompileProgress} and hands each event on to the progress bar it wraps.
 */
final class PhaseTimer implements CompileProgress {
    private final CompileProgress next;
    private final LongSupplier clock;
    private final List<Start> starts = new ArrayList<>();

    /** A phase and the clock's reading when it began. */
    private record Start(String phase, long nanos) {}

    private PhaseTimer(CompileProgress next, LongSupplier clock) {
        this.next = next;
        this.clock = clock;
    }

    /** Times the phases {@code next} hears, by {@link System#nanoTime}. */
    static PhaseTimer around(CompileProgress next) { return new PhaseTimer(next, System::nanoTime); }

    /** For tests: times by {@code clock} (nanoseconds). */
    static PhaseTimer withClock(CompileProgress next, LongSupplier clock) { return new PhaseTimer(next, clock); }

    @Override public void phase(String name) {
        starts.add(new Start(name, clock.getAsLong()));
        next.phase(name);
    }

    @Override public void fraction(double done) { next.fraction(done); }

    /**
     * The report, in the layout of the pass report ({@link Timing#report}), of the phases heard so far, the last one
     * ending now; empty if none started (the command line was refused before the compile began).
     */
    String report() {
        if (starts.isEmpty()) return "";
        long end = clock.getAsLong();
        List<Map.Entry<String, Long>> rows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long until = i + 1 < starts.size() ? starts.get(i + 1).nanos() : end;
            rows.add(Map.entry(starts.get(i).phase(), until - starts.get(i).nanos()));
        }
        return Timing.report("Compile time report", rows, end - starts.get(0).nanos());
    }
}
