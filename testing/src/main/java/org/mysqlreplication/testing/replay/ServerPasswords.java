package org.mysqlreplication.testing.replay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * The server's checks of what a client sent, as MySQL makes them: mysql_native_password's response against
 * {@code SHA1(SHA1(password))} ({@code check_scramble} in {@code mysys/crypt_genhash} / {@code sql/auth}),
 * caching_sha2_password's fast-path scramble against the cached {@code SHA256(SHA256(password))}
 * ({@code Validate_scramble} in {@code sql/auth/sha2_password_common.cc}), and the RSA-encrypted password
 * ({@code RSA_private_decrypt}, then XOR the scramble, up to the first NUL). Stateless and thread-safe.
 */
final class ServerPasswords {

    static final String OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
    static final String PKCS1 = "RSA/ECB/PKCS1Padding";

    private ServerPasswords() {}

    /** mysql_native_password: {@code SHA1(response XOR SHA1(scramble + stored)) == stored}. */
    static boolean nativeMatches(byte[] response, byte[] scramble, String password) {
        if (password.isEmpty()) {
            return response.length == 0;
        }
        if (response.length != 20) {
            return false;
        }
        MessageDigest sha1 = digest("SHA-1");
        byte[] stored = sha1.digest(sha1.digest(utf8(password)));
        sha1.update(scramble);
        return checkXor(response, sha1.digest(stored), stored, sha1);
    }

    /** caching_sha2_password's fast path: {@code SHA256(response XOR SHA256(cached + scramble)) == cached}. */
    static boolean sha2ScrambleMatches(byte[] response, byte[] scramble, String password) {
        if (response.length != 32) {
            return false;
        }
        MessageDigest sha = digest("SHA-256");
        byte[] cached = sha.digest(sha.digest(utf8(password)));
        sha.update(cached);
        sha.update(scramble);
        return checkXor(response, sha.digest(), cached, sha);
    }

    private static boolean checkXor(byte[] response, byte[] mask, byte[] stored, MessageDigest md) {
        byte[] candidate = new byte[response.length];
        for (int i = 0; i < candidate.length; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(md.digest(candidate), stored);
    }

    /** The password in an RSA ciphertext from the client, or null if it does not decrypt. */
    static String decrypt(byte[] cipherText, byte[] scramble, PrivateKey key, String transformation) {
        try {
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.DECRYPT_MODE, key);
            byte[] plain = c.doFinal(cipherText);
            for (int i = 0; i < plain.length; i++) {
                plain[i] ^= scramble[i % scramble.length];
            }
            return untilNul(plain);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** The text before the first NUL (all of it without one). */
    static String untilNul(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(Arrays.copyOf(b, end), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }
}
