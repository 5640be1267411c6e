package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;

/**
 * FLOAT (4 bytes) and DOUBLE (8 bytes): IEEE 754, little-endian, as {@link Float} and {@link Double}.
 *
 * <p>Stateless and thread-safe.
 */
final class FloatingPointValues {

    private FloatingPointValues() {
    }

    static Object decode(ByteReader in, ColumnDef def) {
        if (def.type() == ColumnType.FLOAT) {
            return Float.intBitsToFloat(in.readInt32());
        }
        return Double.longBitsToDouble(in.readInt64());
    }
}
