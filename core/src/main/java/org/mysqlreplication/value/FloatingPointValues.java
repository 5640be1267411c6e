package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;

/**
 * FLOAT (4 bytes) and DOUBLE (8 bytes): IEEE 754, little-endian, as {@link Float} and {@link Double}.
 *
 * <p>Stateless and thread-safe.
 */
final class FloatingPointValues {

    private FloatingPointValues() {}

    /** Reads the value in place; the layout is {@link PrimitiveValues}'s. */
    static Object decode(ByteReader in, ColumnDef def) {
        int at = in.arrayOffset();
        in.skip(PrimitiveValues.size(def)); // bounds check
        return PrimitiveValues.boxed(in.array(), at, def);
    }
}
