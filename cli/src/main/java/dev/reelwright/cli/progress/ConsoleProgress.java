package dev.reelwright.cli.progress;

import dev.reelwright.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for people: on a terminal a bar redrawn in place (stage, i/n, elapsed); elsewhere (a log, CI) one plain
 * line per step, and for long stages one per tenth, so logs stay readable.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int BAR = 24;
    private final PrintWriter out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int lastTenth = -1;
    private long lastDraw;

    public ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * True when a person is watching. From Java 22 {@code System.console()} exists even when output is redirected
     * and {@code Console.isTerminal()} tells; the language level is 21, so ask for that method reflectively.
     */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only on a terminal
        }
    }

    @Override
    public synchronized void stageStarted(String stage, int total) {
        lastTenth = -1;
        if (!terminal) out.printf(Locale.ROOT, "%-9s started (%d %s)%n", stage, total, unit(stage, total));
        else draw(stage, 0, total, "");
        out.flush();
    }

    @Override
    public synchronized void advanced(String stage, int done, int total, String detail) {
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) return; // ten redraws a second are plenty
            lastDraw = now;
            draw(stage, done, total, detail);
        } else {
            boolean many = total > 40;
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (many && tenth == lastTenth) return;
            lastTenth = tenth;
            out.printf(Locale.ROOT, "%-9s %d/%d %s [%s]%n", stage, done, total, many ? "" : detail, elapsed());
        }
        out.flush();
    }

    @Override
    public synchronized void stageFinished(String stage, double seconds) {
        if (terminal) out.print("\r\033[2K");
        out.printf(Locale.ROOT, "%-9s done in %.1f s%n", stage, seconds);
        out.flush();
    }

    private void draw(String stage, int done, int total, String detail) {
        int filled = total == 0 ? BAR : (int) ((long) done * BAR / total);
        String bar = "█".repeat(filled) + "░".repeat(BAR - filled);
        out.printf(Locale.ROOT, "\r\033[2K%-9s %s %d/%d %s [%s]", stage, bar, done, total, detail, elapsed());
    }

    private String elapsed() {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String unit(String stage, int total) {
        return stage.equals("assemble") ? "frames" : total == 1 ? "step" : "steps";
    }
}
