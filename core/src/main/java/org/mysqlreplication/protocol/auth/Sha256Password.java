package org.mysqlreplication.protocol.auth;

import java.util.Arrays;
import java.util.Optional;
import org.mysqlreplication.net.ProtocolException;

/**
 * MySQL's {@code sha256_password} (deprecated since 8.0.16, still in 8.4): the server never sees a hash from the
 * client, only the password itself, protected by TLS or by the server's RSA key. After the 20-byte scramble the
 * client sends (as {@code sha256_password_auth_client} in {@code sql-common/client_authentication.cc} and
 * {@code sha256_password_authenticate} in {@code sql/auth/sql_authentication.cc} exchange it):
 * <ul>
 *   <li>no password: one {@code 0x00};</li>
 *   <li>over TLS: the password and a NUL, in clear;</li>
 *   <li>without TLS, with the key configured ({@link AuthContext#serverPublicKey()}): the RSA-OAEP encrypted
 *       password ({@link RsaPassword});</li>
 *   <li>without TLS, key retrieval allowed: {@code 0x01} (request public key); the server answers with
 *       {@code AuthMoreData} holding its PEM key, and the client with the encrypted password;</li>
 *   <li>otherwise nothing: an {@link org.mysqlreplication.protocol.AuthenticationException} says what to
 *       configure.</li>
 * </ul>
 * The server then sends OK, or ERR 1045 for a wrong password. The server decrypts with
 * {@code RSA_PKCS1_OAEP_PADDING} in every version (unlike caching_sha2_password before 8.0.5).
 *
 * <p>One instance per login. Not thread-safe.
 */
public final class Sha256Password implements AuthPlugin {

    public static final String NAME = "sha256_password";
    static final int SCRAMBLE_LENGTH = 20;
    /** The client's request for the server's public key. */
    static final byte REQUEST_PUBLIC_KEY = 1;

    private byte[] scramble;
    private boolean keyRequested;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] start(byte[] pluginData, AuthContext context) {
        scramble = scramble(NAME, pluginData, context);
        if (context.password().isEmpty()) {
            return new byte[] {0};
        }
        if (context.secureTransport()) {
            return RsaPassword.withNul(context);
        }
        if (context.serverPublicKey() != null) {
            return RsaPassword.encrypt(
                    context,
                    NAME,
                    scramble,
                    RsaPassword.readKeyFile(context, NAME, context.serverPublicKey()),
                    RsaPassword.OAEP);
        }
        if (context.allowPublicKeyRetrieval()) {
            keyRequested = true;
            return new byte[] {REQUEST_PUBLIC_KEY};
        }
        throw RsaPassword.needsTlsOrKey(context, NAME);
    }

    @Override
    public Optional<byte[]> moreData(byte[] data, AuthContext context) {
        if (!keyRequested) {
            throw new ProtocolException(context.where() + ": " + NAME + " received " + data.length
                    + " bytes of more auth data without having asked for the server's public key");
        }
        keyRequested = false;
        return Optional.of(RsaPassword.encrypt(
                context,
                NAME,
                scramble,
                RsaPassword.parsePem(context, NAME, data, "sent by the server"),
                RsaPassword.OAEP));
    }

    /** The first 20 bytes of the plugin data (an auth switch request adds a NUL). */
    static byte[] scramble(String plugin, byte[] pluginData, AuthContext context) {
        if (pluginData.length < SCRAMBLE_LENGTH) {
            throw new ProtocolException(context.where() + ": " + plugin + ": scramble of " + SCRAMBLE_LENGTH
                    + " bytes expected, found " + pluginData.length);
        }
        return Arrays.copyOf(pluginData, SCRAMBLE_LENGTH);
    }
}
