package org.mysqlreplication.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.io.ByteReader;

/**
 * The reader is run over the same wire bytes delivered in several shapes: whole, one byte per read, random
 * small reads, and reads that stop right after each packet header. The wire bytes are framed by this test
 * ({@link #frame}), independently of {@link PacketChannel#writePacket}.
 */
class PacketChannelTest {

    private static final int MAX = 0xFF_FFFF;

    /** Frames payloads as the protocol does: chunks of at most 0xFFFFFF, sequence ids from 0, empty chunk after a full one. */
    static byte[] frame(List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int seq = 0;
        for (byte[] payload : payloads) {
            int off = 0;
            while (true) {
                int len = Math.min(MAX, payload.length - off);
                out.write(len & 0xFF);
                out.write(len >> 8 & 0xFF);
                out.write(len >> 16 & 0xFF);
                out.write(seq++ & 0xFF);
                out.write(payload, off, len);
                off += len;
                if (len < MAX) {
                    break;
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** An InputStream whose read(byte[], int, int) returns at most what {@code nextSize} allows. */
    static final class ShapedInputStream extends InputStream {
        private final byte[] data;
        private final Function<Integer, Integer> nextSize;
        private int pos;

        ShapedInputStream(byte[] data, Function<Integer, Integer> nextSize) {
            this.data = data;
            this.nextSize = nextSize;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), Math.max(1, nextSize.apply(pos)));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    interface Shape extends Function<byte[], InputStream> {}

    static Stream<Arguments> shapes() {
        Shape whole = ByteArrayInputStream::new;
        Shape oneByte = data -> new ShapedInputStream(data, pos -> 1);
        Shape randomSmall = data -> {
            Random r = new Random(42);
            return new ShapedInputStream(data, pos -> 1 + r.nextInt(7));
        };
        Shape randomMedium = data -> {
            Random r = new Random(7);
            return new ShapedInputStream(data, pos -> 1 + r.nextInt(100_000));
        };
        Shape oddSplits = data -> new ShapedInputStream(data, pos -> pos % 5 == 0 ? 3 : 4097);
        return Stream.of(
                Arguments.of("whole buffer", whole),
                Arguments.of("one byte per read", oneByte),
                Arguments.of("random 1..7 bytes", randomSmall),
                Arguments.of("random up to 100000", randomMedium),
                Arguments.of("3 or 4097 bytes", oddSplits));
    }

    private static void assertPayloads(Shape shape, List<byte[]> payloads) {
        PacketChannel channel =
                new PacketChannel(shape.apply(frame(payloads)), OutputStream.nullOutputStream(), "test");
        for (int i = 0; i < payloads.size(); i++) {
            ByteReader r = channel.readPacket();
            byte[] expected = payloads.get(i);
            assertThat(r.remaining()).as("length of payload %d", i).isEqualTo(expected.length);
            byte[] got = Arrays.copyOfRange(r.array(), r.arrayOffset(), r.arrayOffset() + r.remaining());
            assertThat(Arrays.mismatch(got, expected))
                    .as("first differing byte of payload %d", i)
                    .isEqualTo(-1);
        }
        assertThatThrownBy(channel::readPacket)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("closed by the server");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsSmallPacketsInSequence(String name, Shape shape) {
        assertPayloads(
                shape,
                List.of(
                        new byte[0],
                        new byte[] {1},
                        random(251, 1),
                        random(70_000, 2),
                        random(3, 3),
                        random(PacketChannel.BUFFER_SIZE, 4),
                        random(PacketChannel.BUFFER_SIZE / 2 - 1, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsPayloadOfExactlyOneFullChunkFollowedByEmptyChunk(String name, Shape shape) {
        byte[] full = random(MAX, 6);
        byte[] wire = frame(List.of(full));
        assertThat(wire.length).isEqualTo(4 + MAX + 4); // the empty closing chunk is there
        assertPayloads(shape, List.of(full, random(10, 7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsTwentyMebibytePayloadSplitOverTwoChunks(String name, Shape shape) {
        byte[] big = random(20 * 1024 * 1024, 8);
        assertPayloads(shape, List.of(random(5, 9), big, random(17, 10)));
    }

    @Test
    void readsPayloadOfTwoFullChunks() {
        byte[] big = random(2 * MAX, 11);
        assertPayloads(ByteArrayInputStream::new, List.of(big));
    }

    @Test
    void writerSplitsTheSameWayTheProtocolFrames() {
        List<byte[]> payloads = List.of(new byte[0], random(300, 12), random(MAX, 13), random(MAX + 5, 14));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketChannel channel = new PacketChannel(InputStream.nullInputStream(), out, "test");
        for (byte[] p : payloads) {
            channel.writePacket(p);
        }
        assertThat(Arrays.mismatch(out.toByteArray(), frame(payloads))).isEqualTo(-1);
    }

    @Test
    void sequenceMismatchIsAProtocolError() {
        byte[] wire = frame(List.of(new byte[] {1}, new byte[] {2}));
        wire[3] = 5; // first packet claims sequence id 5
        PacketChannel channel =
                new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "h:1");
        assertThatThrownBy(channel::readPacket)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("expected sequence id 0, found 5")
                .hasMessageContaining("h:1");
    }

    @Test
    void sequenceIsSharedByWritesAndReadsAndResetPerCommand() {
        // a command (seq 0) answered by the server (seq 1), then a new command (seq 0) answered with seq 1
        byte[] answer = {4, 0, 0, 1, 9, 8, 7, 6};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] wire = new byte[answer.length * 2];
        System.arraycopy(answer, 0, wire, 0, answer.length);
        System.arraycopy(answer, 0, wire, answer.length, answer.length);
        PacketChannel channel = new PacketChannel(new ByteArrayInputStream(wire), out, "test");
        channel.writePacket(new byte[] {3});
        assertThat(channel.readPacket().readUint8()).isEqualTo(9);
        assertThat(channel.nextSequence()).isEqualTo(2);
        channel.resetSequence();
        channel.writePacket(new byte[] {3});
        assertThat(channel.readPacket().remaining()).isEqualTo(4);
        assertThat(out.toByteArray()).containsExactly(1, 0, 0, 0, 3, 1, 0, 0, 0, 3);
    }

    @Test
    void continuesOverNewStreamsWithTheNextSequenceId() {
        // the switch to TLS: handshake (seq 0) read and SSLRequest (seq 1) written in plain text, then the
        // response (seq 2) and the server's answer (seq 3) over the new streams
        ByteArrayOutputStream plainOut = new ByteArrayOutputStream();
        PacketChannel plain = new PacketChannel(new ByteArrayInputStream(new byte[] {1, 0, 0, 0, 10}), plainOut, "h:1");
        assertThat(plain.readPacket().readUint8()).isEqualTo(10);
        plain.writePacket(new byte[] {7});
        ByteArrayOutputStream tlsOut = new ByteArrayOutputStream();
        PacketChannel tls = plain.continueOver(new ByteArrayInputStream(new byte[] {1, 0, 0, 3, 0}), tlsOut);
        tls.writePacket(new byte[] {8});
        assertThat(tls.readPacket().readUint8()).isEqualTo(0);
        assertThat(plainOut.toByteArray()).containsExactly(1, 0, 0, 1, 7);
        assertThat(tlsOut.toByteArray()).containsExactly(1, 0, 0, 2, 8);
    }

    @Test
    void bytesBufferedBeforeTheSwitchToTlsAreAProtocolError() {
        byte[] wire = {1, 0, 0, 0, 10, 1, 0, 0, 1, 11}; // a second packet arrives with the handshake
        PacketChannel plain = new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "h:1");
        plain.readPacket();
        assertThatThrownBy(() -> plain.continueOver(InputStream.nullInputStream(), OutputStream.nullOutputStream()))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("h:1")
                .hasMessageContaining("5 unexpected bytes before the switch to TLS");
    }

    @Test
    void sequenceIdWrapsAt256() {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            payloads.add(new byte[] {(byte) i});
        }
        PacketChannel channel =
                new PacketChannel(new ByteArrayInputStream(frame(payloads)), OutputStream.nullOutputStream(), "test");
        for (int i = 0; i < 300; i++) {
            assertThat(channel.readPacket().readUint8()).isEqualTo(i & 0xFF);
        }
    }

    @Test
    void truncatedHeaderIsAConnectionError() {
        byte[] wire = Arrays.copyOf(frame(List.of(random(10, 15))), 2);
        PacketChannel channel =
                new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "db:3306");
        assertThatThrownBy(channel::readPacket)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("db:3306")
                .hasMessageContaining("ended inside a packet")
                .hasMessageContaining("packet header needs 4 bytes, got 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void truncatedPayloadIsAConnectionError(String name, Shape shape) {
        byte[] wire = frame(List.of(random(100_000, 16)));
        PacketChannel channel = new PacketChannel(
                shape.apply(Arrays.copyOf(wire, wire.length - 1)), OutputStream.nullOutputStream(), "test");
        assertThatThrownBy(channel::readPacket)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("ended inside a packet");
    }

    @Test
    void aHeaderThatClaimsMoreThanComesCostsNoMoreThanWhatCame() {
        // found by PacketChannelFuzzTest: the 4 bytes of a header claiming a full chunk (16 MiB - 1) made the channel
        // allocate all of it before the first payload byte; the payload array now grows as its bytes arrive (from
        // FIRST_ALLOCATION = 1 MiB), so the 10 bytes that do come cost the read buffer, 1 MiB and the exception
        byte[] wire = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        new FuzzContract(
                        "a header claiming 16 MiB",
                        PacketChannel.BUFFER_SIZE + PacketChannel.FIRST_ALLOCATION + 32_768,
                        0)
                .check(wire.length, () -> {
                    PacketChannel channel =
                            new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "test");
                    assertThatThrownBy(channel::readPacket)
                            .isInstanceOf(ConnectionException.class)
                            .hasMessageContaining("ended inside a packet");
                });
    }

    @Test
    void truncatedSecondChunkIsAConnectionError() {
        byte[] wire = frame(List.of(random(MAX + 100, 17)));
        PacketChannel channel = new PacketChannel(
                new ByteArrayInputStream(Arrays.copyOf(wire, wire.length - 50)),
                OutputStream.nullOutputStream(),
                "test");
        assertThatThrownBy(channel::readPacket)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("ended inside a packet")
                .hasMessageContaining("read before this chunk: " + MAX);
    }

    @Test
    void readFailureIsAConnectionErrorNamingThePeer() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };
        PacketChannel channel = new PacketChannel(failing, OutputStream.nullOutputStream(), "db:3306");
        assertThatThrownBy(channel::readPacket)
                .isInstanceOf(ConnectionException.class)
                .hasMessage("read from db:3306 failed: Connection reset");
    }

    @Test
    void readingIntoAReusedArrayWhenThePayloadFitsAndIntoANewOneOtherwise() {
        byte[] small = random(100, 1);
        byte[] large = random(5000, 2);
        byte[] twoChunks = random(MAX + 10, 3);
        byte[] wire = frame(List.of(small, large, twoChunks, small));
        PacketChannel channel =
                new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "test");
        byte[] reuse = new byte[4096];

        org.mysqlreplication.io.ByteReader first = channel.readPacket(reuse);
        assertThat(first.array()).isSameAs(reuse);
        assertThat(first.readRemainingBytes()).isEqualTo(small);
        org.mysqlreplication.io.ByteReader second = channel.readPacket(reuse);
        assertThat(second.array()).isNotSameAs(reuse);
        assertThat(second.readRemainingBytes()).isEqualTo(large);
        org.mysqlreplication.io.ByteReader third = channel.readPacket(reuse);
        assertThat(third.array()).isNotSameAs(reuse);
        assertThat(third.readRemainingBytes()).isEqualTo(twoChunks);
        assertThat(channel.readPacket(reuse).readRemainingBytes()).isEqualTo(small);
    }
}
