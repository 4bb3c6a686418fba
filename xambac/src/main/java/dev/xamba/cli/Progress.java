package dev.xamba.cli;

import dev.xamba.api.CompileProgress;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar on stderr for long compiles: the phase ({@code import}, {@code passes},
 * {@code writing weights}), its share of the work where it is known, and the elapsed time. It appears only when
 * stderr is a terminal (the launcher tells: {@code -Dxamba.stderr.terminal=true}, set from {@code [ -t 2 ]}; Java
 * cannot ask) and the work has lasted {@link #DEFAULT_DELAY_MILLIS} ms, and it erases itself when the work ends,
 * so diagnostics, pipes and logs never see it.
 */
final class Progress implements AutoCloseable, CompileProgress {
    static final long DEFAULT_DELAY_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 100;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final List<String> phases;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private int phase = -1;
    private double fraction = -1; // unknown
    private int drawnWidth;
    private boolean closed;

    private Progress(PrintStream out, List<String> phases, long delayMillis, boolean live) {
        this.out = out;
        this.phases = phases;
        if (!live) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xambac-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, delayMillis, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A bar on {@code err} over {@code phases}, live only when stderr is a terminal that can redraw a line. */
    static Progress onStderr(PrintStream err, List<String> phases) {
        return new Progress(err, phases, Long.getLong("xamba.progress.delay-millis", DEFAULT_DELAY_MILLIS),
                stderrIsTerminal());
    }

    /** For tests: a bar that draws on {@code out} after {@code delayMillis} when {@code live}. */
    static Progress forTest(PrintStream out, List<String> phases, long delayMillis, boolean live) {
        return new Progress(out, phases, delayMillis, live);
    }

    static boolean stderrIsTerminal() {
        return Boolean.getBoolean("xamba.stderr.terminal") && !"dumb".equals(System.getenv("TERM"));
    }

    /** Starts the named phase (one of the phases given at creation), its share of work unknown. */
    @Override public synchronized void phase(String name) {
        int i = phases.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("unknown phase " + name + ", expected one of " + phases);
        phase = i;
        fraction = -1;
    }

    /** The share of the current phase done, 0 to 1. */
    @Override public synchronized void fraction(double done) {
        fraction = Math.max(0, Math.min(1, done));
    }

    private synchronized void draw() {
        if (closed || phase < 0) return;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double overall = (phase + Math.max(0, fraction)) / phases.size();
        int filled = (int) Math.round(overall * BAR_WIDTH);
        StringBuilder line = new StringBuilder("\rxambac [");
        line.append("=".repeat(filled)).append(filled < BAR_WIDTH ? ">" : "").append(" ".repeat(Math.max(0, BAR_WIDTH - filled - 1)));
        line.append("] ").append(phase + 1).append('/').append(phases.size()).append(' ').append(phases.get(phase));
        if (fraction >= 0) line.append(String.format(Locale.ROOT, " %3.0f%%", fraction * 100));
        line.append(String.format(Locale.ROOT, "  %.1f s", seconds));
        int width = line.length() - 1;
        line.append(" ".repeat(Math.max(0, drawnWidth - width))); // a shorter line must cover the longer one
        drawnWidth = Math.max(drawnWidth, width);
        out.print(line);
        out.flush();
    }

    /**
     * {@code out} for everything else the command writes to it while the bar runs: each write first erases the bar
     * (it comes back on the next tick, below what was written).
     */
    PrintStream guard() {
        OutputStream erasing = new OutputStream() {
            @Override public void write(int b) {
                synchronized (Progress.this) {
                    erase();
                    out.write(b);
                }
            }

            @Override public void write(byte[] b, int off, int len) {
                synchronized (Progress.this) {
                    erase();
                    out.write(b, off, len);
                }
            }

            @Override public void flush() {
                out.flush();
            }
        };
        return new PrintStream(erasing, true, StandardCharsets.UTF_8);
    }

    private void erase() {
        if (drawnWidth == 0) return;
        out.print("\r" + " ".repeat(drawnWidth) + "\r");
        out.flush();
        drawnWidth = 0;
    }

    /** Stops drawing and erases the bar if it was drawn. */
    @Override public void close() {
        if (timer != null) timer.shutdownNow();
        synchronized (this) {
            if (closed) return;
            closed = true;
            erase();
        }
    }
}
