package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.event.BinlogPosition;

/**
 * On SIGTERM or Ctrl-C (a JVM shutdown hook): closes the stream, waits for the event being printed to be printed,
 * and prints on stderr the position after the last event printed, with the options that resume there. Closed when
 * the command ends by itself, after which it prints nothing.
 *
 * <p>Thread-safe: {@link #printed} is called by the command's thread, the hook runs on its own.
 */
final class StopOnSignal implements AutoCloseable {

    /** How long the hook waits for the command's thread to finish the event it is printing. */
    private static final long WAIT_MILLIS = 2_000;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile BinlogPosition position;
    private volatile boolean stopping;

    StopOnSignal(BinLogStreamReader stream, PrintWriter err, BinlogPosition start) {
        this.position = start;
        this.hook = new Thread(() -> stop(stream, err), "mysql-replication-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** After an event has been printed: the stream's position after it. */
    void printed(BinlogPosition after) {
        if (after != null) {
            position = after;
        }
    }

    /** Whether the stream was closed by a signal (so an error it then ends with is not one to report). */
    boolean stopping() {
        return stopping;
    }

    private void stop(BinLogStreamReader stream, PrintWriter err) {
        stopping = true;
        stream.close();
        try {
            finished.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println(line(position));
        err.flush();
    }

    /** The line printed on a stop. */
    static String line(BinlogPosition p) {
        if (p == null) {
            return Main.NAME + ": stopped before the first event";
        }
        return Main.NAME + ": stopped at " + p + " (resume with --start-file " + p.file() + " --start-pos "
                + p.position() + ")";
    }

    @Override
    public void close() {
        finished.countDown();
        if (!stopping) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run: it prints the line
            }
        }
    }
}
