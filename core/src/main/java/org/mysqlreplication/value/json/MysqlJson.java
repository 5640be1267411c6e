package org.mysqlreplication.value.json;

import org.mysqlreplication.io.ByteReader;

/**
 * A MySQL JSON column value: the JSON text exactly as MySQL prints the value ({@code SELECT json_col}), and the
 * binary JSON it was decoded from.
 *
 * <p>The text is built when the value is read, in one pass over the binary form and without a tree: {@code
 * {"a": 1, "b": [true, null, 2.5, "x"]}}, with {@code ", "} and {@code ": "} as separators, object keys in stored
 * order (MySQL sorts them by length, then bytewise, when it stores a document), doubles formatted as MySQL formats
 * them ({@code 1.0}, {@code 0.1}, {@code 1e15}), DECIMALs unquoted with their scale ({@code 3.50}), dates and times
 * as quoted strings ({@code "2015-01-15"}, {@code "2015-01-15 23:24:25.000000"}, {@code "23:24:25.000000"}) and
 * other opaque MySQL values as {@code "base64:type<N>:<data>"}. See the package documentation for the format.
 *
 * <p>The empty value (0 bytes; non-strict SQL modes store it for NULL in a NOT NULL JSON column) is the JSON null
 * literal, {@code null}, as MySQL's own parser reads it; an SQL NULL column is not a {@code MysqlJson} at all.
 *
 * <p>{@link #tree()} gives the value as maps, lists and standard Java values, on demand. {@link #toString()} is the
 * text. Two values are equal when their texts are.
 *
 * <p>Immutable and thread-safe.
 */
public final class MysqlJson {

    private final String text;
    private final byte[] binary;

    private MysqlJson(String text, byte[] binary) {
        this.text = text;
        this.binary = binary;
    }

    /**
     * Decodes the binary JSON document of {@code length} bytes at the reader's position and moves past it.
     *
     * @throws org.mysqlreplication.value.InvalidColumnValueException when the bytes break the binary JSON format
     * @throws org.mysqlreplication.io.ByteReaderOverrunException when fewer than {@code length} bytes remain
     */
    public static MysqlJson read(ByteReader in, int length) {
        byte[] binary = in.readBytes(length);
        return new MysqlJson(text(binary), binary);
    }

    /**
     * Decodes a binary JSON document, as a JSON column stores it.
     *
     * @throws org.mysqlreplication.value.InvalidColumnValueException when the bytes break the binary JSON format
     */
    public static MysqlJson decode(byte[] binary) {
        byte[] copy = binary.clone();
        return new MysqlJson(text(copy), copy);
    }

    private static String text(byte[] binary) {
        JsonTextWriter writer = new JsonTextWriter(binary.length + 16);
        JsonBinary.walk(binary, 0, binary.length, writer);
        return writer.text();
    }

    /** The JSON text as MySQL prints it. */
    public String text() {
        return text;
    }

    /**
     * The value as a tree of standard Java values, built anew from the stored bytes on each call (what
     * python-mysql-replication gives as a dict): an object is an unmodifiable {@code Map<String, Object>} in stored
     * key order, an array an unmodifiable {@code List<Object>}; JSON null is {@code null}, true/false are
     * {@link Boolean}, integers {@link Long} ({@link java.math.BigInteger} for a uint64 above
     * {@link Long#MAX_VALUE}), doubles {@link Double}, strings {@link String}; MySQL values stored in the document
     * are {@link java.math.BigDecimal} (DECIMAL), {@link java.time.LocalDate} (DATE),
     * {@link java.time.LocalDateTime} (DATETIME, TIMESTAMP: the wall time stored, no zone),
     * {@link java.time.Duration} (TIME), {@link org.mysqlreplication.value.MysqlDateTime} (a zero or invalid date)
     * or, for other types, the {@link String} MySQL prints for them ({@code base64:type<N>:<data>}).
     */
    public Object tree() {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        JsonBinary.walk(binary, 0, binary.length, builder);
        return builder.root();
    }

    /** A copy of the value in MySQL's binary JSON format, as stored. */
    public byte[] binary() {
        return binary.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MysqlJson other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return text;
    }
}
