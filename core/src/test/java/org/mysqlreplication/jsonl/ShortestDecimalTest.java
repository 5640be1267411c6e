package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shortest round-trip digits of doubles and floats. The expected digits come from Python 3's {@code repr} of
 * the double and numpy 2's {@code repr} of the {@code float32} with those bits (both print the shortest decimal
 * that reads back, nearest on ties), written here in {@code Double.toString}'s layout; among them the values where
 * JDK 17's own {@code toString} is longer ({@code 9.999999999999999E22} for 1e23, {@code 1.4E-45} for the smallest
 * float). A property test compares random values with a brute-force search over every length.
 */
class ShortestDecimalTest {

    @ParameterizedTest(name = "double bits {0} -> {1}")
    @CsvSource({
        "4591870180066957722, 0.1",
        "4950912855330343670, 1.0E23",
        "4955416454957714166, 2.0E23",
        "1, 5.0E-324",
        "3, 1.5E-323",
        "9218868437227405311, 1.7976931348623157E308",
        "4503599627370496, 2.2250738585072014E-308",
        "4599676419421066581, 0.3333333333333333",
        "4888589480003938924, 6.84798354874497E18",
        "4868223978707957653, 2.82879384806159E17",
        "4532020583610935537, 1.0E-5",
        "4845873199050653696, 9.007199254740992E15",
        "4936209963552724370, 1.0E22",
        "4566758108544739836, 0.002",
        "119225253609828885, 1.1E-300"
    })
    void doubles(long bits, String expected) {
        StringBuilder sb = new StringBuilder();
        ShortestDecimal.append(sb, Double.longBitsToDouble(bits));
        assertThat(sb.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "float bits {0} -> {1}")
    @CsvSource({
        "1036831949, 0.1",
        "1705601046, 1.0E23",
        "14, 2.0E-44",
        "1, 1.0E-45",
        "2, 3.0E-45",
        "4, 6.0E-45",
        "7, 1.0E-44",
        "2139095039, 3.4028235E38",
        "8388608, 1.1754944E-38",
        "1050253722, 0.3",
        "1266679808, 1.6777216E7",
        "1342177318, 8.589974E9",
        "1343554297, 1.0E10"
    })
    void floats(int bits, String expected) {
        StringBuilder sb = new StringBuilder();
        ShortestDecimal.append(sb, Float.intBitsToFloat(bits));
        assertThat(sb.toString()).isEqualTo(expected);
    }

    @Test
    void signsZerosAndTheLayout() {
        assertThat(text(-0.0)).isEqualTo("-0.0");
        assertThat(text(0.0)).isEqualTo("0.0");
        assertThat(text(-1.5)).isEqualTo("-1.5");
        assertThat(text(100.0)).isEqualTo("100.0");
        assertThat(text(1234567.0)).isEqualTo("1234567.0");
        assertThat(text(12345678.0)).isEqualTo("1.2345678E7");
        assertThat(text(0.001)).isEqualTo("0.001");
        assertThat(text(0.0001)).isEqualTo("1.0E-4");
    }

    @Test
    void randomDoublesAreTheShortestNearestDecimal() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertThat(new BigDecimal(text(d)))
                        .as("bits %d", Double.doubleToRawLongBits(d))
                        .isEqualByComparingTo(bruteForce(Math.abs(d), false).multiply(BigDecimal.valueOf(sign(d))));
            }
        }
    }

    /** Values of everyday magnitude, where the search checks its candidates by arithmetic instead of parsing. */
    @Test
    void everydayDoublesAndFloatsAreTheShortestNearestDecimal() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 10_000; i++) {
            double d = i % 2 == 0
                    ? random.nextLong(1, 10_000_000) / 7e0
                    : random.nextDouble() * Math.pow(10, random.nextInt(-12, 16));
            assertThat(new BigDecimal(text(d))).as("%s", d).isEqualByComparingTo(bruteForce(d, false));
            float f = (float) d;
            StringBuilder sb = new StringBuilder();
            ShortestDecimal.append(sb, f);
            assertThat(new BigDecimal(sb.toString())).as("%s", f).isEqualByComparingTo(bruteForce(f, true));
        }
    }

    @Test
    void randomFloatsAreTheShortestNearestDecimal() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(f)) {
                StringBuilder sb = new StringBuilder();
                ShortestDecimal.append(sb, f);
                assertThat(new BigDecimal(sb.toString()))
                        .as("bits %d", Float.floatToRawIntBits(f))
                        .isEqualByComparingTo(bruteForce(Math.abs(f), true).multiply(BigDecimal.valueOf(sign(f))));
            }
        }
    }

    private static int sign(double d) {
        return Double.doubleToRawLongBits(d) < 0 ? -1 : 1;
    }

    /** The shortest nearest decimal, searched from one digit up, every candidate from the exact value. */
    private static BigDecimal bruteForce(double v, boolean isFloat) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = isFloat ? new BigDecimal((float) v) : new BigDecimal(v);
        for (int n = 1; n <= 17; n++) {
            BigDecimal down = exact.round(new MathContext(n, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(n, RoundingMode.CEILING));
            boolean downOk = readsBack(down, v, isFloat);
            boolean upOk = readsBack(up, v, isFloat);
            if (downOk && upOk) {
                int c = exact.subtract(down).compareTo(up.subtract(exact));
                return c < 0
                                || c == 0
                                        && !down.stripTrailingZeros()
                                                .unscaledValue()
                                                .testBit(0)
                        ? down
                        : up;
            }
            if (downOk || upOk) {
                return downOk ? down : up;
            }
        }
        throw new AssertionError("no decimal of up to 17 digits reads back as " + v);
    }

    private static boolean readsBack(BigDecimal d, double v, boolean isFloat) {
        return isFloat ? Float.parseFloat(d.toString()) == (float) v : Double.parseDouble(d.toString()) == v;
    }

    private static String text(double d) {
        StringBuilder sb = new StringBuilder();
        ShortestDecimal.append(sb, d);
        return sb.toString();
    }
}
