package org.mysqlreplication.event.decode;

import org.mysqlreplication.io.ByteReader;

/**
 * The variable-length integers of MySQL's serialization framework (libs/mysql/serialization/readme.md and
 * variable_length_integers.h, MySQL 8.3+), used by GTID_TAGGED_LOG_EVENT and the tags of a tagged GTID set: 1 to 9
 * little-endian bytes; the number of trailing one bits of the first byte plus one is the byte count, the value
 * follows those bits (for 9 bytes, the 8 bytes after the first hold the whole value). A signed value is stored as
 * {@code (x << 1)} or, when negative, {@code (-(x + 1) << 1) | 1}.
 */
final class SerializationVarlen {

    private SerializationVarlen() {}

    /** Reads an unsigned value (as a long holding its 64 bits). */
    static long readUnsigned(ByteReader in) {
        int first = in.readUint8();
        int n = Integer.numberOfTrailingZeros(~first) + 1;
        if (n == 1) {
            return first >>> 1;
        }
        if (in.remaining() < n - 1) {
            throw new BodyFormatException(
                    "a " + n + "-byte serialized integer with " + (in.remaining() + 1) + " byte(s) left");
        }
        long rest = in.readUintN(n - 1);
        if (n == 9) {
            return rest;
        }
        return (first >>> n) | (rest << (8 - n));
    }

    /** Reads a signed value. */
    static long readSigned(ByteReader in) {
        long u = readUnsigned(in);
        return (u >>> 1) ^ -(u & 1);
    }
}
