package org.mysqlreplication.value.json;

import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;

/**
 * Walks one document in MySQL's binary JSON format ({@code sql-common/json_binary.h} and {@code json_binary.cc}) and
 * reports it to a {@link JsonHandler}, in one pass, without building anything.
 *
 * <p>Layout: {@code doc ::= type value}. Types: 0x00/0x01 small/large object, 0x02/0x03 small/large array, 0x04
 * literal (0 null, 1 true, 2 false), 0x05 int16, 0x06 uint16, 0x07 int32, 0x08 uint32, 0x09 int64, 0x0A uint64,
 * 0x0B double, 0x0C utf8mb4 string, 0x0F opaque (any MySQL type), all numbers little-endian. An object is {@code
 * count size key-entry* value-entry* key* value*}, an array {@code count size value-entry* value*}, where count,
 * size and offsets take 2 bytes in the small format and 4 in the large one; a key entry is {@code offset
 * length(2 bytes)}, a value entry {@code type offset-or-inlined-value}. Offsets count from the container's first
 * byte (its count), after its type byte. Literals, int16 and uint16 are inlined in the value entry; in the large
 * format int32 and uint32 too. A string is {@code length data}, an opaque value {@code field-type length data},
 * where the length takes 1 to 5 bytes of 7 bits each, least significant first, the high bit meaning "more".
 *
 * <p>Checks, as MySQL's parser makes them and a little stricter: a container's size fits what remains, its header
 * fits its size, every key and every non-inlined value lies after the header and inside the container, strings and
 * opaque values fit what remains, type bytes and literals are known ones, doubles are finite (MySQL stores no NaN or
 * infinity in JSON). Nesting is limited to MySQL's own
 * {@code JSON_DOCUMENT_MAX_DEPTH} of 100. Bytes after the top-level value are not an error: MySQL's partial
 * updates leave unused space inside a document, and its parser ignores what no entry points to.
 *
 * <p>An empty document (length 0) is MySQL's JSON null literal: {@code json_binary::parse_binary} reads it so,
 * since non-strict SQL modes and INSERT IGNORE store an empty value for NULL in a NOT NULL JSON column.
 *
 * <p>Errors are {@link InvalidColumnValueException}s of type JSON that say what was expected and at which offset
 * from the start of the document; they never contain the document's content.
 *
 * <p>Not thread-safe: one walker per document.
 */
final class JsonBinary {

    static final int SMALL_OBJECT = 0x00;
    static final int LARGE_OBJECT = 0x01;
    static final int SMALL_ARRAY = 0x02;
    static final int LARGE_ARRAY = 0x03;
    static final int LITERAL = 0x04;
    static final int INT16 = 0x05;
    static final int UINT16 = 0x06;
    static final int INT32 = 0x07;
    static final int UINT32 = 0x08;
    static final int INT64 = 0x09;
    static final int UINT64 = 0x0A;
    static final int DOUBLE = 0x0B;
    static final int STRING = 0x0C;
    static final int OPAQUE = 0x0F;

    static final int NULL_LITERAL = 0;
    static final int TRUE_LITERAL = 1;
    static final int FALSE_LITERAL = 2;

    /** {@code JSON_DOCUMENT_MAX_DEPTH} in MySQL's {@code json_syntax_check.h}. */
    static final int MAX_DEPTH = 100;

    private final byte[] b;
    private final int docStart;
    private final JsonHandler handler;
    /** Bytes the last {@link #varLength} read took. */
    private int varLengthBytes;

    private JsonBinary(byte[] b, int docStart, JsonHandler handler) {
        this.b = b;
        this.docStart = docStart;
        this.handler = handler;
    }

    /** Walks the document in {@code b[offset, offset + length)}. */
    static void walk(byte[] b, int offset, int length, JsonHandler handler) {
        if (offset < 0 || length < 0 || offset > b.length - length) {
            throw new IllegalArgumentException(
                    "range offset=" + offset + " length=" + length + " outside array of " + b.length);
        }
        if (length == 0) {
            handler.literal(NULL_LITERAL);
            return;
        }
        new JsonBinary(b, offset, handler).value(b[offset] & 0xFF, offset + 1, offset + length, 0);
    }

    /** The value of type {@code type} whose bytes start at {@code start}; at most up to {@code end}. */
    private void value(int type, int start, int end, int depth) {
        switch (type) {
            case SMALL_OBJECT:
            case LARGE_OBJECT:
            case SMALL_ARRAY:
            case LARGE_ARRAY:
                container(type, start, end, depth + 1);
                break;
            default:
                scalar(type, start, end);
        }
    }

    private void container(int type, int start, int end, int depth) {
        boolean large = type == LARGE_OBJECT || type == LARGE_ARRAY;
        boolean object = type == SMALL_OBJECT || type == LARGE_OBJECT;
        if (depth > MAX_DEPTH) {
            throw error(kind(type) + " nested deeper than " + MAX_DEPTH + " levels", start);
        }
        int os = large ? 4 : 2;
        int available = end - start;
        if (available < 2 * os) {
            throw error(kind(type) + " needs " + 2 * os + " bytes of count and size, " + available + " remain", start);
        }
        long count = offsetOrSize(start, large);
        long size = offsetOrSize(start + os, large);
        if (size > available) {
            throw error(kind(type) + " of " + size + " bytes, only " + available + " remain", start);
        }
        int keyEntry = os + 2;
        int valueEntry = 1 + os;
        long header = 2L * os + count * ((object ? keyEntry : 0) + valueEntry);
        if (header > size) {
            throw error(
                    kind(type) + " of " + count + " members needs a header of " + header + " bytes, more than its size "
                            + size,
                    start);
        }
        int n = (int) count;
        int limit = start + (int) size;
        int keys = start + 2 * os;
        int values = keys + (object ? n * keyEntry : 0);
        if (object) {
            handler.startObject(n);
        } else {
            handler.startArray(n);
        }
        for (int i = 0; i < n; i++) {
            if (object) {
                int entry = keys + i * keyEntry;
                long keyOffset = offsetOrSize(entry, large);
                int keyLength = uint16(entry + os);
                if (keyOffset < header || keyOffset + keyLength > size) {
                    throw error(
                            "key " + i + " of the " + kind(type) + " at " + at(start) + " spans offsets "
                                    + keyOffset + ".." + (keyOffset + keyLength) + ", outside the object's data "
                                    + header
                                    + ".." + size,
                            entry);
                }
                handler.key(b, start + (int) keyOffset, keyLength, i);
            } else {
                handler.element(i);
            }
            int entry = values + i * valueEntry;
            int valueType = b[entry] & 0xFF;
            if (inlined(valueType, large)) {
                scalar(valueType, entry + 1, entry + valueEntry);
                continue;
            }
            long valueOffset = offsetOrSize(entry + 1, large);
            if (valueOffset < header || valueOffset >= size) {
                throw error(
                        "value " + i + " of the " + kind(type) + " at " + at(start) + " is at offset " + valueOffset
                                + ", outside the container's data " + header + ".." + size,
                        entry);
            }
            value(valueType, start + (int) valueOffset, limit, depth);
        }
        if (object) {
            handler.endObject();
        } else {
            handler.endArray();
        }
    }

    /** For messages: "small object", "large array"... */
    private static String kind(int type) {
        return (type == LARGE_OBJECT || type == LARGE_ARRAY ? "large " : "small ")
                + (type == SMALL_OBJECT || type == LARGE_OBJECT ? "object" : "array");
    }

    /** Literals, int16 and uint16 sit in the value entry itself; in the large format int32 and uint32 too. */
    private static boolean inlined(int type, boolean large) {
        return type == LITERAL || type == INT16 || type == UINT16 || large && (type == INT32 || type == UINT32);
    }

    private void scalar(int type, int start, int end) {
        switch (type) {
            case LITERAL:
                need(1, start, end, "literal");
                int literal = b[start] & 0xFF;
                if (literal > FALSE_LITERAL) {
                    throw error(
                            String.format("literal 0x00 (null), 0x01 (true) or 0x02 (false), found 0x%02X", literal),
                            start);
                }
                handler.literal(literal);
                break;
            case INT16:
                need(2, start, end, "int16");
                handler.signed((short) uint16(start));
                break;
            case UINT16:
                need(2, start, end, "uint16");
                handler.unsigned(uint16(start));
                break;
            case INT32:
                need(4, start, end, "int32");
                handler.signed((int) uint32(start));
                break;
            case UINT32:
                need(4, start, end, "uint32");
                handler.unsigned(uint32(start));
                break;
            case INT64:
                need(8, start, end, "int64");
                handler.signed(int64(start));
                break;
            case UINT64:
                need(8, start, end, "uint64");
                handler.unsigned(int64(start));
                break;
            case DOUBLE:
                need(8, start, end, "double");
                double d = Double.longBitsToDouble(int64(start));
                if (!Double.isFinite(d)) {
                    throw error("a finite double (JSON has no NaN or infinity)", start);
                }
                handler.floating(d);
                break;
            case STRING: {
                int length = varLength(start, end, "string");
                handler.string(b, start + varLengthBytes, length);
                break;
            }
            case OPAQUE: {
                need(1, start, end, "opaque value's field type");
                int length = varLength(start + 1, end, "opaque value");
                handler.opaque(b[start] & 0xFF, b, start + 1 + varLengthBytes, length);
                break;
            }
            default:
                throw error(String.format("a value of type 0x00-0x0C or 0x0F, found type 0x%02X", type), start);
        }
    }

    /**
     * The 1-5 byte length of a string or opaque value at {@code at}, checked against what remains after it up to
     * {@code end}; sets {@link #varLengthBytes}.
     */
    private int varLength(int at, int end, String what) {
        long length = 0;
        for (int i = 0; i < 5; i++) {
            if (at + i >= end) {
                throw error(what + "'s length runs past the end of its container or document", at);
            }
            int x = b[at + i];
            length |= (long) (x & 0x7F) << (7 * i);
            if (x >= 0) {
                varLengthBytes = i + 1;
                long remaining = end - at - varLengthBytes;
                if (length > remaining) {
                    throw error(what + " of " + length + " bytes, only " + remaining + " remain", at);
                }
                return (int) length;
            }
        }
        throw error(what + "'s length takes more than 5 bytes", at);
    }

    private void need(int n, int start, int end, String what) {
        if (end - start < n) {
            throw error(what + " needs " + n + " bytes, " + Math.max(0, end - start) + " remain", start);
        }
    }

    private long offsetOrSize(int at, boolean large) {
        return large ? uint32(at) : uint16(at);
    }

    private int uint16(int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private long uint32(int at) {
        return (uint16(at) | (long) uint16(at + 2) << 16);
    }

    private long int64(int at) {
        return uint32(at) | uint32(at + 4) << 32;
    }

    private String at(int index) {
        return "offset " + (index - docStart);
    }

    private InvalidColumnValueException error(String problem, int index) {
        return new InvalidColumnValueException(ColumnType.JSON, "binary JSON: " + problem + " (at " + at(index) + ")");
    }
}
