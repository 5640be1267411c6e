package org.mysqlreplication.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the payload of a packet the client sends: little-endian fixed-width integers, length-encoded
 * integers and strings, NUL-terminated strings. The counterpart of {@link org.mysqlreplication.io.ByteReader}
 * for the few packets we write (handshake response, commands); not on a hot path.
 *
 * <p>Not thread-safe.
 */
public final class PayloadWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    public PayloadWriter int8(int v) {
        out.write(v);
        return this;
    }

    public PayloadWriter int16(int v) {
        return int8(v).int8(v >>> 8);
    }

    public PayloadWriter int32(long v) {
        return int16((int) v).int16((int) (v >>> 16));
    }

    /** A length-encoded integer: one byte below 251, else 0xFC + 2, 0xFD + 3 or 0xFE + 8 bytes. */
    public PayloadWriter lenencInt(long v) {
        if (v >= 0 && v < 251) {
            return int8((int) v);
        }
        if (v >= 0 && v < 1 << 16) {
            return int8(0xFC).int16((int) v);
        }
        if (v >= 0 && v < 1 << 24) {
            return int8(0xFD).int16((int) v).int8((int) (v >>> 16));
        }
        return int8(0xFE).int32(v).int32(v >>> 32);
    }

    public PayloadWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** {@code n} zero bytes. */
    public PayloadWriter zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    /** A UTF-8 string followed by a NUL byte. */
    public PayloadWriter nulString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).int8(0);
    }

    /** A UTF-8 string with nothing after it (the rest of the payload). */
    public PayloadWriter eofString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A length-encoded integer, then the bytes. */
    public PayloadWriter lenencBytes(byte[] b) {
        return lenencInt(b.length).bytes(b);
    }

    /** A one-byte length, then the bytes; rejects more than 255 bytes. */
    public PayloadWriter int8Bytes(byte[] b) {
        if (b.length > 255) {
            throw new IllegalArgumentException("field of " + b.length + " bytes exceeds the 1-byte length limit 255");
        }
        return int8(b.length).bytes(b);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
