package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.net.ConnectionException;

class ReconnectorTest {

    private static final ConnectionException LOST = new ConnectionException("connection to db:3306 closed");

    @Test
    void withoutAPolicyThereIsNoAttempt() {
        Reconnector r = new Reconnector(null, "db:3306");
        assertThat(r.retry(LOST, null)).isFalse();
        assertThat(r.attempts()).isZero();
    }

    @Test
    void maxAttemptsInARowThenTheFailureSurfacesAndAConnectionStartsANewRun() {
        Reconnector r = new Reconnector(new ReconnectPolicy(2, Duration.ZERO), "db:3306");
        assertThat(r.retry(LOST, null)).isTrue();
        assertThat(r.retry(LOST, null)).isTrue();
        assertThat(r.retry(LOST, null)).as("a third attempt in a row").isFalse();
        r.connected();
        assertThat(r.retry(LOST, null)).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
    }

    @Test
    void closeEndsTheDelayAtOnceAndRefusesFurtherAttempts() throws Exception {
        Reconnector r = new Reconnector(new ReconnectPolicy(5, Duration.ofMinutes(10)), "db:3306");
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> r.retry(LOST, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (r.attempts() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        r.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(r.retry(LOST, null)).isFalse();
    }

    @Test
    void thePolicyNeedsAnAttemptAndANonNegativeDelayAndTheConfigBlockingMode() {
        assertThatThrownBy(() -> new ReconnectPolicy(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        BinLogStreamReaderConfig.Builder builder =
                BinLogStreamReaderConfig.builder().serverId(5).reconnect(3, Duration.ofSeconds(1));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocking");
        assertThat(builder.blocking(true).build().reconnect()).isEqualTo(new ReconnectPolicy(3, Duration.ofSeconds(1)));
        assertThat(BinLogStreamReaderConfig.builder().serverId(5).build().reconnect())
                .isNull();
    }

    /** Doubling from the delay to the cap, each wait between half of its base and all of it. */
    @Test
    void delaysDoubleUpToTheCapWithJitterInTheSecondHalf() {
        ReconnectPolicy p = new ReconnectPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] bases = {100, 200, 400, 800, 1000, 1000, 1000};
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        for (int attempt = 1; attempt <= bases.length; attempt++) {
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int draw = 0; draw < 200; draw++) {
                long ms = p.delayBefore(attempt, random).toMillis();
                min = Math.min(min, ms);
                max = Math.max(max, ms);
            }
            long base = bases[attempt - 1];
            assertThat(min)
                    .as("attempt %d", attempt)
                    .isGreaterThanOrEqualTo(base / 2)
                    .isLessThan(base * 6 / 10);
            assertThat(max).as("attempt %d", attempt).isLessThanOrEqualTo(base).isGreaterThan(base * 9 / 10);
        }
        assertThat(new ReconnectPolicy(3, Duration.ZERO).delayBefore(3, random)).isZero();
        assertThat(new ReconnectPolicy(3, Duration.ofMillis(50)).maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new ReconnectPolicy(3, Duration.ofMinutes(2)).maxDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> new ReconnectPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
