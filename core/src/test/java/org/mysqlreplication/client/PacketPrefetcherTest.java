package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.net.PacketChannel;

class PacketPrefetcherTest {

    /** A source handing out packets of the given sizes, then null or a failure. */
    static class Scripted implements PacketPrefetcher.Source {
        final int[] sizes;
        final RuntimeException failure;
        final AtomicInteger reads = new AtomicInteger();

        Scripted(RuntimeException failure, int... sizes) {
            this.sizes = sizes;
            this.failure = failure;
        }

        @Override
        public Payload read(byte[] reuse) {
            int i = reads.getAndIncrement();
            if (i < sizes.length) {
                byte[] b = sizes[i] <= reuse.length ? reuse : new byte[sizes[i]];
                b[0] = (byte) i;
                return Payload.of(ByteReader.of(b, 0, sizes[i]));
            }
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override
        public void close() {}
    }

    @Test
    void packetsComeOutInOrderThenTheEnd() {
        try (PacketPrefetcher p = new PacketPrefetcher(new Scripted(null, 10, 20, 30), 1024, "t")) {
            for (int i = 0; i < 3; i++) {
                assertThat(p.next().bytes().peekUint8(0)).isEqualTo(i);
            }
            assertThat(p.next()).isNull();
            assertThat(p.next()).isNull();
        }
    }

    @Test
    void aFailureComesOutAfterEveryPacketReadBeforeIt() {
        BinlogException boom = new BinlogException("connection lost");
        try (PacketPrefetcher p = new PacketPrefetcher(new Scripted(boom, 5, 5), 1024, "t")) {
            assertThat(p.next().bytes().peekUint8(0)).isEqualTo(0);
            assertThat(p.next().bytes().peekUint8(0)).isEqualTo(1);
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
                seen.add(p.next().bytes().peekUint8(0));
            }
            assertThat(seen).containsExactly(1, 2, 3, 4);
            assertThat(p.next()).isNull();
        }
    }

    /**
     * Once the budget is spent, the reading thread waits for half of it to be free again, not for one packet's
     * worth: it then reads packets in runs instead of one per packet taken (a park and an unpark each).
     */
    @Test
    void aReaderOutOfBudgetGoesOnWhenHalfOfItIsFree() throws Exception {
        int[] sizes = new int[40];
        java.util.Arrays.fill(sizes, 100);
        Scripted source = new Scripted(null, sizes);
        // packets under 16 KiB take a pooled buffer's whole capacity: the budget of 10 buffers holds 10 packets
        try (PacketPrefetcher p = new PacketPrefetcher(source, 10 * PacketPrefetcher.BUFFER_SIZE, "t")) {
            awaitReads(source, 11); // ten wait, the eleventh waits for budget
            Thread.sleep(200);
            assertThat(source.reads.get()).isEqualTo(11);
            for (int i = 0; i < 4; i++) { // 5 of 10 buffers' budget free after the fifth: not yet
                assertThat(p.next().bytes().peekUint8(0)).isEqualTo(i);
            }
            Thread.sleep(200);
            assertThat(source.reads.get()).as("reads with 4 of 10 buffers free").isEqualTo(11);
            assertThat(p.next().bytes().peekUint8(0)).isEqualTo(4);
            awaitReads(source, 16); // half free: the eleventh goes in, four more are read, the last waits
            Thread.sleep(200);
            assertThat(source.reads.get()).isEqualTo(16);
            for (int i = 5; i < 40; i++) {
                assertThat(p.next().bytes().peekUint8(0)).isEqualTo(i);
            }
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
                ByteReader packet = p.next().bytes();
                assertThat(packet.remaining()).isEqualTo(100);
                assertThat(packet.peekUint8(0)).isEqualTo(i);
            }
            assertThat(p.next()).isNull();
        }
    }

    @Test
    void aPacketLargerThanTheBudgetStillPassesAlone() {
        try (PacketPrefetcher p = new PacketPrefetcher(new Scripted(null, 5000, 10), 1000, "t")) {
            assertThat(p.next().bytes().remaining()).isEqualTo(5000);
            assertThat(p.next().bytes().remaining()).isEqualTo(10);
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

    /** Packets 0..n-1; those in {@code spilled} come as a 64-byte head and a spill file, as {@link EventSpill} gives. */
    static final class Spilling extends Scripted {
        final Set<Integer> spilled;
        final SpillFiles files;
        final List<SpillFile> made = new CopyOnWriteArrayList<>();

        Spilling(SpillFiles files, int n, Integer... spilled) {
            super(null, IntStream.range(0, n).map(i -> 100).toArray());
            this.files = files;
            this.spilled = Set.of(spilled);
        }

        @Override
        public Payload read(byte[] reuse) {
            int i = reads.get();
            Payload r = super.read(reuse);
            if (r != null && spilled.contains(i)) {
                SpillFile file = files.create();
                made.add(file);
                byte[] head = new byte[PacketChannel.SPILL_HEAD];
                head[0] = (byte) i;
                return Payload.spilled(ByteReader.of(head), file, 0);
            }
            return r;
        }
    }

    @Test
    void spilledEventsPassInOrderEachWithItsFile(@TempDir Path dir) {
        try (SpillFiles files = new SpillFiles(dir)) {
            Spilling source = new Spilling(files, 4, 1, 2);
            try (PacketPrefetcher p = new PacketPrefetcher(source, 1024, "t")) {
                List<SpillFile> seen = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Payload payload = p.next();
                    assertThat(payload.bytes().peekUint8(0)).isEqualTo(i);
                    seen.add(payload.spill());
                }
                assertThat(seen).containsExactly(null, source.made.get(0), source.made.get(1), null);
                assertThat(p.next()).isNull();
            }
        }
    }

    @Test
    void aSpilledEventCostsItsHeadOfTheBudgetButAtMostTwoWaitOnDisk(@TempDir Path dir) throws Exception {
        try (SpillFiles files = new SpillFiles(dir)) {
            // a budget of 300 bytes holds three 64-byte heads: only the spill slots stop the fourth
            Spilling source = new Spilling(files, 6, 0, 1, 2, 3, 4, 5);
            try (PacketPrefetcher p = new PacketPrefetcher(source, 300, "t")) {
                awaitReads(source, PacketPrefetcher.SPILLED_AHEAD + 1);
                Thread.sleep(200);
                assertThat(source.reads.get()).isEqualTo(PacketPrefetcher.SPILLED_AHEAD + 1);
                for (int i = 0; i < 6; i++) {
                    Payload payload = p.next();
                    assertThat(payload.bytes().peekUint8(0)).isEqualTo(i);
                    assertThat(payload.spill()).isSameAs(source.made.get(i));
                }
                assertThat(p.next()).isNull();
            }
        }
    }

    /**
     * An Error in the reading thread (an OutOfMemoryError on a huge event, say) used to end that thread unseen, and
     * the consumer waited in next() for ever: it must come out after the packets read before it.
     */
    @Test
    void anErrorOfTheReadingThreadReachesTheConsumer() {
        Scripted source = new Scripted(null, 5) {
            @Override
            public Payload read(byte[] reuse) {
                if (reads.get() == 1) {
                    reads.incrementAndGet();
                    throw new OutOfMemoryError("Java heap space");
                }
                return super.read(reuse);
            }
        };
        try (PacketPrefetcher p = new PacketPrefetcher(source, 1024, "t")) {
            assertThat(p.next().bytes().peekUint8(0)).isEqualTo(0);
            assertThatThrownBy(p::next)
                    .isInstanceOf(BinlogException.class)
                    .hasMessageContaining("OutOfMemoryError")
                    .hasCauseInstanceOf(OutOfMemoryError.class);
        }
    }

    /** A consumer waiting for a packet that never comes (a silent source) is ended by close() from elsewhere. */
    @Test
    void closeEndsAConsumerWaitingInNext() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        PacketPrefetcher.Source silent = new PacketPrefetcher.Source() {
            @Override
            public Payload read(byte[] reuse) {
                try {
                    never.await(); // ignores close() on purpose: only the interrupt ends it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }

            @Override
            public void close() {}
        };
        PacketPrefetcher p = new PacketPrefetcher(silent, 1024, "t");
        java.util.concurrent.CompletableFuture<Payload> waiting =
                java.util.concurrent.CompletableFuture.supplyAsync(p::next);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        p.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
    }

    private static void awaitReads(Scripted source, int reads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (source.reads.get() < reads && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(source.reads.get()).isEqualTo(reads);
    }
}
