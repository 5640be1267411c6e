package org.mysqlreplication.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.PayloadWriter;
import org.mysqlreplication.protocol.auth.CachingSha2Password;
import org.mysqlreplication.protocol.auth.TestKeys;

/**
 * Fuzz target: the connection phase against a server whose every packet comes from the input: the handshake (or
 * the ERR sent instead), then whatever the client gets while it logs in (OK, ERR, auth switch requests naming any
 * plugin, AuthMoreData with fast-auth results and PEM public keys), through {@link Login} and the auth plugins.
 * The first input byte sets the client: bit 0 allows public key retrieval, bit 1 logs in as over TLS (so that
 * caching_sha2_password and sha256_password send the password as they do there), bit 2 has an empty password. The
 * rest is the server's packets, each a 2-byte little-endian length and the payload; the target frames each with the
 * sequence id the client expects, so that the fuzzer works on the payloads (the framing has a target of its own,
 * {@code PacketChannelFuzzTest}). Seeds: the conversations of {@code LoginConversationTest} and a MariaDB one with
 * an auth switch into client_ed25519.
 *
 * <p>Bound: 40 MiB + 256 bytes per input byte: a login has at most 8 rounds ({@code Login}'s limit), each of which
 * may be a client_ed25519 signature, whose BigInteger arithmetic allocates about 4.1 MiB (4.0 to 4.4 MiB measured
 * over 40 signatures), or an RSA encryption with a key of the input's size.
 */
class LoginFuzzTest {

    private static final FuzzContract CONTRACT = new FuzzContract("login", 40 << 20, 256);
    private static final byte[] SCRAMBLE = LoginConversationTest.SCRAMBLE;
    private static final byte[] OK = LoginConversationTest.OK;

    @MethodSource("conversations")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void login(byte[] input) {
        if (input.length == 0) {
            return;
        }
        CONTRACT.check(input.length, () -> logIn(input));
    }

    private static void logIn(byte[] input) {
        int flags = input[0];
        ConnectionSettings settings = ConnectionSettings.builder()
                .host("h")
                .port(1)
                .user("u")
                .password((flags & 4) != 0 ? "" : "pw")
                .allowPublicKeyRetrieval((flags & 1) != 0)
                .build();
        ScriptedServer server = new ScriptedServer(packets(input));
        PacketChannel channel = new PacketChannel(server, OutputStream.nullOutputStream(), "h:1");
        server.channel = channel;
        HandshakeV10 handshake = Login.readHandshake(channel, settings);
        Login.authenticate(channel, handshake, settings, (flags & 2) != 0);
    }

    /** The payloads of the input after its first byte: 2-byte length, payload, as far as the input goes. */
    private static List<byte[]> packets(byte[] input) {
        List<byte[]> out = new ArrayList<>();
        ByteReader r = ByteReader.of(input, 1, input.length - 1);
        while (r.remaining() >= 2) {
            int n = Math.min(r.readUint16(), r.remaining());
            out.add(r.readBytes(n));
        }
        return out;
    }

    /** Sends one scripted payload per read, framed with the sequence id the channel expects next; then ends. */
    private static final class ScriptedServer extends InputStream {
        private final List<byte[]> payloads;
        private PacketChannel channel;
        private int next;
        private byte[] packet = new byte[0];
        private int at;

        ScriptedServer(List<byte[]> payloads) {
            this.payloads = payloads;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == packet.length) {
                if (next == payloads.size()) {
                    return -1;
                }
                byte[] p = payloads.get(next++);
                packet = new byte[p.length + 4];
                packet[0] = (byte) p.length;
                packet[1] = (byte) (p.length >> 8);
                packet[3] = (byte) channel.nextSequence();
                System.arraycopy(p, 0, packet, 4, p.length);
                at = 0;
            }
            int n = Math.min(len, packet.length - at);
            System.arraycopy(packet, at, b, off, n);
            at += n;
            return n;
        }
    }

    static Stream<byte[]> conversations() {
        byte[] pemPacket = LoginConversationTest.concat(new byte[] {1}, TestKeys.publicPem());
        byte[] toSha256 = new PayloadWriter()
                .int8(0xFE)
                .nulString("sha256_password")
                .bytes(SCRAMBLE)
                .int8(0)
                .toByteArray();
        byte[] toEd25519 = new PayloadWriter()
                .int8(0xFE)
                .nulString("client_ed25519")
                .bytes(Arrays.copyOf(SCRAMBLE, 32))
                .toByteArray();
        byte[] accessDenied = LoginConversationTest.concat(
                new byte[] {(byte) 0xFF, 0x15, 0x04, '#', '2', '8', '0', '0', '0'},
                "Access denied".getBytes(StandardCharsets.US_ASCII));
        byte[] tooMany = LoginConversationTest.concat(
                new byte[] {(byte) 0xFF, 0x10, 0x04}, "Too many".getBytes(StandardCharsets.US_ASCII));
        byte[] mysql = LoginConversationTest.handshake("8.4.3", CachingSha2Password.NAME);
        byte[] mariadb = LoginConversationTest.handshake("5.5.5-10.11.6-MariaDB", "mysql_native_password");
        return Stream.of(
                script(0, mysql, new byte[] {1, 3}, OK),
                script(1, mysql, new byte[] {1, 4}, pemPacket, OK),
                script(2, mysql, new byte[] {1, 4}, OK),
                script(1, mysql, toSha256, pemPacket, OK),
                script(0, mysql, new byte[] {1, 4}, accessDenied),
                script(0, mariadb, OK),
                script(0, mariadb, toEd25519, OK),
                script(4, mariadb, toEd25519, accessDenied),
                script(0, tooMany));
    }

    private static byte[] script(int flags, byte[]... payloads) {
        PayloadWriter w = new PayloadWriter().int8(flags);
        for (byte[] p : payloads) {
            w.int16(p.length).bytes(p);
        }
        return w.toByteArray();
    }
}
