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
    private static final int[] POWERS10 = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
        1000000000};
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private DecimalValues() {
    }

    /** Bytes a DECIMAL(precision, scale) value takes. */
    static int binarySize(int precision, int scale) {
        int intg = precision - scale;
        return intg / DIG_PER_DEC * 4 + DIG2BYTES[intg % DIG_PER_DEC] + scale / DIG_PER_DEC * 4
                + DIG2BYTES[scale % DIG_PER_DEC];
    }

    static BigDecimal decode(ByteReader in, ColumnDef def) {
        int precision = ColumnMetadata.decimalPrecision(def.meta());
        int scale = ColumnMetadata.decimalScale(def.meta());
        if (precision < 1 || precision > 65 || scale > precision) {
            throw new InvalidColumnValueException(ColumnType.NEWDECIMAL, "metadata must give 1 <= precision <= 65"
                    + " and scale <= precision, found precision " + precision + " scale " + scale);
        }
        byte[] b = in.readBytes(binarySize(precision, scale));
        boolean negative = (b[0] & 0x80) == 0;
        b[0] ^= (byte) 0x80;
        if (negative) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ~b[i];
            }
        }
        Groups g = new Groups(b, precision);
        int intg = precision - scale;
        g.add(intg % DIG_PER_DEC);
        for (int i = 0; i < intg / DIG_PER_DEC; i++) {
            g.add(DIG_PER_DEC);
        }
        for (int i = 0; i < scale / DIG_PER_DEC; i++) {
            g.add(DIG_PER_DEC);
        }
        g.add(scale % DIG_PER_DEC);
        BigInteger unscaled = g.value();
        return new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
    }

    /** Accumulates digit groups into the unscaled value: a long while it fits, else a BigInteger. */
    private static final class Groups {
        private final byte[] b;
        private final boolean small;
        private int pos;
        private long acc;
        private BigInteger big = BigInteger.ZERO;

        Groups(byte[] b, int precision) {
            this.b = b;
            this.small = precision <= 18;
        }

        void add(int digits) {
            if (digits == 0) {
                return;
            }
            int n = DIG2BYTES[digits];
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = v << 8 | (b[pos + i] & 0xFF);
            }
            pos += n;
            if (v >= POWERS10[digits]) {
                throw new InvalidColumnValueException(ColumnType.NEWDECIMAL,
                        "a group of " + digits + " digits holds a number of more digits");
            }
            if (small) {
                acc = acc * POWERS10[digits] + v;
            } else {
                BigInteger scale = digits == DIG_PER_DEC ? BILLION : BigInteger.valueOf(POWERS10[digits]);
                big = big.multiply(scale).add(BigInteger.valueOf(v));
            }
        }

        BigInteger value() {
            return small ? BigInteger.valueOf(acc) : big;
        }
    }
}
