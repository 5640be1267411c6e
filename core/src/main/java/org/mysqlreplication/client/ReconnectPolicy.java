package org.mysqlreplication.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a blocking {@link BinLogStreamReader} reconnects when its dump connection is lost while streaming (also when
 * it is found dead: no byte for the read timeout, see {@link BinLogStreamReaderConfig.Builder#readTimeout}): up to
 * {@code maxAttempts} attempts in a row, waiting before each a delay that doubles from {@code delay} up to
 * {@code maxDelay}, with jitter ({@link #delayBefore}), so that many readers of one restarted server do not all come
 * back at the same instant. An attempt fails when connecting fails with a
 * {@link org.mysqlreplication.net.ConnectionException} or the new connection is lost before it delivered an event;
 * the count (and the delay) starts again once one has. Only connection losses are retried: authentication and
 * server errors (such as 1236), TLS failures and decode errors end the stream as without a policy. Set it with
 * {@link BinLogStreamReaderConfig.Builder#reconnect(int, Duration)}; off by default.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts how many reconnect attempts in a row before the last failure surfaces; at least 1
 * @param delay       the wait before the first attempt (before jitter); zero or more
 * @param maxDelay    the longest wait, however many attempts failed; at least {@code delay}
 */
public record ReconnectPolicy(int maxAttempts, Duration delay, Duration maxDelay) {

    /** The cap of the two-argument constructor's delays, unless {@code delay} is longer. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    public ReconnectPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("reconnect max attempts " + maxAttempts + " is less than 1");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("reconnect delay " + delay + " is negative");
        }
        if (maxDelay.compareTo(delay) < 0) {
            throw new IllegalArgumentException("reconnect max delay " + maxDelay + " is less than the delay " + delay);
        }
    }

    /** Delays from {@code delay}, doubling up to {@link #DEFAULT_MAX_DELAY} (or {@code delay} if longer). */
    public ReconnectPolicy(int maxAttempts, Duration delay) {
        this(maxAttempts, delay, delay == null || delay.compareTo(DEFAULT_MAX_DELAY) < 0 ? DEFAULT_MAX_DELAY : delay);
    }

    /**
     * The wait before attempt {@code attempt} (1 for the first after a loss): {@code delay * 2^(attempt-1)}, capped at
     * {@code maxDelay}, of which the second half is random ("equal jitter"): between half of it and all of it.
     */
    public Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("reconnect attempt " + attempt + " is less than 1");
        }
        long base = delay.toNanos();
        long cap = maxDelay.toNanos();
        for (int i = 1; i < attempt && base < cap; i++) {
            base = base > cap / 2 ? cap : base * 2;
        }
        base = Math.min(base, cap);
        long half = base / 2;
        return Duration.ofNanos(base - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
