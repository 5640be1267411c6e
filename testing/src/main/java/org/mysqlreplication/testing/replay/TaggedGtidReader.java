package org.mysqlreplication.testing.replay;

import java.nio.charset.StandardCharsets;

/**
 * Reads the GTID out of a GTID_TAGGED_LOG_EVENT body (MySQL 8.3+), which MySQL writes with its serialization
 * framework: {@code Gtid_event::define_fields} in {@code libs/mysql/binlog/event/control_events.h}, the message
 * layout of {@code libs/mysql/serialization/readme.md} and {@code Serializer_default::encode_serializable_metadata}.
 * The message is the format version, the message size in bytes (from the message's first byte), the last
 * non-ignorable field id plus one (0: none), then fields in id order, each its id and its value; every integer is a
 * variable-length one (the count of trailing one bits of the first byte, plus one, is the byte count; the value
 * follows those bits; 9 bytes hold the value in the 8 after the first; a signed value is {@code x << 1}, or
 * {@code (-(x + 1) << 1) | 1} when negative). Only fields 0 to 3 are read: 0 the flags, 1 the UUID (16 integers,
 * one per byte), 2 the gno (signed), 3 the tag (length, then its bytes). Not thread-safe: one per body.
 */
final class TaggedGtidReader {

    /** The last field id of MySQL 9.x's Gtid_event (commit_group_ticket); a message needing a later one is refused. */
    private static final int LAST_KNOWN_FIELD = 11;

    private final byte[] b;
    private int pos;
    private int end;

    private TaggedGtidReader(byte[] b, int from, int to) {
        this.b = b;
        this.pos = from;
        this.end = to;
    }

    /**
     * The GTID of the body in {@code b[from, to)} (the event without its common header and checksum).
     *
     * @throws ReplayServerException if the body is not such a message or lacks the UUID or the gno
     */
    static ReplayGtid read(byte[] b, int from, int to) {
        return new TaggedGtidReader(b, from, to).message(from);
    }

    private ReplayGtid message(int start) {
        unsigned(); // the serialization format version
        long size = unsigned();
        if (size < pos - start || size > end - start) {
            throw new ReplayServerException(
                    "message size " + size + " outside " + (pos - start) + ".." + (end - start));
        }
        end = start + (int) size;
        long lastNonIgnorable = unsigned();
        if (lastNonIgnorable > LAST_KNOWN_FIELD + 1) {
            throw new ReplayServerException("field " + (lastNonIgnorable - 1)
                    + " is marked non-ignorable and is unknown (known: 0.." + LAST_KNOWN_FIELD + ")");
        }
        String uuid = null;
        Long gno = null;
        String tag = "";
        long previous = -1;
        while (pos < end) {
            long id = unsigned();
            if (id <= previous) {
                throw new ReplayServerException("field " + id + " after field " + previous);
            }
            previous = id;
            if (id == 0) {
                unsigned();
            } else if (id == 1) {
                uuid = uuid();
            } else if (id == 2) {
                gno = signed();
            } else if (id == 3) {
                tag = tag();
            }
            if (id >= 3) {
                break; // fields 4.. (logical clocks, timestamps, lengths, versions) are not needed here
            }
        }
        if (uuid == null || gno == null) {
            throw new ReplayServerException("no " + (uuid == null ? "UUID (field 1)" : "gno (field 2)"));
        }
        return new ReplayGtid(uuid, tag, gno);
    }

    private String uuid() {
        byte[] u = new byte[16];
        for (int i = 0; i < 16; i++) {
            long v = unsigned();
            if (v > 0xFF) {
                throw new ReplayServerException("UUID byte " + i + " is " + v);
            }
            u[i] = (byte) v;
        }
        return ReplayGtidSet.uuid(u);
    }

    private String tag() {
        long n = unsigned();
        if (n > end - pos) {
            throw new ReplayServerException("tag of " + n + " byte(s) with " + (end - pos) + " left");
        }
        String t = new String(b, pos, (int) n, StandardCharsets.US_ASCII);
        pos += (int) n;
        return t;
    }

    private long signed() {
        long u = unsigned();
        return (u >>> 1) ^ -(u & 1);
    }

    private long unsigned() {
        need(1);
        int first = b[pos] & 0xFF;
        int n = Integer.numberOfTrailingZeros(~first) + 1;
        need(n);
        long v = 0;
        for (int i = n == 9 ? 1 : 0; i < n; i++) {
            v |= (b[pos + i] & 0xFFL) << (8 * (n == 9 ? i - 1 : i));
        }
        pos += n;
        return n == 9 ? v : v >>> n;
    }

    private void need(int n) {
        if (pos + n > end) {
            throw new ReplayServerException(
                    "a " + n + "-byte integer at offset " + pos + " runs past the message's end at " + end);
        }
    }
}
