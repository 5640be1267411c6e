package org.mysqlreplication.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Checked the way the server checks: it stores SHA1(SHA1(password)) (for "password" the well-known
 * {@code PASSWORD('password')} = *2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19), recovers
 * {@code SHA1(password) = response XOR SHA1(scramble + stored)} and accepts when SHA1 of that is the stored hash.
 */
class MysqlNativePasswordTest {

    private static final byte[] STORED = HexFormat.of().parseHex("2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");

    @Test
    void responsePassesTheServersCheck() throws Exception {
        byte[] scramble = "3X8\u0018D^\u0016H@y\u00110*AaUdwn\r".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scramble).hasSize(20);
        byte[] response = new MysqlNativePassword().start(scramble, Contexts.of("password"));
        assertThat(response).hasSize(20);

        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(scramble);
        byte[] mask = sha1.digest(STORED);
        byte[] candidate = new byte[20];
        for (int i = 0; i < 20; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        assertThat(sha1.digest(candidate)).isEqualTo(STORED);
    }

    @Test
    void trailingNulOfAnAuthSwitchScrambleIsIgnored() {
        byte[] scramble = "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII);
        byte[] withNul = Arrays.copyOf(scramble, 21);
        MysqlNativePassword plugin = new MysqlNativePassword();
        assertThat(plugin.start(withNul, Contexts.of("pw"))).isEqualTo(plugin.start(scramble, Contexts.of("pw")));
        assertThat(plugin.start(scramble, Contexts.of("pw"))).isNotEqualTo(plugin.start(scramble, Contexts.of("pw2")));
    }

    @Test
    void emptyPasswordGivesEmptyResponse() {
        assertThat(new MysqlNativePassword().start(new byte[20], Contexts.of("")))
                .isEmpty();
    }
}
