package org.mysqlreplication.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.net.ProtocolException;
import org.mysqlreplication.protocol.AuthenticationException;

/**
 * sha256_password as {@code sha256_password_authenticate} ({@code sql/auth/sql_authentication.cc}) reads it:
 * {@code 0x00} for no password, the password and a NUL over TLS, {@code 0x01} to ask for the key, else the
 * OAEP ciphertext of the password and a NUL XOR the scramble (OAEP in every server version).
 */
class Sha256PasswordTest {

    private static final byte[] SCRAMBLE = "ABCDEFGHIJKLMNOPQRST".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WITH_NUL = Arrays.copyOf(SCRAMBLE, 21);
    private static final byte[] PASSWORD_NUL =
            "a much longer password than twenty bytes\0".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static AuthContext context(boolean tls, Path key, boolean retrieval) {
        return new AuthContext(
                "a much longer password than twenty bytes", tls, key, retrieval, "5.7.44", "login to h:1 as 'u'");
    }

    @Test
    void overTlsThePasswordGoesInClear() {
        assertThat(new Sha256Password().start(WITH_NUL, context(true, null, false)))
                .isEqualTo(PASSWORD_NUL);
    }

    @Test
    void withTheConfiguredKeyTheFirstResponseIsTheCiphertext() throws Exception {
        Path pem = Files.write(dir.resolve("k.pem"), TestKeys.publicPem());
        byte[] cipher = new Sha256Password().start(WITH_NUL, context(false, pem, false));
        assertThat(TestKeys.recover(cipher, SCRAMBLE, RsaPassword.OAEP)).isEqualTo(PASSWORD_NUL);
    }

    @Test
    void retrievalAsksWithOneThenEncrypts() throws Exception {
        AuthContext ctx = context(false, null, true);
        Sha256Password p = new Sha256Password();
        assertThat(p.start(WITH_NUL, ctx)).containsExactly(1);
        byte[] cipher = p.moreData(TestKeys.publicPem(), ctx).orElseThrow();
        assertThat(TestKeys.recover(cipher, SCRAMBLE, RsaPassword.OAEP)).isEqualTo(PASSWORD_NUL);
        assertThatThrownBy(() -> p.moreData(TestKeys.publicPem(), ctx)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aKeyThatIsNoPemBlockIsRefusedByTheClient() {
        // found by LoginFuzzTest: markers that overlap ("-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----", the END
        // marker starting at the BEGIN marker's last five dashes) made a substring of a negative length
        for (String pem : new String[] {
            "-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----",
            "-----END PUBLIC KEY----- -----BEGIN PUBLIC KEY-----",
            "no key at all"
        }) {
            AuthContext ctx = context(false, null, true);
            Sha256Password p = new Sha256Password();
            p.start(WITH_NUL, ctx);
            assertThatThrownBy(() -> p.moreData(pem.getBytes(StandardCharsets.US_ASCII), ctx))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("is not a PEM '-----BEGIN PUBLIC KEY-----' block");
        }
    }

    @Test
    void withNeitherTheClientRefuses() {
        assertThatThrownBy(() -> new Sha256Password().start(WITH_NUL, context(false, null, false)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("sha256_password")
                .hasMessageContaining("sslMode")
                .hasMessageContaining("serverPublicKey")
                .hasMessageContaining("allowPublicKeyRetrieval")
                .hasMessageNotContaining("longer password");
    }

    @Test
    void noPasswordIsOneZeroByteEvenWithoutTls() {
        assertThat(new Sha256Password().start(WITH_NUL, Contexts.of(""))).containsExactly(0);
    }
}
