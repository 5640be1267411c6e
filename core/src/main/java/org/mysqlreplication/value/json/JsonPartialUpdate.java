package org.mysqlreplication.value.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;

/**
 * A JSON column's value in the after image of a MySQL PARTIAL_UPDATE_ROWS_EVENT, when the server logged only what
 * changed ({@code binlog_row_value_options=PARTIAL_JSON}): the changes, in the order the server applied them to
 * the before image's document. A consumer that keeps the document applies them as {@code JSON_REPLACE},
 * {@code JSON_INSERT} and {@code JSON_REMOVE} would; {@link #sql(String)} writes them that way.
 *
 * <p>Layout (sql/json_diff.cc, {@code Json_diff_vector::read_binary}): after the column's length prefix (its
 * metadata's width, 4 for JSON), the diffs to the end of that length, each an operation byte (0 replace,
 * 1 insert, 2 remove), the path as a length-encoded length and that many bytes, and, unless it removes, the new
 * value as a length-encoded length and that many bytes of binary JSON.
 *
 * <p>{@link #toString()} is {@link #sql(String)} applied to {@code @col}. Immutable and thread-safe.
 */
public final class JsonPartialUpdate {

    private static final JsonDiff.Operation[] OPERATIONS = JsonDiff.Operation.values();

    private final List<JsonDiff> diffs;

    public JsonPartialUpdate(List<JsonDiff> diffs) {
        this.diffs = List.copyOf(diffs);
    }

    /**
     * Reads a partial JSON value at the reader's position: the {@code prefixWidth}-byte length and the diffs,
     * and moves past it.
     *
     * @throws InvalidColumnValueException when the diffs break the layout (an unknown operation, a length past the
     *                                     value, a value that is not binary JSON), or the prefix width (the column's
     *                                     metadata) is not 1..4
     */
    public static JsonPartialUpdate read(ByteReader in, int prefixWidth) {
        if (prefixWidth < 1 || prefixWidth > 4) {
            throw new InvalidColumnValueException(
                    ColumnType.JSON, "length prefix width (metadata) must be 1..4, found " + prefixWidth);
        }
        long length = in.readUintN(prefixWidth);
        if (length > in.remaining()) {
            throw new InvalidColumnValueException(
                    ColumnType.JSON, "partial update of " + length + " bytes, but only " + in.remaining() + " remain");
        }
        ByteReader d = in.slice((int) length);
        List<JsonDiff> diffs = new ArrayList<>();
        while (d.hasRemaining()) {
            int code = d.readUint8();
            if (code >= OPERATIONS.length) {
                throw new InvalidColumnValueException(
                        ColumnType.JSON,
                        "partial update operation " + code + " at offset " + (d.position() - 1)
                                + ", expected 0 (replace), 1 (insert) or 2 (remove)");
            }
            JsonDiff.Operation op = OPERATIONS[code];
            String path = d.readString(field(d, "path"), StandardCharsets.UTF_8);
            MysqlJson value = op == JsonDiff.Operation.REMOVE ? null : MysqlJson.read(d, field(d, "value"));
            diffs.add(new JsonDiff(op, path, value));
        }
        if (diffs.isEmpty()) {
            throw new InvalidColumnValueException(ColumnType.JSON, "partial update with no change");
        }
        return new JsonPartialUpdate(diffs);
    }

    /** A length-encoded length that must fit in what remains. */
    private static int field(ByteReader d, String what) {
        long n = d.readLenencInt();
        if (n < 0 || n > d.remaining()) {
            throw new InvalidColumnValueException(
                    ColumnType.JSON,
                    "partial update " + what + " of " + n + " bytes at offset " + d.position() + ", but only "
                            + d.remaining() + " remain");
        }
        return (int) n;
    }

    /** The changes, in order. */
    public List<JsonDiff> diffs() {
        return diffs;
    }

    /**
     * The changes as one SQL expression over {@code target}, innermost first:
     * {@code JSON_INSERT(JSON_REPLACE(doc, '$.a', 1), '$.b', true)}.
     */
    public String sql(String target) {
        String s = target;
        for (JsonDiff d : diffs) {
            s = d.sql(s);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPartialUpdate p && p.diffs.equals(diffs);
    }

    @Override
    public int hashCode() {
        return diffs.hashCode();
    }

    @Override
    public String toString() {
        return sql("@col");
    }
}
