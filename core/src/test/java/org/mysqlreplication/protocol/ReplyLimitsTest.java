package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.ProtocolException;

/**
 * Replies other than events are bounded ({@link ReplyLimits}): a server that sends a handshake of endless 16 MiB
 * chunks, or a result set of endless rows, gets a {@link ProtocolException}, not an OutOfMemoryError.
 */
class ReplyLimitsTest {

    private static final int CHUNK = PacketChannel.MAX_CHUNK;

    /** A fake server on loopback whose first packet never ends: full chunks, one after the other. */
    @Test
    void aHandshakeOfEndlessFullChunksIsRefusedAfterTheLimit() throws Exception {
        AtomicLong sent = new AtomicLong();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(
                    () -> {
                        try (Socket s = listener.accept();
                                OutputStream out = s.getOutputStream()) {
                            byte[] body = new byte[CHUNK];
                            for (int seq = 0; ; seq++) {
                                out.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) seq});
                                out.write(body);
                                sent.addAndGet(4 + CHUNK);
                            }
                        } catch (IOException closedByTheClient) {
                            // the client gave up: what the test wants
                        }
                    },
                    "endless-handshake");
            server.setDaemon(true);
            server.start();
            ConnectionSettings settings = ConnectionSettings.builder()
                    .host("127.0.0.1")
                    .port(listener.getLocalPort())
                    .user("u")
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();

            assertThatThrownBy(() -> ServerConnection.open(settings))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("payload of " + CHUNK + " + " + CHUNK)
                    .hasMessageContaining("exceeds the limit of " + ReplyLimits.MAX_PACKET + " bytes");
            server.join(10_000);
            assertThat(server.isAlive()).as("the client closed the socket").isFalse();
        }
        // the first chunk is read whole; the second is refused from its header, before its body is read
        assertThat(sent.get()).isLessThan(ReplyLimits.MAX_PACKET * 4L);
    }

    /** One chunk of exactly {@code MAX_PACKET} bytes (a chunk and one byte) is still read: the limit is inclusive. */
    @Test
    void aReplyOfExactlyTheLimitIsRead() {
        int tail = ReplyLimits.MAX_PACKET - CHUNK;
        byte[] wire = new byte[4 + CHUNK + 4 + tail];
        wire[0] = (byte) 0xff;
        wire[1] = (byte) 0xff;
        wire[2] = (byte) 0xff;
        wire[4 + CHUNK] = (byte) tail;
        wire[4 + CHUNK + 3] = 1;
        PacketChannel ch =
                new PacketChannel(new java.io.ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "t");
        assertThat(ch.readPacket(ReplyLimits.MAX_PACKET).remaining()).isEqualTo(ReplyLimits.MAX_PACKET);
    }

    /** A result set of one column whose rows never end: refused at the row that would pass {@code MAX_RESULT_SET}. */
    @Test
    void aResultSetOfEndlessRowsIsRefusedAfterTheLimit() {
        PacketChannel ch = new PacketChannel(new EndlessRows(), OutputStream.nullOutputStream(), "fake:1");
        ch.writePacket(new byte[] {3}); // COM_QUERY, sequence id 0

        assertThatThrownBy(() -> TextResultSetReader.read(ch, "COM_QUERY"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the limit of");
    }

    /** Column count 1, one column definition, EOF, then rows of one 250-byte value, for ever. */
    private static final class EndlessRows extends InputStream {
        private static final byte[] HEAD = HexFormat.of()
                .parseHex("01000001" + "01"
                        + "17000002" + "03646566" + "00" + "00" + "00" + "0161" + "00" + "0c" + "2100" + "0a000000"
                        + "fd"
                        + "0000" + "00" + "0000"
                        + "05000003" + "fe00000200");
        private final byte[] row = new byte[4 + 1 + 250];
        private int seq = 4;
        private byte[] current = HEAD;
        private int pos;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length) {
                row[0] = (byte) 251;
                row[3] = (byte) seq;
                row[4] = (byte) 250;
                seq = (seq + 1) & 0xFF;
                current = row;
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
