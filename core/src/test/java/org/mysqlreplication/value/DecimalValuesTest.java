package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalValuesTest {

    private static ColumnDef decimal(int precision, int scale) {
        return def(ColumnType.NEWDECIMAL, precision << 8 | scale);
    }

    @Test
    void documentedExampleFromDecimalCc() {
        // strings/decimal.cc, comment above decimal2bin: DECIMAL(14,4)
        // 1234567890.1234 -> 81 0D FB 38 D2 04 D2, -1234567890.1234 -> 7E F2 04 C7 2D FB 2D
        assertThat(decodeAll("810DFB38D204D2", decimal(14, 4))).isEqualTo(new BigDecimal("1234567890.1234"));
        assertThat(decodeAll("7EF204C72DFB2D", decimal(14, 4))).isEqualTo(new BigDecimal("-1234567890.1234"));
    }

    @Test
    void keepsTheColumnScale() {
        // DECIMAL(5,2) 1.50: intg 3 digits -> 2 bytes (001), frac 2 digits -> 1 byte (50): 80 01 32
        BigDecimal v = (BigDecimal) decodeAll("800132", decimal(5, 2));
        assertThat(v.scale()).isEqualTo(2);
        assertThat(v.toPlainString()).isEqualTo("1.50");
        // zero: all groups 0, sign bit set
        assertThat(((BigDecimal) decodeAll("800000", decimal(5, 2))).toPlainString())
                .isEqualTo("0.00");
    }

    @Test
    void digitGroupTooLargeIsRejectedWithoutTheValue() {
        // DECIMAL(9,0): one 4-byte group; 0x3B9ACA00 = 1000000000 is 10 digits
        assertThatThrownBy(() -> decodeAll("BB9ACA00", decimal(9, 0)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageNotContaining("1000000000");
        assertThatThrownBy(() -> decodeAll("00", decimal(0, 0))).isInstanceOf(InvalidColumnValueException.class);
        assertThatThrownBy(() -> decodeAll("00", decimal(3, 4))).isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void randomDecimalsRoundTripThroughTheDocumentedLayout() {
        Random random = new Random(20261124L);
        for (int i = 0; i < 5000; i++) {
            int precision = 1 + random.nextInt(65);
            int scale = random.nextInt(Math.min(precision, 30) + 1);
            StringBuilder digits = new StringBuilder();
            int significant = random.nextInt(precision + 1);
            for (int d = 0; d < significant; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            BigInteger unscaled = significant == 0 ? BigInteger.ZERO : new BigInteger(digits.toString());
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal value = new BigDecimal(unscaled, scale);
            byte[] encoded = encode(value, precision, scale);
            assertThat(decodeAll(encoded, decimal(precision, scale)))
                    .as("DECIMAL(%d,%d) %s", precision, scale, value)
                    .isEqualTo(value.signum() == 0 ? new BigDecimal(BigInteger.ZERO, scale) : value);
        }
    }

    @Test
    void randomDecimalsAroundTheLongBoundaryOf18Digits() {
        // precision <= 18 is accumulated in a long, above in a BigInteger: both sides, full-width values
        // (all digits significant, including 999...9) and every scale
        Random random = new Random(18L);
        for (int i = 0; i < 5000; i++) {
            int precision = 15 + random.nextInt(7); // 15..21
            int scale = random.nextInt(precision + 1);
            StringBuilder digits = new StringBuilder();
            int significant = random.nextInt(4) == 0 ? precision : random.nextInt(precision + 1);
            boolean nines = random.nextInt(8) == 0;
            for (int d = 0; d < significant; d++) {
                digits.append(nines ? '9' : (char) ('0' + random.nextInt(10)));
            }
            BigInteger unscaled = significant == 0 ? BigInteger.ZERO : new BigInteger(digits.toString());
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal value = new BigDecimal(unscaled, scale);
            byte[] encoded = encode(value, precision, scale);
            BigDecimal decoded = (BigDecimal) decodeAll(encoded, decimal(precision, scale));
            assertThat(decoded)
                    .as("DECIMAL(%d,%d) %s", precision, scale, value)
                    .isEqualTo(value.signum() == 0 ? new BigDecimal(BigInteger.ZERO, scale) : value);
            assertThat(decoded.scale()).isEqualTo(scale);
        }
        // the extremes of DECIMAL(18,0) and DECIMAL(18,18), and the first precision past a long
        for (String v : new String[] {
            "999999999999999999", "-999999999999999999", "0.999999999999999999", "-0.999999999999999999"
        }) {
            BigDecimal value = new BigDecimal(v);
            assertThat(decodeAll(encode(value, 18, value.scale()), decimal(18, value.scale())))
                    .isEqualTo(value);
        }
        BigDecimal nineteen = new BigDecimal("-9999999999999999999");
        assertThat(decodeAll(encode(nineteen, 19, 0), decimal(19, 0))).isEqualTo(nineteen);
    }

    /**
     * Test-side decimal2bin written from the layout described in strings/decimal.cc: digits in groups of 9
     * (4 bytes big-endian), leftovers in dig2bytes[n] bytes (integer leftover first, fraction leftover last),
     * negative values inverted byte by byte, then the top bit of the first byte flipped.
     */
    static byte[] encode(BigDecimal value, int precision, int scale) {
        int[] dig2bytes = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
        String digits = value.unscaledValue().abs().toString();
        digits = "0".repeat(precision - digits.length()) + digits;
        String intDigits = digits.substring(0, precision - scale);
        String fracDigits = digits.substring(precision - scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lead = intDigits.length() % 9;
        writeGroup(out, intDigits.substring(0, lead), dig2bytes[lead]);
        for (int p = lead; p < intDigits.length(); p += 9) {
            writeGroup(out, intDigits.substring(p, p + 9), 4);
        }
        int full = fracDigits.length() / 9 * 9;
        for (int p = 0; p < full; p += 9) {
            writeGroup(out, fracDigits.substring(p, p + 9), 4);
        }
        writeGroup(out, fracDigits.substring(full), dig2bytes[fracDigits.length() - full]);
        byte[] b = out.toByteArray();
        if (value.signum() < 0) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ~b[i];
            }
        }
        b[0] ^= (byte) 0x80;
        return b;
    }

    private static void writeGroup(ByteArrayOutputStream out, String digits, int bytes) {
        if (bytes == 0) {
            return;
        }
        long v = Long.parseLong(digits);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
