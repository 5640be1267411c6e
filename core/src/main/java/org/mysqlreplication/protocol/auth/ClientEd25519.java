package org.mysqlreplication.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mysqlreplication.net.ProtocolException;

/**
 * MariaDB's {@code client_ed25519} (server plugin {@code ed25519}): the server sends a 32-byte nonce, the
 * client answers with the 64-byte Ed25519 signature of it. MariaDB derives the secret from the whole password
 * rather than from a 32-byte seed: {@code az = SHA-512(password)}, then signs as RFC 8032 does from there (see
 * {@code plugin/auth_ed25519/ref10/sign.c} in the MariaDB sources). The server stores the matching public key.
 *
 * <p>One step: {@link #start} is the whole conversation. Stateless and thread-safe.
 */
public final class ClientEd25519 implements AuthPlugin {

    public static final String NAME = "client_ed25519";
    static final int NONCE_LENGTH = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] start(byte[] pluginData, AuthContext context) {
        if (pluginData.length < NONCE_LENGTH) {
            throw new ProtocolException(context.where() + ": " + NAME + ": nonce of " + NONCE_LENGTH
                    + " bytes expected, found " + pluginData.length);
        }
        byte[] nonce = Arrays.copyOf(pluginData, NONCE_LENGTH);
        byte[] az = Ed25519.sha512(context.password().getBytes(StandardCharsets.UTF_8));
        return Ed25519.sign(az, nonce);
    }

    /** The public key the server stores for {@code password} (base64 of it is what {@code ed25519_password()} shows). */
    static byte[] publicKey(String password) {
        return Ed25519.publicKey(Ed25519.sha512(password.getBytes(StandardCharsets.UTF_8)));
    }
}
