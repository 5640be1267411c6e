package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;

/**
 * Integer columns (little-endian, two's complement): TINY 1, SHORT 2, INT24 3, LONG 4, LONGLONG 8 bytes; and
 * YEAR (1 byte, 0 or year - 1900).
 *
 * <p>Results: {@link Integer} for TINY/SHORT/INT24 (signed or unsigned) and signed LONG; {@link Long} for
 * unsigned LONG and LONGLONG; unsigned LONGLONG above {@link Long#MAX_VALUE} becomes {@link java.math.BigInteger}.
 * YEAR gives an {@link Integer}: 0 for the zero year, else 1901..2155.
 *
 * <p>Stateless and thread-safe.
 */
final class IntegerValues {

    private IntegerValues() {}

    /** Reads the value in place; the layout and the Java types are {@link PrimitiveValues}'s. */
    static Object decode(ByteReader in, ColumnDef def) {
        int at = in.arrayOffset();
        in.skip(PrimitiveValues.size(def)); // bounds check
        return PrimitiveValues.boxed(in.array(), at, def);
    }
}
