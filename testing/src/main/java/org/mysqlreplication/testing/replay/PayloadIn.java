package org.mysqlreplication.testing.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A cursor over one payload from the client, little-endian; an overrun is a {@link ReplayProtocolException}. */
final class PayloadIn {

    private final byte[] b;
    private int pos;

    PayloadIn(byte[] b) {
        this.b = b;
    }

    int remaining() {
        return b.length - pos;
    }

    int int8() {
        need(1);
        return b[pos++] & 0xFF;
    }

    long intN(int bytes) {
        need(bytes);
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) (b[pos++] & 0xFF) << (8 * i);
        }
        return v;
    }

    byte[] bytes(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    byte[] rest() {
        return bytes(remaining());
    }

    void skip(int n) {
        need(n);
        pos += n;
    }

    String nulString() {
        int end = pos;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        String s = new String(b, pos, end - pos, StandardCharsets.UTF_8);
        pos = Math.min(b.length, end + 1);
        return s;
    }

    long lenencInt() {
        int first = int8();
        return switch (first) {
            case 0xFC -> intN(2);
            case 0xFD -> intN(3);
            case 0xFE -> intN(8);
            default -> first;
        };
    }

    private void need(int n) {
        if (n < 0 || pos + n > b.length) {
            throw new ReplayProtocolException(
                    "client packet too short: " + n + " bytes needed at offset " + pos + ", " + remaining() + " left");
        }
    }
}
