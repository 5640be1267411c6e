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
        BinLogStreamReaderConfig.Builder builder = BinLogStreamReaderConfig.builder().serverId(5)
                .reconnect(3, Duration.ofSeconds(1));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocking");
        assertThat(builder.blocking(true).build().reconnect()).isEqualTo(new ReconnectPolicy(3, Duration.ofSeconds(1)));
        assertThat(BinLogStreamReaderConfig.builder().serverId(5).build().reconnect()).isNull();
    }
}
