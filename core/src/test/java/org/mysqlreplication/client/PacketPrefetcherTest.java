package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.io.ByteReader;

class PacketPrefetcherTest {

    /** A source handing out packets of the given sizes, then null or a failure. */
    static final class Scripted implements PacketPrefetcher.Source {
        final int[] sizes;
        final RuntimeException failure;
        final AtomicInteger reads = new AtomicInteger();

        Scripted(RuntimeException failure, int... sizes) {
            this.sizes = sizes;
            this.failure = failure;
        }

        @Override
        public ByteReader read(byte[] reuse) {
            int i = reads.getAndIncrement();
            if (i < sizes.length) {
                byte[] b = sizes[i] <= reuse.length ? reuse : new byte[sizes[i]];
                b[0] = (byte) i;
                return ByteReader.of(b, 0, sizes[i]);
            }
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void packetsComeOutInOrderThenTheEnd() {
        try (PacketPrefetcher p = new PacketPrefetcher(new Scripted(null, 10, 20, 30), 1024, "t")) {
            for (int i = 0; i < 3; i++) {
                assertThat(p.next().peekUint8(0)).isEqualTo(i);
            }
            assertThat(p.next()).isNull();
            assertThat(p.next()).isNull();
        }
    }

    @Test
    void aFailureComesOutAfterEveryPacketReadBeforeIt() {
        BinlogException boom = new BinlogException("connection lost");
        try (PacketPrefetcher p = new PacketPrefetcher(new Scripted(boom, 5, 5), 1024, "t")) {
            assertThat(p.next().peekUint8(0)).isEqualTo(0);
            assertThat(p.next().peekUint8(0)).isEqualTo(1);
            assertThatThrownBy(p::next).isSameAs(boom);
        }
    }

    @Test
    void readAheadStopsAtTheByteBudgetAndGoesOnWhenTheConsumerTakes() throws Exception {
        Scripted source = new Scripted(null, 20_000, 20_000, 20_000, 20_000, 20_000);
        try (PacketPrefetcher p = new PacketPrefetcher(source, 50_000, "t")) {
            // two packets (40,000 bytes) fit, the third is read but waits for budget: no fourth read
            awaitReads(source, 3);
            Thread.sleep(200);
            assertThat(source.reads.get()).isEqualTo(3);
            assertThat(p.next()).isNotNull();
            BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
            for (int i = 1; i < 5; i++) {
                seen.add(p.next().peekUint8(0));
            }
            assertThat(seen).containsExactly(1, 2, 3, 4);
            assertThat(p.next()).isNull();
        }
    }

    @Test
    void pooledBuffersCountWithTheirWholeCapacity() throws Exception {
        Scripted source = new Scripted(null, 100, 100, 100, 100);
        try (PacketPrefetcher p = new PacketPrefetcher(source, 2 * PacketPrefetcher.BUFFER_SIZE, "t")) {
            awaitReads(source, 3);
            Thread.sleep(200);
            assertThat(source.reads.get()).isEqualTo(3);
            for (int i = 0; i < 4; i++) {
                ByteReader packet = p.next();
                assertThat(packet.remaining()).isEqualTo(100);
                assertThat(packet.peekUint8(0)).isEqualTo(i);
            }
            assertThat(p.next()).isNull();
        }
    }

    @Test
    void aPacketLargerThanTheBudgetStillPassesAlone() {
        try (PacketPrefetcher p = new PacketPrefetcher(new Scripted(null, 5000, 10), 1000, "t")) {
            assertThat(p.next().remaining()).isEqualTo(5000);
            assertThat(p.next().remaining()).isEqualTo(10);
            assertThat(p.next()).isNull();
        }
    }

    @Test
    void closeEndsAReaderWaitingForBudget() throws Exception {
        Scripted source = new Scripted(null, 900, 900, 900);
        PacketPrefetcher p = new PacketPrefetcher(source, 1000, "t");
        awaitReads(source, 2);
        p.close();
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(source.reads.get()).isEqualTo(2);
    }

    private static void awaitReads(Scripted source, int reads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (source.reads.get() < reads && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(source.reads.get()).isEqualTo(reads);
    }
}
