package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.PayloadWriter;
import org.mysqlreplication.protocol.auth.CachingSha2Password;
import org.mysqlreplication.protocol.auth.Contexts;
import org.mysqlreplication.protocol.auth.TestKeys;

/**
 * Multi-packet logins against a scripted MySQL 8.4 server whose handshake names caching_sha2_password (the
 * packets of the "caching_sha2_password" exchanges in {@code sql/auth/sha2_password.cc}): the fast path
 * (AuthMoreData 0x03, then OK), the full path with key retrieval, an auth switch into sha256_password, and the
 * refusal without TLS or key.
 */
class LoginConversationTest {

    static final byte[] SCRAMBLE = "abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final int CAPS = 1 | 4 | 1 << 9 | 1 << 13 | 1 << 15 | 1 << 17 | 1 << 19 | 1 << 21;
    static final byte[] OK = {0, 0, 0, 2, 0, 0, 0};

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private static ConnectionSettings.Builder settings() {
        return ConnectionSettings.builder().host("h").port(1).user("u").password("pw-8.4");
    }

    private static byte[] handshake() {
        return handshake("8.4.3", CachingSha2Password.NAME);
    }

    /** A HandshakeV10 of a server of {@code version} naming {@code plugin}, with {@link #SCRAMBLE}. */
    static byte[] handshake(String version, String plugin) {
        return new PayloadWriter()
                .int8(10)
                .nulString(version)
                .int32(9)
                .bytes(Arrays.copyOf(SCRAMBLE, 8))
                .int8(0)
                .int16(CAPS & 0xFFFF)
                .int8(255)
                .int16(2)
                .int16(CAPS >>> 16)
                .int8(21)
                .zeros(10)
                .bytes(Arrays.copyOfRange(SCRAMBLE, 8, 20))
                .int8(0)
                .nulString(plugin)
                .toByteArray();
    }

    /** The server's packets, sequence ids as a real server numbers them (0, then after each client packet). */
    private PacketChannel server(int[] seqs, byte[]... payloads) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < payloads.length; i++) {
            byte[] p = payloads[i];
            wire.writeBytes(
                    new byte[] {(byte) p.length, (byte) (p.length >> 8), (byte) (p.length >> 16), (byte) seqs[i]});
            wire.writeBytes(p);
        }
        return new PacketChannel(new ByteArrayInputStream(wire.toByteArray()), sent, "h:1");
    }

    private List<byte[]> sentPayloads() {
        ByteReader r = ByteReader.of(sent.toByteArray());
        List<byte[]> out = new ArrayList<>();
        while (r.hasRemaining()) {
            int len = r.readUint24();
            r.readUint8();
            out.add(r.readBytes(len));
        }
        return out;
    }

    /** The auth response inside a HandshakeResponse41 (after the 32 fixed bytes and the user name). */
    private static byte[] authResponse(byte[] handshakeResponse) {
        ByteReader r = ByteReader.of(handshakeResponse);
        r.skip(32);
        r.readNulTerminatedString();
        return r.readBytes(r.readLenencLength());
    }

    @Test
    void fastPathIsScrambleThenFastAuthSuccessThenOk() {
        PacketChannel ch = server(new int[] {0, 2, 3}, handshake(), new byte[] {1, 3}, OK);
        Login.perform(ch, settings().build());
        List<byte[]> out = sentPayloads();
        assertThat(out).hasSize(1);
        assertThat(authResponse(out.get(0)))
                .isEqualTo(new CachingSha2Password().start(SCRAMBLE, Contexts.of("pw-8.4")));
        assertThat(new String(out.get(0), StandardCharsets.US_ASCII)).endsWith("caching_sha2_password\0");
    }

    @Test
    void fullPathWithRetrievalAsksForTheKeyAndSendsTheCiphertext() throws Exception {
        byte[] pem = TestKeys.publicPem();
        byte[] keyPacket = new byte[pem.length + 1];
        keyPacket[0] = 1;
        System.arraycopy(pem, 0, keyPacket, 1, pem.length);
        PacketChannel ch = server(new int[] {0, 2, 4, 6}, handshake(), new byte[] {1, 4}, keyPacket, OK);
        Login.perform(ch, settings().allowPublicKeyRetrieval(true).build());
        List<byte[]> out = sentPayloads();
        assertThat(out).hasSize(3);
        assertThat(out.get(1)).containsExactly(2);
        assertThat(TestKeys.recover(out.get(2), SCRAMBLE)).isEqualTo("pw-8.4\0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAuthSwitchIntoSha256PasswordStartsThatPlugin() throws Exception {
        byte[] newScramble = "ZYXWVUTSRQPONMLKJIHG".getBytes(StandardCharsets.US_ASCII);
        byte[] authSwitch = new PayloadWriter()
                .int8(0xFE)
                .nulString("sha256_password")
                .bytes(newScramble)
                .int8(0)
                .toByteArray();
        PacketChannel ch = server(
                new int[] {0, 2, 4, 6}, handshake(), authSwitch, concat(new byte[] {1}, TestKeys.publicPem()), OK);
        Login.perform(ch, settings().allowPublicKeyRetrieval(true).build());
        List<byte[]> out = sentPayloads();
        assertThat(out.get(1)).containsExactly(1);
        assertThat(TestKeys.recover(out.get(2), newScramble)).isEqualTo("pw-8.4\0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fullAuthenticationWithoutTlsOrKeyIsRefusedByTheClient() {
        PacketChannel ch = server(new int[] {0, 2}, handshake(), new byte[] {1, 4});
        assertThatThrownBy(() -> Login.perform(ch, settings().build()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("login to h:1 as 'u'")
                .hasMessageContaining("sslMode")
                .hasMessageContaining("serverPublicKey")
                .hasMessageContaining("allowPublicKeyRetrieval")
                .hasMessageNotContaining("pw-8.4");
        assertThat(sentPayloads()).hasSize(1);
    }

    @Test
    void aWrongPasswordAfterFullAuthenticationIsTheServersAccessDenied() {
        byte[] err = concat(
                new byte[] {(byte) 0xFF, 0x15, 0x04, '#', '2', '8', '0', '0', '0'},
                "Access denied for user 'u'@'h' (using password: YES)".getBytes(StandardCharsets.UTF_8));
        PacketChannel ch = server(new int[] {0, 2, 4}, handshake(), new byte[] {1, 4}, err);
        assertThatThrownBy(() -> Login.authenticate(
                        ch,
                        Login.readHandshake(ch, settings().build()),
                        settings().build(),
                        true))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(1045));
        assertThat(sentPayloads().get(1)).isEqualTo("pw-8.4\0".getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
