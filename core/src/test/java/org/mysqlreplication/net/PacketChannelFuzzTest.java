package org.mysqlreplication.net;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;

/**
 * Fuzz target: the framing of the client/server protocol (3-byte length, sequence id, chunks of 0xFFFFFF joined)
 * as {@link PacketChannel} reads it, payload after payload to the first error. The first input byte picks the read
 * ({@code & 3}: {@code readPacket()}, into a reused 64-byte array, with a limit of 256 bytes, or
 * {@code readPayload} with a spill that streams payloads of 16 bytes or more whose first byte is even to a file);
 * the rest is the wire. The same wire is read twice, delivered whole and one byte per read: both must give the
 * same payloads and fail, if they do, with the same exception type (the messages may say how many bytes had come).
 * Seeds: a few framed exchanges.
 *
 * <p>Bound: 3 MiB + 32 bytes per input byte: two read buffers of 64 KiB, an array of at most 1 MiB allocated from a
 * header before its bytes come ({@link PacketChannel#FIRST_ALLOCATION}) in each of the two reads, and each payload
 * byte in its array (grown by doubling), its copy here and the comparison.
 */
class PacketChannelFuzzTest {

    private static final FuzzContract CONTRACT = new FuzzContract("packet framing", 3 << 20, 32);
    private static SpillFiles spills;

    @MethodSource("framedSeeds")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void packets(byte[] input) {
        if (input.length == 0) {
            return;
        }
        CONTRACT.check(input.length, () -> compare(input));
    }

    private static void compare(byte[] input) {
        int mode = input[0] & 3;
        byte[] wire = Arrays.copyOfRange(input, 1, input.length);
        Outcome whole = read(mode, new ByteArrayInputStream(wire));
        Outcome byByte = read(mode, new PacketChannelTest.ShapedInputStream(wire, pos -> 1));
        if (!whole.payloads.equals(byByte.payloads) || whole.failure != byByte.failure) {
            throw new AssertionError("the wire read whole gave " + whole + ", read a byte at a time " + byByte);
        }
    }

    /** The payloads read, and the type of the failure that ended the reading. */
    private record Outcome(List<List<Byte>> payloads, Class<?> failure) {}

    private static Outcome read(int mode, InputStream in) {
        PacketChannel channel = new PacketChannel(in, OutputStream.nullOutputStream(), "fuzz:1");
        byte[] reuse = new byte[64];
        List<List<Byte>> payloads = new ArrayList<>();
        try {
            while (true) {
                byte[] payload = switch (mode) {
                    case 0 -> channel.readPacket().readRemainingBytes();
                    case 1 -> channel.readPacket(reuse).readRemainingBytes();
                    case 2 -> channel.readPacket(256).readRemainingBytes();
                    default -> bytes(channel.readPayload(reuse, SPILL_EVEN));
                };
                payloads.add(list(payload));
            }
        } catch (BinlogException e) {
            return new Outcome(payloads, e.getClass());
        }
    }

    private static List<Byte> list(byte[] b) {
        List<Byte> l = new ArrayList<>(b.length);
        for (byte x : b) {
            l.add(x);
        }
        return l;
    }

    /** A payload's bytes, read back from its spill file when it went to one (which is then released). */
    private static byte[] bytes(Payload p) {
        if (!p.isSpilled()) {
            return p.bytes().readRemainingBytes();
        }
        SpillFile f = p.spill();
        try {
            byte[] all = new byte[(int) f.length()];
            f.readFully(0, all, 0, all.length);
            return all;
        } finally {
            f.release();
        }
    }

    private static final PayloadSpill SPILL_EVEN = new PayloadSpill() {
        @Override
        public long minimumPayload() {
            return 16;
        }

        @Override
        public SpillFile spillTo(ByteReader head, int firstChunk) {
            return head.remaining() > 0 && (head.peekUint8(0) & 1) == 0 ? spills().create() : null;
        }
    };

    private static synchronized SpillFiles spills() {
        if (spills == null) {
            try {
                Path dir = Files.createTempDirectory("packet-fuzz");
                dir.toFile().deleteOnExit();
                spills = new SpillFiles(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return spills;
    }

    static Stream<byte[]> framedSeeds() {
        byte[] handshake = new byte[78];
        handshake[0] = 10;
        byte[] big = new byte[40];
        List<byte[]> three = List.of(handshake, new byte[] {0, 0, 0, 2, 0, 0, 0}, big);
        byte[] wire = PacketChannelTest.frame(three);
        return Stream.of(
                concat(new byte[] {0}, wire),
                concat(new byte[] {1}, wire),
                concat(new byte[] {2}, wire),
                concat(new byte[] {3}, wire),
                // an empty payload, then a 3-byte one with sequence ids 0 and 1
                new byte[] {0, 0, 0, 0, 0, 3, 0, 0, 1, 'a', 'b', 'c'});
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
