package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The progress of a long {@code read} on stderr: events, bytes and position, on one line rewritten in place at
 * most {@link #INTERVAL_NANOS} apart, and erased at the end. Only on a terminal ({@link #onTerminal}): in a pipe or
 * a log it would be noise.
 *
 * <p>Not thread-safe: one per command run.
 */
class Progress {

    /** The shortest time between two updates: 4 a second. */
    static final long INTERVAL_NANOS = 250_000_000L;

    private static final Progress NONE = new Progress(null, () -> 0) {
        @Override
        void update(long events, Path file, long position) {}

        @Override
        void fileDone() {}

        @Override
        void end() {}
    };

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private long next;
    private long doneBytes;
    private long lastPosition;
    private boolean shown;

    Progress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.next = nanoTime.getAsLong() + INTERVAL_NANOS;
    }

    /** A progress line on {@code err} when the command runs on a terminal, otherwise one that prints nothing. */
    static Progress onTerminal(PrintWriter err) {
        return System.console() != null ? new Progress(err, System::nanoTime) : NONE;
    }

    /** After each event: {@code events} so far, now at {@code position} of {@code file}. */
    void update(long events, Path file, long position) {
        lastPosition = position;
        long now = nanoTime.getAsLong();
        if (now - next < 0) {
            return;
        }
        next = now + INTERVAL_NANOS;
        err.print("\r" + Main.NAME + ": " + events + " events, " + (doneBytes + position) + " bytes, at "
                + file.getFileName() + ":" + position + "\033[K");
        err.flush();
        shown = true;
    }

    /** The current file is read to its end. */
    void fileDone() {
        doneBytes += lastPosition;
        lastPosition = 0;
    }

    /** Erases the progress line, if one was shown. */
    void end() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
