package org.mysqlreplication.cli;

import java.io.PrintWriter;
import org.mysqlreplication.event.BinlogEvent;

/**
 * Prints events to a command's standard output and notices when nobody reads it any more ({@code | head -1}
 * has exited): the writer swallows write errors, so every {@code checkEvery} events it flushes and asks
 * {@link PrintWriter#checkError()}, and the command stops reading when {@link #print} returns {@code false}.
 * With {@code checkEvery} 1 every event is flushed as it comes (what {@code dump --follow} needs).
 *
 * <p>Not thread-safe: one per command run.
 */
final class EventOutput {

    private final PrintWriter out;
    private final int checkEvery;
    private long events;

    EventOutput(PrintWriter out, int checkEvery) {
        if (checkEvery < 1) {
            throw new IllegalArgumentException("checkEvery " + checkEvery + " < 1");
        }
        this.out = out;
        this.checkEvery = checkEvery;
    }

    /** Prints the event's dump; {@code false} when the output is closed, so the command should stop. */
    boolean print(BinlogEvent event) {
        out.print(event.dump());
        events++;
        return events % checkEvery != 0 || !out.checkError();
    }

    /** Flushes what was printed; {@code false} when the output is closed. */
    boolean flush() {
        return !out.checkError();
    }

    /** How many events were printed. */
    long events() {
        return events;
    }
}
