package org.mysqlreplication.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.protocol.Security;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.net.ProtocolException;
import org.mysqlreplication.protocol.AuthenticationException;

/**
 * The steps of caching_sha2_password as {@code sql/auth/sha2_password.cc} checks them: the fast-path scramble is
 * verified the way the server verifies it against its cached {@code SHA256(SHA256(password))} and equals what
 * Connector/J's {@code Security.scrambleCachingSha2} computes; the full path's RSA ciphertext decrypts (OAEP, or
 * PKCS#1 for a server before 8.0.5) to the password and a NUL after XOR with the scramble.
 */
class CachingSha2PasswordTest {

    private static final byte[] SCRAMBLE = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WITH_NUL = Arrays.copyOf(SCRAMBLE, 21);

    @TempDir
    Path dir;

    private static AuthContext context(boolean tls, Path key, boolean retrieval, String version) {
        return new AuthContext("sécret-pw", tls, key, retrieval, version, "login to h:1 as 'u'");
    }

    @Test
    void theScramblePassesTheServersFastCheckAndEqualsConnectorJs() throws Exception {
        byte[] response = new CachingSha2Password().start(WITH_NUL, Contexts.of("sécret-pw"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] cached = sha.digest(sha.digest("sécret-pw".getBytes(StandardCharsets.UTF_8)));
        sha.update(cached);
        sha.update(SCRAMBLE);
        byte[] mask = sha.digest();
        byte[] candidate = new byte[32];
        for (int i = 0; i < 32; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        assertThat(sha.digest(candidate)).isEqualTo(cached);
        assertThat(response)
                .isEqualTo(Security.scrambleCachingSha2("sécret-pw".getBytes(StandardCharsets.UTF_8), SCRAMBLE));
    }

    @Test
    void fastAuthSuccessSendsNothingMore() {
        CachingSha2Password p = new CachingSha2Password();
        p.start(WITH_NUL, Contexts.of("pw"));
        assertThat(p.moreData(new byte[] {3}, Contexts.of("pw"))).isEmpty();
        assertThatThrownBy(() -> p.moreData(new byte[] {4}, Contexts.of("pw"))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void fullAuthenticationOverTlsSendsThePasswordAndANul() {
        AuthContext tls = context(true, null, false, "8.4.3");
        CachingSha2Password p = new CachingSha2Password();
        p.start(WITH_NUL, tls);
        assertThat(p.moreData(new byte[] {4}, tls)).get().isEqualTo("sécret-pw\0".getBytes(StandardCharsets.UTF_8));
    }

    /** Full authentication with the key file, for a server of {@code version}: what the client sends. */
    private byte[] fullAuthenticationWithKeyFile(String version) throws Exception {
        Path pem = Files.write(dir.resolve("public_key.pem"), TestKeys.publicPem());
        AuthContext ctx = context(false, pem, false, version);
        CachingSha2Password p = new CachingSha2Password();
        p.start(WITH_NUL, ctx);
        return p.moreData(new byte[] {4}, ctx).orElseThrow();
    }

    @Test
    void fullAuthenticationWithTheConfiguredKeyEncryptsWithOaep() throws Exception {
        byte[] cipher = fullAuthenticationWithKeyFile("8.4.3");
        assertThat(cipher).hasSize(256);
        assertThat(TestKeys.recover(cipher, SCRAMBLE, RsaPassword.OAEP))
                .isEqualTo("sécret-pw\0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aServerBefore805GetsPkcs1Padding() throws Exception {
        assertThat(TestKeys.recover(fullAuthenticationWithKeyFile("8.0.4-rc-log"), SCRAMBLE, RsaPassword.PKCS1))
                .isEqualTo("sécret-pw\0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void retrievalAsksWithTwoThenEncryptsWithTheServersKey() throws Exception {
        AuthContext ctx = context(false, null, true, "9.1.0");
        CachingSha2Password p = new CachingSha2Password();
        p.start(WITH_NUL, ctx);
        assertThat(p.moreData(new byte[] {4}, ctx)).get().isEqualTo(new byte[] {2});
        Optional<byte[]> cipher = p.moreData(TestKeys.publicPem(), ctx);
        assertThat(TestKeys.recover(cipher.orElseThrow(), SCRAMBLE, RsaPassword.OAEP))
                .isEqualTo("sécret-pw\0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTlsKeyOrRetrievalTheClientRefusesNamingTheOptions() {
        AuthContext ctx = context(false, null, false, "8.4.3");
        CachingSha2Password p = new CachingSha2Password();
        p.start(WITH_NUL, ctx);
        assertThatThrownBy(() -> p.moreData(new byte[] {4}, ctx))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AuthenticationException.CR_AUTH_PLUGIN_ERR))
                .hasMessageContaining("login to h:1 as 'u'")
                .hasMessageContaining("sslMode")
                .hasMessageContaining("serverPublicKey")
                .hasMessageContaining("allowPublicKeyRetrieval")
                .hasMessageNotContaining("sécret-pw");
    }

    @Test
    void aKeyThatIsNotPemIsRefusedWithoutShowingIt() throws Exception {
        Path bad = Files.writeString(dir.resolve("key.pem"), "not a key at all");
        AuthContext ctx = context(false, bad, false, "8.4.3");
        CachingSha2Password p = new CachingSha2Password();
        p.start(WITH_NUL, ctx);
        assertThatThrownBy(() -> p.moreData(new byte[] {4}, ctx))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("BEGIN PUBLIC KEY")
                .hasMessageNotContaining("not a key at all");
        AuthContext missing = context(false, dir.resolve("absent.pem"), false, "8.4.3");
        CachingSha2Password q = new CachingSha2Password();
        q.start(WITH_NUL, missing);
        assertThatThrownBy(() -> q.moreData(new byte[] {4}, missing))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("absent.pem")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void noPasswordIsOneZeroByte() {
        assertThat(new CachingSha2Password().start(WITH_NUL, Contexts.of(""))).containsExactly(0);
    }
}
