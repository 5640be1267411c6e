package org.mysqlreplication.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.net.PacketChannelTest.frame;
import static org.mysqlreplication.net.PacketChannelTest.random;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;

/**
 * Payloads streamed to a spill file chunk by chunk: the file holds exactly the payload the protocol framed
 * ({@link PacketChannelTest#frame}, independent of our writer), the packets after it read as usual (so the
 * chunks' sequence ids and the closing empty chunk were consumed), and a broken stream releases the file.
 */
class PacketChannelSpillTest {

    private static final int MAX = PacketChannel.MAX_CHUNK;

    @TempDir
    Path dir;

    private SpillFiles files;

    /** Spills every payload of at least {@code minimum} bytes whose first byte is 0x00; records what it saw. */
    private final class ZeroFirst implements PayloadSpill {
        final long minimum;
        final List<byte[]> heads = new ArrayList<>();
        final List<Integer> firstChunks = new ArrayList<>();
        final List<SpillFile> spilled = new ArrayList<>();

        ZeroFirst(long minimum) {
            this.minimum = minimum;
        }

        @Override
        public long minimumPayload() {
            return minimum;
        }

        @Override
        public SpillFile spillTo(ByteReader head, int firstChunk) {
            heads.add(head.readRemainingBytes());
            firstChunks.add(firstChunk);
            if (heads.get(heads.size() - 1)[0] != 0) {
                return null;
            }
            SpillFile f = files.create();
            spilled.add(f);
            return f;
        }
    }

    @AfterEach
    void close() {
        if (files != null) {
            files.close();
        }
    }

    private PacketChannel channel(PacketChannelTest.Shape shape, List<byte[]> payloads) {
        files = new SpillFiles(dir);
        return new PacketChannel(shape.apply(frame(payloads)), OutputStream.nullOutputStream(), "test");
    }

    private static byte[] zeroFirst(int n, long seed) {
        byte[] b = random(n, seed);
        b[0] = 0;
        return b;
    }

    private static byte[] contents(SpillFile f) {
        byte[] b = new byte[(int) f.length()];
        f.readFully(0, b, 0, b.length);
        return b;
    }

    /**
     * The shapes of {@link PacketChannelTest} with reads of more than a few bytes: a file write per few bytes is
     * too slow for 16 MiB (those shapes stream a smaller payload below).
     */
    static Stream<Arguments> shapes() {
        return PacketChannelTest.shapes()
                .filter(a -> !a.get()[0].equals("one byte per read") && !a.get()[0].equals("random 1..7 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aPayloadOverTwoChunksGoesToTheFileAndThePacketsAroundItReadAsUsual(
            String name, PacketChannelTest.Shape shape) {
        byte[] big = zeroFirst(MAX + 70_000, 1);
        List<byte[]> payloads = List.of(random(10, 2), big, random(300, 3));
        PacketChannel channel = channel(shape, payloads);
        ZeroFirst spill = new ZeroFirst(1000);

        assertThat(channel.readPayload(null, spill).bytes().readRemainingBytes())
                .isEqualTo(payloads.get(0));
        Payload read = channel.readPayload(null, spill);
        assertThat(read.spill()).isSameAs(spill.spilled.get(0));
        ByteReader head = read.bytes();
        assertThat(head.readRemainingBytes()).isEqualTo(Arrays.copyOf(big, PacketChannel.SPILL_HEAD));
        assertThat(spill.firstChunks).containsExactly(MAX);
        assertThat(spill.spilled).hasSize(1);
        assertThat(Arrays.mismatch(contents(spill.spilled.get(0)), big)).isEqualTo(-1);
        assertThat(channel.readPayload(null, spill).bytes().readRemainingBytes())
                .isEqualTo(payloads.get(2));
        assertThat(channel.nextSequence()).isEqualTo(4); // 1 packet, 2 chunks, 1 packet
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void anExactMultipleOfTheChunkEndsWithAnEmptyChunkThatIsConsumed(String name, PacketChannelTest.Shape shape) {
        byte[] big = zeroFirst(2 * MAX, 4);
        byte[] wire = frame(List.of(big));
        assertThat(wire.length).isEqualTo(3 * 4 + 2 * MAX); // two full chunks and the empty one
        PacketChannel channel = channel(shape, List.of(big, random(5, 5)));
        ZeroFirst spill = new ZeroFirst(1000);

        channel.readPayload(null, spill);
        assertThat(Arrays.mismatch(contents(spill.spilled.get(0)), big)).isEqualTo(-1);
        assertThat(channel.nextSequence()).isEqualTo(3);
        assertThat(channel.readPayload(null, spill).bytes().readRemainingBytes())
                .isEqualTo(random(5, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.mysqlreplication.net.PacketChannelTest#shapes")
    void aOneChunkPayloadAboveTheMinimumIsSpilledAndOneBelowIsNotAsked(String name, PacketChannelTest.Shape shape) {
        byte[] small = zeroFirst(999, 6);
        byte[] large = zeroFirst(100_000, 7);
        PacketChannel channel = channel(shape, List.of(small, large));
        ZeroFirst spill = new ZeroFirst(1000);

        assertThat(channel.readPayload(null, spill).bytes().readRemainingBytes())
                .isEqualTo(small);
        assertThat(spill.heads).isEmpty();
        channel.readPayload(null, spill);
        assertThat(spill.firstChunks).containsExactly(100_000);
        assertThat(contents(spill.spilled.get(0))).isEqualTo(large);
    }

    @Test
    void aPayloadTheSpillDeclinesIsReadIntoMemoryWhole() {
        byte[] big = random(MAX + 10, 8);
        big[0] = 1;
        PacketChannel channel = channel(ByteArrayInputStream::new, List.of(big));
        ZeroFirst spill = new ZeroFirst(1000);

        assertThat(channel.readPayload(null, spill).bytes().readRemainingBytes())
                .isEqualTo(big);
        assertThat(spill.heads).hasSize(1);
        assertThat(spill.heads.get(0)).isEqualTo(Arrays.copyOf(big, PacketChannel.SPILL_HEAD));
        assertThat(spill.spilled).isEmpty();
    }

    @Test
    void aWrongSequenceIdInTheSecondChunkIsAProtocolErrorAndReleasesTheFile() {
        byte[] wire = frame(List.of(zeroFirst(MAX + 100, 9)));
        wire[4 + MAX + 3] = 7; // the second chunk's sequence id should be 1
        files = new SpillFiles(dir);
        PacketChannel channel =
                new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "db:1");
        ZeroFirst spill = new ZeroFirst(1000);

        assertThatThrownBy(() -> channel.readPayload(null, spill))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("expected sequence id 1, found 7");
        assertThat(spill.spilled.get(0).isReleased()).isTrue();
        assertThat(files.open()).isZero();
    }

    @Test
    void aStreamEndingInsideTheSecondChunkIsAConnectionErrorAndReleasesTheFile() {
        byte[] wire = frame(List.of(zeroFirst(MAX + 100, 10)));
        files = new SpillFiles(dir);
        PacketChannel channel = new PacketChannel(
                new ByteArrayInputStream(Arrays.copyOf(wire, wire.length - 40)),
                OutputStream.nullOutputStream(),
                "test");
        ZeroFirst spill = new ZeroFirst(1000);

        assertThatThrownBy(() -> channel.readPayload(null, spill))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("ended inside a packet")
                .hasMessageContaining("payload chunk needs 100 bytes, got 60")
                .hasMessageContaining("read before this chunk: " + MAX);
        assertThat(spill.spilled.get(0).isReleased()).isTrue();
    }
}
