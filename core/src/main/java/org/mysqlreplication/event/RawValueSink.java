package org.mysqlreplication.event;

import org.mysqlreplication.value.ColumnDef;

/**
 * Receives one value of a row as the bytes the server wrote, from {@link Row#raw}: for code that formats values
 * without a Java object per value ({@link org.mysqlreplication.value.RawValues} reads the common types in place).
 */
@FunctionalInterface
public interface RawValueSink {

    /**
     * Takes the value at {@code bytes[offset]}, in its binlog layout (length prefix included), or declines it.
     *
     * @param bytes  the row's own bytes, which hold the whole value: read them, never modify them
     * @param offset where the value starts
     * @param def    the column's definition, which says the layout
     * @return whether the value was taken; {@code false} makes {@link Row#raw} return {@code false}, and the caller
     *     reads the value with {@link Row#get(int)}
     */
    boolean accept(byte[] bytes, int offset, ColumnDef def);
}
