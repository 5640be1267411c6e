package org.mysqlreplication.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.mysqlreplication.net.ProtocolException;

/**
 * MySQL's {@code caching_sha2_password}, the default plugin since 8.0, in the steps of
 * {@code caching_sha2_password_auth_client} ({@code sql-common/client_authentication.cc}) and
 * {@code caching_sha2_password_authenticate} ({@code sql/auth/sha2_password.cc}):
 * <ol>
 *   <li>to the 20-byte scramble the client answers {@code SHA256(password) XOR SHA256(SHA256(SHA256(password)),
 *       scramble)} ({@link #scramble}), or one {@code 0x00} for no password;</li>
 *   <li>the server answers {@code AuthMoreData} {@code 0x03} (fast auth success: it had the account in its cache
 *       and the scramble matched; OK follows) or {@code 0x04} (perform full authentication);</li>
 *   <li>full authentication as {@link Sha256Password} does it, except that the key request byte is {@code 0x02}:
 *       over TLS the password and a NUL; without TLS the password encrypted with the server's RSA key from the
 *       configured file, or fetched with {@code 0x02} when allowed; else an
 *       {@link org.mysqlreplication.protocol.AuthenticationException} saying what to configure. A server before
 *       8.0.5 decrypts with PKCS#1 v1.5 padding rather than OAEP (what Connector/J's plugin also does).</li>
 * </ol>
 * The server then sends OK (and caches the account for the fast path), or ERR 1045.
 *
 * <p>One instance per login. Not thread-safe.
 */
public final class CachingSha2Password implements AuthPlugin {

    public static final String NAME = "caching_sha2_password";
    /** {@code AuthMoreData} after the scramble: the server's cache had the account and the scramble matched. */
    static final byte FAST_AUTH_SUCCESS = 3;
    /** {@code AuthMoreData} after the scramble: send the password itself. */
    static final byte PERFORM_FULL_AUTHENTICATION = 4;
    /** The client's request for the server's public key (sha256_password uses 1). */
    static final byte REQUEST_PUBLIC_KEY = 2;

    private enum Stage {
        SCRAMBLE_SENT,
        FAST_AUTH_DONE,
        KEY_REQUESTED,
        PASSWORD_SENT
    }

    private byte[] scramble;
    private Stage stage;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] start(byte[] pluginData, AuthContext context) {
        scramble = Sha256Password.scramble(NAME, pluginData, context);
        if (context.password().isEmpty()) {
            stage = Stage.PASSWORD_SENT;
            return new byte[] {0};
        }
        stage = Stage.SCRAMBLE_SENT;
        return scramble(context.password(), scramble);
    }

    @Override
    public Optional<byte[]> moreData(byte[] data, AuthContext context) {
        if (stage == Stage.SCRAMBLE_SENT && data.length == 1 && data[0] == FAST_AUTH_SUCCESS) {
            stage = Stage.FAST_AUTH_DONE;
            return Optional.empty();
        }
        if (stage == Stage.SCRAMBLE_SENT && data.length == 1 && data[0] == PERFORM_FULL_AUTHENTICATION) {
            return Optional.of(fullAuthentication(context));
        }
        if (stage == Stage.KEY_REQUESTED) {
            stage = Stage.PASSWORD_SENT;
            return Optional.of(RsaPassword.encrypt(
                    context,
                    NAME,
                    scramble,
                    RsaPassword.parsePem(context, NAME, data, "sent by the server"),
                    transformation(context)));
        }
        throw new ProtocolException(context.where() + ": " + NAME + " received " + data.length
                + " bytes of more auth data"
                + (data.length > 0 ? " starting 0x" + Integer.toHexString(data[0] & 0xFF) : "") + " after " + stage
                + "; expected fast auth success (0x03) or full authentication (0x04)"
                + " after the scramble, or the public key after asking for it");
    }

    private byte[] fullAuthentication(AuthContext context) {
        stage = Stage.PASSWORD_SENT;
        if (context.secureTransport()) {
            return RsaPassword.withNul(context);
        }
        if (context.serverPublicKey() != null) {
            return RsaPassword.encrypt(
                    context,
                    NAME,
                    scramble,
                    RsaPassword.readKeyFile(context, NAME, context.serverPublicKey()),
                    transformation(context));
        }
        if (context.allowPublicKeyRetrieval()) {
            stage = Stage.KEY_REQUESTED;
            return new byte[] {REQUEST_PUBLIC_KEY};
        }
        throw RsaPassword.needsTlsOrKey(context, NAME);
    }

    private static String transformation(AuthContext context) {
        return context.serverAtLeast(8, 0, 5) ? RsaPassword.OAEP : RsaPassword.PKCS1;
    }

    /** {@code SHA256(password) XOR SHA256(SHA256(SHA256(password)) + scramble)}: the fast-path response. */
    static byte[] scramble(String password, byte[] scramble) {
        MessageDigest sha256 = sha256();
        byte[] stage1 = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha256.digest(stage1);
        sha256.update(stage2);
        sha256.update(scramble);
        byte[] mask = sha256.digest();
        for (int i = 0; i < stage1.length; i++) {
            stage1[i] ^= mask[i];
        }
        return stage1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
