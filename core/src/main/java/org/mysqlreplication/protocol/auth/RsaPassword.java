package org.mysqlreplication.protocol.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import org.mysqlreplication.protocol.AuthenticationException;

/**
 * The password as {@code caching_sha2_password} and {@code sha256_password} send it without TLS: the password and
 * a NUL, XOR the 20-byte scramble (repeated), encrypted with the server's RSA public key
 * ({@code sql-common/client_authentication.cc}: {@code xor_string}, then {@code RSA_public_encrypt} with
 * {@code RSA_PKCS1_OAEP_PADDING}). The key is the PEM of an X.509 {@code SubjectPublicKeyInfo}
 * ({@code -----BEGIN PUBLIC KEY-----}), as the server's {@code public_key.pem} and its answer to a key request are.
 *
 * <p>No message here shows the password, the scramble or the key. Stateless and thread-safe.
 */
final class RsaPassword {

    /** OpenSSL's {@code RSA_PKCS1_OAEP_PADDING}: OAEP with SHA-1 and MGF1 over SHA-1. */
    static final String OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
    /** {@code RSA_PKCS1_PADDING}, which caching_sha2_password servers before 8.0.5 decrypt with. */
    static final String PKCS1 = "RSA/ECB/PKCS1Padding";

    private RsaPassword() {}

    /** The password encrypted for the server: {@code RSA(password + NUL XOR scramble)}. */
    static byte[] encrypt(AuthContext context, String plugin, byte[] scramble, PublicKey key, String transformation) {
        byte[] password = context.password().getBytes(StandardCharsets.UTF_8);
        byte[] plain = Arrays.copyOf(password, password.length + 1);
        for (int i = 0; i < plain.length; i++) {
            plain[i] ^= scramble[i % scramble.length];
        }
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            int bits = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : -1;
            throw AuthenticationException.refusedByClient(
                    context.where(),
                    plugin + ": could not encrypt the"
                            + " password (" + plain.length + " bytes with its NUL) with the server's " + bits
                            + "-bit RSA key and " + transformation + ": "
                            + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(password, (byte) 0);
        }
    }

    /** The server's key from the PEM file the user configured. */
    static PublicKey readKeyFile(AuthContext context, String plugin, Path file) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(file);
        } catch (IOException e) {
            throw AuthenticationException.refusedByClient(
                    context.where(),
                    plugin + ": cannot read the server's public" + " key file " + file + " (serverPublicKey): "
                            + e.getClass().getSimpleName());
        }
        return parsePem(context, plugin, pem, "file " + file);
    }

    /** A PEM {@code PUBLIC KEY}; {@code source} says where it came from, for the message if it is not one. */
    static PublicKey parsePem(AuthContext context, String plugin, byte[] pem, String source) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
        // the end marker after the whole begin marker: the two may overlap ("-----BEGIN PUBLIC KEY-----END ...")
        int end = begin < 0
                ? -1
                : text.indexOf("-----END PUBLIC KEY-----", begin + "-----BEGIN PUBLIC KEY-----".length());
        if (begin < 0 || end < 0) {
            throw AuthenticationException.refusedByClient(
                    context.where(),
                    plugin + ": the server's public key (" + source + ", " + pem.length
                            + " bytes) is not a PEM '-----BEGIN PUBLIC KEY-----' block");
        }
        String base64 = text.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end)
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw AuthenticationException.refusedByClient(
                    context.where(),
                    plugin + ": the server's public key (" + source + ") is not an RSA public key: "
                            + e.getClass().getSimpleName());
        }
    }

    /**
     * The password would have to go out unprotected: the user gave neither TLS nor the server's key, nor allowed
     * fetching the key.
     */
    static AuthenticationException needsTlsOrKey(AuthContext context, String plugin) {
        return AuthenticationException.refusedByClient(
                context.where(),
                plugin + " needs the password sent over TLS"
                        + " or encrypted with the server's RSA public key, and neither is configured: use TLS (sslMode"
                        + " REQUIRED or stronger), give the server's public key file (serverPublicKey, the server's"
                        + " public_key.pem), or let the client fetch the key from the server (allowPublicKeyRetrieval;"
                        + " a man in the middle could then hand out its own key)");
    }

    /** The password and a NUL, as sent in clear over TLS. */
    static byte[] withNul(AuthContext context) {
        byte[] password = context.password().getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(password, password.length + 1);
    }
}
