package org.mysqlreplication.testing.replay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds one packet payload, little-endian, the way the server writes it. Not thread-safe. */
final class PayloadOut {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PayloadOut int8(int v) {
        out.write(v);
        return this;
    }

    PayloadOut int16(int v) {
        return intN(v, 2);
    }

    PayloadOut int32(long v) {
        return intN(v, 4);
    }

    PayloadOut int64(long v) {
        return intN(v, 8);
    }

    PayloadOut intN(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    PayloadOut bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    PayloadOut zeros(int n) {
        return bytes(new byte[n]);
    }

    PayloadOut nulString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).int8(0);
    }

    PayloadOut lenencInt(long v) {
        if (v < 251) {
            return int8((int) v);
        }
        if (v < 1 << 16) {
            return int8(0xFC).int16((int) v);
        }
        if (v < 1 << 24) {
            return int8(0xFD).intN(v, 3);
        }
        return int8(0xFE).int64(v);
    }

    /** A length-encoded string; null as {@code 0xFB}, the text protocol's NULL. */
    PayloadOut lenencString(String s) {
        if (s == null) {
            return int8(0xFB);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return lenencInt(b.length).bytes(b);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
