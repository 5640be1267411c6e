package org.mysqlreplication.event.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Builds event bytes in test code from the documented layout: little-endian fields, a v4 header, an optional CRC. */
final class EventBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static EventBytes body() {
        return new EventBytes();
    }

    EventBytes u8(int v) {
        out.write(v);
        return this;
    }

    EventBytes le(long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    EventBytes u16(int v) {
        return le(v, 2);
    }

    EventBytes u32(long v) {
        return le(v, 4);
    }

    EventBytes u64(long v) {
        return le(v, 8);
    }

    EventBytes bytes(byte... b) {
        out.write(b, 0, b.length);
        return this;
    }

    EventBytes str(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A length-encoded string (length below 251). */
    EventBytes lenencStr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u8(b.length).bytes(b);
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** A whole v4 event: 19-byte header (timestamp, type, server id, size, log position, flags), body, CRC. */
    static byte[] event(int type, long timestamp, long serverId, long logPos, int flags, byte[] body, boolean crc) {
        int size = 19 + body.length + (crc ? 4 : 0);
        EventBytes e = body().u32(timestamp)
                .u8(type)
                .u32(serverId)
                .u32(size)
                .u32(logPos)
                .u16(flags)
                .bytes(body);
        if (crc) {
            byte[] sofar = e.build();
            CRC32 c = new CRC32();
            c.update(sofar);
            e.u32(c.getValue());
        }
        return e.build();
    }

    /** An event with timestamp 1000, server id 1, log position 1000 + size, no flags. */
    static byte[] event(int type, byte[] body, boolean crc) {
        return event(type, 1000, 1, 1000 + 19 + body.length + (crc ? 4 : 0), 0, body, crc);
    }

    static byte[] hex(String s) {
        String h = s.replaceAll("\\s", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
