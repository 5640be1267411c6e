package org.mysqlreplication.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.mysqlreplication.io.ByteReader;

/**
 * NEWDECIMAL values in the server's binary format ({@code decimal2bin}/{@code bin2decimal} in
 * {@code strings/decimal.cc}), as {@link BigDecimal} with exactly the column's scale.
 *
 * <p>Layout for DECIMAL(precision, scale): the integer part has {@code intg = precision - scale} digits, the
 * fraction {@code scale} digits. Each part is cut into groups of 9 digits stored as 4-byte big-endian
 * integers; the leftover digits (integer part: the leading ones, fraction: the trailing ones) take
 * {@code DIG2BYTES[n]} bytes. Order: integer leftover, integer groups, fraction groups, fraction leftover.
 * The sign is the top bit of the first byte, inverted (1 = non-negative); a negative value additionally has
 * every byte inverted. Example from decimal.cc: DECIMAL(14,4) 1234567890.1234 is {@code 81 0D FB 38 D2 04 D2}.
 *
 * <p>Stateless and thread-safe.
 */
final class DecimalValues {

    private static final int DIG_PER_DEC = 9;
    private static final int[] DIG2BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
    private static final int[] POWERS10 = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
    /** Up to 18 digits the unscaled value fits a {@code long} (10^18 - 1 < 2^63). */
    private static final int MAX_LONG_PRECISION = 18;

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private DecimalValues() {}

    /** Bytes a DECIMAL(precision, scale) value takes. */
    static int binarySize(int precision, int scale) {
        int intg = precision - scale;
        return intg / DIG_PER_DEC * 4
                + DIG2BYTES[intg % DIG_PER_DEC]
                + scale / DIG_PER_DEC * 4
                + DIG2BYTES[scale % DIG_PER_DEC];
    }

    /** Bytes a value of the column takes, its metadata checked. */
    static int size(ColumnDef def) {
        int precision = ColumnMetadata.decimalPrecision(def.meta());
        int scale = ColumnMetadata.decimalScale(def.meta());
        if (precision < 1 || precision > 65 || scale > precision) {
            throw new InvalidColumnValueException(
                    ColumnType.NEWDECIMAL,
                    "metadata must give 1 <= precision <= 65" + " and scale <= precision, found precision " + precision
                            + " scale " + scale);
        }
        return binarySize(precision, scale);
    }

    static BigDecimal decode(ByteReader in, ColumnDef def) {
        int size = size(def);
        int precision = ColumnMetadata.decimalPrecision(def.meta());
        int scale = ColumnMetadata.decimalScale(def.meta());
        int at = in.arrayOffset();
        in.skip(size); // bounds check: the value is read in place, without a copy
        byte[] b = in.array();
        if (precision <= MAX_LONG_PRECISION) {
            return BigDecimal.valueOf(unscaledLong(b, at, def), scale);
        }
        boolean negative = (b[at] & 0x80) == 0;
        int mask = negative ? 0xFF : 0;
        int pos = at;
        int intg = precision - scale;
        int lead = intg % DIG_PER_DEC;
        int last = scale % DIG_PER_DEC;
        int full = intg / DIG_PER_DEC + scale / DIG_PER_DEC;
        BigInteger unscaled = BigInteger.valueOf(group(b, pos, at, mask, lead));
        pos += DIG2BYTES[lead];
        for (int i = 0; i < full; i++, pos += 4) {
            unscaled = unscaled.multiply(BILLION).add(BigInteger.valueOf(group(b, pos, at, mask, DIG_PER_DEC)));
        }
        unscaled = unscaled.multiply(BigInteger.valueOf(POWERS10[last]))
                .add(BigInteger.valueOf(group(b, pos, at, mask, last)));
        return new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
    }

    /**
     * The unscaled value of the DECIMAL at {@code b[at]} when the column has at most 18 digits, else
     * {@link RawValues#NOT_PLAIN} ({@link Long#MIN_VALUE}: no such value is one, its magnitude is below 10^18).
     */
    static long unscaledLong(byte[] b, int at, ColumnDef def) {
        int precision = ColumnMetadata.decimalPrecision(def.meta());
        int scale = ColumnMetadata.decimalScale(def.meta());
        if (precision > MAX_LONG_PRECISION || scale > precision) {
            return RawValues.NOT_PLAIN;
        }
        boolean negative = (b[at] & 0x80) == 0;
        int mask = negative ? 0xFF : 0;
        int intg = precision - scale;
        int lead = intg % DIG_PER_DEC;
        int last = scale % DIG_PER_DEC;
        int full = intg / DIG_PER_DEC + scale / DIG_PER_DEC;
        int pos = at;
        long unscaled = group(b, pos, at, mask, lead);
        pos += DIG2BYTES[lead];
        for (int i = 0; i < full; i++, pos += 4) {
            unscaled = unscaled * POWERS10[DIG_PER_DEC] + group(b, pos, at, mask, DIG_PER_DEC);
        }
        unscaled = unscaled * POWERS10[last] + group(b, pos, at, mask, last);
        return negative ? -unscaled : unscaled;
    }

    /**
     * The group of {@code digits} digits (0 to 9) at {@code b[pos]}, in {@code DIG2BYTES[digits]} bytes, as a
     * number: each byte XORed with {@code mask} (0xFF for a negative value), the sign bit of the value's first
     * byte (at {@code first}) flipped.
     */
    private static int group(byte[] b, int pos, int first, int mask, int digits) {
        int v = 0;
        for (int i = pos, end = pos + DIG2BYTES[digits]; i < end; i++) {
            int x = (b[i] ^ mask) & 0xFF;
            v = v << 8 | (i == first ? x ^ 0x80 : x);
        }
        if (v < 0 || v >= POWERS10[digits]) {
            throw new InvalidColumnValueException(
                    ColumnType.NEWDECIMAL, "a group of " + digits + " digits holds a number of more digits");
        }
        return v;
    }
}
