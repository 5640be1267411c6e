package org.mysqlreplication.value.json;

/**
 * What {@link JsonBinary} reports while it walks a binary JSON document, in document order: a container's start,
 * each member's key (objects) or position (arrays) followed by its value, the container's end. Byte ranges point
 * into the document's array and are only valid during the call.
 *
 * <p>Implementations are single-use builders; not thread-safe.
 */
interface JsonHandler {

    void startObject(int count);

    /** The key of member {@code index} of the current object: {@code length} utf8mb4 bytes. */
    void key(byte[] b, int offset, int length, int index);

    void endObject();

    void startArray(int count);

    /** Element {@code index} of the current array follows. */
    void element(int index);

    void endArray();

    /**
     * A JSON literal: {@link JsonBinary#NULL_LITERAL}, {@link JsonBinary#TRUE_LITERAL} or
     * {@link JsonBinary#FALSE_LITERAL}.
     */
    void literal(int literal);

    /** An int16, int32 or int64. */
    void signed(long value);

    /** A uint16, uint32 or uint64; uint64 values above {@link Long#MAX_VALUE} arrive negative. */
    void unsigned(long value);

    void floating(double value);

    /** A string: {@code length} utf8mb4 bytes. */
    void string(byte[] b, int offset, int length);

    /** A MySQL value of column type {@code fieldType} ({@code enum_field_types}) in its own binary form. */
    void opaque(int fieldType, byte[] b, int offset, int length);
}
