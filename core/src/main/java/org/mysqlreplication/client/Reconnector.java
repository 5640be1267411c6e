package org.mysqlreplication.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.mysqlreplication.net.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, counts, logs and paces the reconnect attempts of one {@link BinLogStreamReader} by its
 * {@link ReconnectPolicy}: an attempt counts as failed until the new connection has delivered a packet
 * ({@link #connected()}), so a server that accepts connections and drops them at once still ends the stream after
 * {@code maxAttempts}. The log lines name the peer and the position, never a password or a row value.
 *
 * <p>Used by the reader's thread; {@link #close()} and {@link #attempts()} may be called from any thread.
 */
final class Reconnector {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    private final ReconnectPolicy policy;
    private final String peer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile long attempts;
    private int failedInRow;
    private final RandomGenerator random = RandomGenerator.getDefault();

    /** {@code policy} null: never reconnect. */
    Reconnector(ReconnectPolicy policy, String peer) {
        this.policy = policy;
        this.peer = peer;
    }

    /**
     * Whether to connect again after {@code failure}, having waited the policy's delay for this attempt: false without a policy,
     * after {@code maxAttempts} failed attempts in a row, and when {@link #close()} was called (before or during
     * the wait).
     */
    boolean retry(ConnectionException failure, Object resumeAt) {
        if (policy == null || failedInRow >= policy.maxAttempts() || closed.getCount() == 0) {
            if (policy != null) {
                LOG.warn(
                        "binlog connection to {} lost after {} reconnect attempts in a row, giving up: {}",
                        peer,
                        failedInRow,
                        failure.getMessage());
            }
            return false;
        }
        failedInRow++;
        attempts++;
        Duration wait = policy.delayBefore(failedInRow, random);
        LOG.warn(
                "binlog connection to {} lost ({}); reconnect attempt {} of {} in {} at {}",
                peer,
                failure.getMessage(),
                failedInRow,
                policy.maxAttempts(),
                wait,
                resumeAt);
        try {
            return !closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The connection delivered a packet: the next loss starts a new run of attempts. */
    void connected() {
        failedInRow = 0;
    }

    /** Every attempt made so far, failed or not. */
    long attempts() {
        return attempts;
    }

    /** Ends a wait between attempts, and refuses further attempts. */
    void close() {
        closed.countDown();
    }
}
