package org.mysqlreplication.protocol.auth;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Ed25519 signing (RFC 8032, section 5.1) from an already hashed secret {@code az} (64 bytes): the lower half,
 * clamped, is the secret scalar {@code a}; the upper half is the nonce prefix. Standard Ed25519 has
 * {@code az = SHA-512(seed)}; MariaDB's {@code client_ed25519} has {@code az = SHA-512(password)}, which is why
 * the JDK's EdDSA (which only takes a seed) cannot be used.
 *
 * <p>Plain {@link BigInteger} arithmetic on edwards25519 in extended coordinates {@code (X, Y, Z, T)},
 * {@code x = X/Z, y = Y/Z, xy = T/Z}: clear rather than fast or constant-time; it runs once per login.
 * Stateless and thread-safe.
 */
final class Ed25519 {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** Group order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** d = -121665 / 121666 mod p. */
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);

    private static final BigInteger D2 = D.shiftLeft(1).mod(P);
    /** Base point B: y = 4/5, x the even root. */
    private static final BigInteger BY =
            BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);

    private static final BigInteger BX =
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202");
    private static final BigInteger[] B = {
        BX, BY, BigInteger.ONE, BX.multiply(BY).mod(P)
    };
    private static final BigInteger[] IDENTITY = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};

    private Ed25519() {}

    /** The 64-byte signature {@code R || S} of {@code message} under the expanded secret {@code az}. */
    static byte[] sign(byte[] az, byte[] message) {
        checkExpanded(az);
        BigInteger a = secretScalar(az);
        byte[] publicKey = encode(multiply(a, B));
        BigInteger r = sha512ModL(Arrays.copyOfRange(az, 32, 64), message);
        byte[] encodedR = encode(multiply(r, B));
        BigInteger k = sha512ModL(encodedR, publicKey, message);
        BigInteger s = r.add(k.multiply(a)).mod(L);
        byte[] signature = Arrays.copyOf(encodedR, 64);
        System.arraycopy(littleEndian32(s), 0, signature, 32, 32);
        return signature;
    }

    /** The 32-byte public key {@code A = a·B} for the expanded secret {@code az}. */
    static byte[] publicKey(byte[] az) {
        checkExpanded(az);
        return encode(multiply(secretScalar(az), B));
    }

    static byte[] sha512(byte[] input) {
        return sha512Digest().digest(input);
    }

    private static void checkExpanded(byte[] az) {
        if (az.length != 64) {
            throw new IllegalArgumentException("expanded Ed25519 secret must be 64 bytes, found " + az.length);
        }
    }

    /** The lower 32 bytes, little-endian, with bits 0-2 and 255 cleared and bit 254 set. */
    private static BigInteger secretScalar(byte[] az) {
        byte[] h = Arrays.copyOf(az, 32);
        h[0] &= (byte) 248;
        h[31] &= 63;
        h[31] |= 64;
        return fromLittleEndian(h);
    }

    private static BigInteger sha512ModL(byte[]... parts) {
        MessageDigest md = sha512Digest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return fromLittleEndian(md.digest()).mod(L);
    }

    /** Adds two points with the complete formulas of RFC 8032 section 5.1.4. */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
        BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
        BigInteger c = p[3].multiply(D2).multiply(q[3]).mod(P);
        BigInteger d = p[2].shiftLeft(1).multiply(q[2]).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new BigInteger[] {
            e.multiply(f).mod(P),
            g.multiply(h).mod(P),
            f.multiply(g).mod(P),
            e.multiply(h).mod(P)
        };
    }

    /** {@code s·point} by double-and-add. */
    private static BigInteger[] multiply(BigInteger s, BigInteger[] point) {
        BigInteger[] result = IDENTITY;
        BigInteger[] addend = point;
        for (int i = 0; i < s.bitLength(); i++) {
            if (s.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    /** y little-endian in 255 bits, the low bit of x in bit 255. */
    private static byte[] encode(BigInteger[] point) {
        BigInteger zInverse = point[2].modInverse(P);
        BigInteger x = point[0].multiply(zInverse).mod(P);
        BigInteger y = point[1].multiply(zInverse).mod(P);
        byte[] out = littleEndian32(y);
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] be = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            be[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] littleEndian32(BigInteger v) {
        byte[] be = v.toByteArray(); // may have a leading sign byte, may be shorter than 32
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static MessageDigest sha512Digest() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }
}
