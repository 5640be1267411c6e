package org.mysqlreplication.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;

/** A 2048-bit RSA key pair for the tests, with the server's side of the exchange (decrypt, XOR the scramble). */
public final class TestKeys {

    static final KeyPair PAIR = generate();

    private TestKeys() {}

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as the server sends it and stores it in {@code public_key.pem}. */
    public static byte[] publicPem() {
        return ("-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                .encodeToString(PAIR.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** What the server recovers: RSA-decrypt with {@code transformation}, then XOR the scramble (repeated). */
    public static byte[] recover(byte[] cipherText, byte[] scramble) throws GeneralSecurityException {
        return recover(cipherText, scramble, RsaPassword.OAEP);
    }

    static byte[] recover(byte[] cipherText, byte[] scramble, String transformation) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(transformation);
        c.init(Cipher.DECRYPT_MODE, PAIR.getPrivate());
        byte[] plain = c.doFinal(cipherText);
        for (int i = 0; i < plain.length; i++) {
            plain[i] ^= scramble[i % 20];
        }
        return plain;
    }
}
