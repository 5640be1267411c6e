package org.mysqlreplication.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a blocking {@link BinLogStreamReader} reconnects when its dump connection is lost while streaming: up to
 * {@code maxAttempts} attempts in a row, {@code delay} apart (the first one {@code delay} after the loss). An
 * attempt fails when connecting fails with a {@link org.mysqlreplication.net.ConnectionException} or the new
 * connection is lost before it delivered an event; the count starts again once one has. Only connection losses are
 * retried: authentication and server errors (such as 1236), TLS failures and decode errors end the stream as without
 * a policy. Set it with {@link BinLogStreamReaderConfig.Builder#reconnect(int, Duration)}; off by default.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts how many reconnect attempts in a row before the last failure surfaces; at least 1
 * @param delay       how long to wait before each attempt; zero or more
 */
public record ReconnectPolicy(int maxAttempts, Duration delay) {

    public ReconnectPolicy {
        Objects.requireNonNull(delay, "delay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("reconnect max attempts " + maxAttempts + " is less than 1");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("reconnect delay " + delay + " is negative");
        }
    }
}
