package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortestDecimal} (Schubfach) writes exactly what {@link ShortestDecimalOracle}, the former search from
 * JDK 17's digits with BigDecimal, writes - into a {@link StringBuilder} and into a {@link JsonBytes} alike - over
 * random bit patterns and the values where conversions go wrong: powers of two (the uneven interval) and of ten,
 * subnormals, the layout's switch points, integers around 2^53, {@code k / 7} and {@code k / 10}. Also the integer
 * approximations of logarithms the conversion relies on, against exact BigInteger arithmetic over their whole
 * range.
 */
class ShortestDecimalAgreementTest {

    private final StringBuilder sb = new StringBuilder();
    private final JsonBytes bytes = new JsonBytes(8);
    private final List<String> mismatches = new ArrayList<>();
    private int checked;

    /**
     * How many random doubles (twice as many floats) to check: 300,000 unless the system property
     * {@code shortestDecimal.samples} says otherwise. The oracle takes microseconds per double, so many millions are
     * for a run by hand ({@code -DshortestDecimal.samples=20000000}), not for every build.
     */
    private static final int SAMPLES = Integer.getInteger("shortestDecimal.samples", 300_000);

    @Test
    void randomDoubleBitPatterns() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < SAMPLES; i++) {
            check(Double.longBitsToDouble(random.nextLong()));
        }
        assertAgreed(SAMPLES);
    }

    @Test
    void randomFloatBitPatterns() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 2 * SAMPLES; i++) {
            check(Float.intBitsToFloat(random.nextInt()));
        }
        assertAgreed(2 * SAMPLES);
    }

    @Test
    void powersOfTwoAndTheirNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            double d = Math.scalb(1.0, e);
            check(d);
            check(Math.nextUp(d));
            check(Math.nextDown(d));
            check(-d);
        }
        for (int e = -149; e <= 127; e++) {
            float f = Math.scalb(1f, e);
            check(f);
            check(Math.nextUp(f));
            check(Math.nextDown(f));
        }
        assertAgreed(4 * 2098 + 3 * 277);
    }

    @Test
    void powersOfTenAndTheirNeighbours() {
        for (int e = -323; e <= 308; e++) {
            double d = Double.parseDouble("1E" + e);
            check(d);
            check(Math.nextUp(d));
            check(Math.nextDown(d));
        }
        for (int e = -45; e <= 38; e++) {
            float f = Float.parseFloat("1E" + e);
            check(f);
            check(Math.nextUp(f));
            check(Math.nextDown(f));
        }
        assertAgreed(3 * 632 + 3 * 84);
    }

    @Test
    void subnormals() {
        check(Double.MIN_VALUE);
        check(-Double.MIN_VALUE);
        check(Math.nextDown(Double.MIN_NORMAL));
        check(Double.MIN_NORMAL);
        check(Float.MIN_VALUE);
        check(-Float.MIN_VALUE);
        check(Math.nextDown(Float.MIN_NORMAL));
        check(Float.MIN_NORMAL);
        for (long c = 2; c < 1000; c++) {
            check(Double.longBitsToDouble(c));
            check(Float.intBitsToFloat((int) c));
        }
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 30_000; i++) {
            check(Double.longBitsToDouble(random.nextLong(1L << 52)));
            check(Float.intBitsToFloat(random.nextInt(1 << 23)));
        }
        assertAgreed(8 + 2 * 998 + 60_000);
    }

    @Test
    void theExtremesAndZeros() {
        for (double d :
                new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), 0.0, -0.0}) {
            check(d);
        }
        for (float f : new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, Math.nextDown(Float.MAX_VALUE), 0f, -0f}) {
            check(f);
        }
        assertAgreed(10);
    }

    /** Where the plain layout turns into the exponent one, and each power of ten between. */
    @Test
    void aroundTheLayoutBoundaries() {
        for (double boundary : new double[] {1e-3, 1e-2, 1e-1, 1, 10, 1e6, 1e7, 1e8}) {
            double up = boundary;
            double down = boundary;
            for (int i = 0; i < 1000; i++) {
                check(up);
                check(down);
                check((float) up);
                check((float) down);
                check(Math.nextUp((float) up));
                check(Math.nextDown((float) down));
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        assertAgreed(8 * 6000);
    }

    @Test
    void integersUpToAndAround2Pow53() {
        for (long n = 0; n < 100_000; n++) {
            check((double) n);
            check((float) n);
        }
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 100_000; i++) {
            check((double) random.nextLong(1L << 53));
        }
        for (long n = (1L << 53) - 10_000; n < (1L << 53) + 10_000; n++) {
            check((double) n);
        }
        for (int shift = 54; shift < 63; shift++) { // integers spaced 2 to 512 apart
            for (long n = (1L << shift) - 1000; n < (1L << shift) + 1000; n++) {
                check((double) n);
            }
        }
        assertAgreed(200_000 + 100_000 + 20_000 + 9 * 2000);
    }

    @Test
    void seventhsAndTenths() {
        for (int k = 1; k <= 1_000_000; k++) {
            check(k / 7.0);
            check(k / 10.0);
        }
        for (int k = 1; k <= 100_000; k++) {
            check(k / 7f);
            check(k / 10f);
        }
        assertAgreed(2_000_000 + 200_000);
    }

    /** The cases of ShortestDecimalTest where JDK 17's own digits are not the shortest, through the bytes path. */
    @Test
    void bytesForTheNonShortestJdkCases() {
        assertThat(bytesText(1e23)).isEqualTo("1.0E23");
        assertThat(bytesText(Double.MIN_VALUE)).isEqualTo("5.0E-324");
        assertThat(bytesText(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(bytesText(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
        assertThat(bytesText(Float.MIN_VALUE)).isEqualTo("1.0E-45");
        assertThat(bytesText(Float.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
    }

    /** {@code floor(q log10 2)}, {@code floor(log10 (3/4 2^q))} for every double exponent, exactly. */
    @Test
    void theLogarithmApproximations() {
        for (int q = -1100; q <= 1100; q++) {
            BigDecimal pow2 = q >= 0
                    ? new BigDecimal(BigInteger.TWO.pow(q))
                    : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-q)));
            assertThat(ShortestDecimal.flog10pow2(q)).as("q %d", q).isEqualTo(floorLog10(pow2));
            BigDecimal threeQuarters = pow2.multiply(new BigDecimal("0.75"));
            assertThat(ShortestDecimal.flog10ThreeQuartersPow2(q)).as("q %d", q).isEqualTo(floorLog10(threeQuarters));
        }
        for (int e = -400; e <= 400; e++) {
            BigDecimal pow10 = BigDecimal.ONE.scaleByPowerOfTen(e);
            assertThat(ShortestDecimal.flog2pow10(e)).as("e %d", e).isEqualTo(floorLog2(pow10));
        }
    }

    private static int floorLog10(BigDecimal v) {
        return v.precision() - v.scale() - 1;
    }

    private static int floorLog2(BigDecimal v) {
        if (v.compareTo(BigDecimal.ONE) >= 0) {
            return v.toBigInteger().bitLength() - 1;
        }
        BigInteger inverse = BigDecimal.ONE
                .divide(v, MathContext.UNLIMITED)
                .setScale(0, RoundingMode.CEILING)
                .toBigIntegerExact();
        return -(inverse.subtract(BigInteger.ONE).bitLength()); // 2^-n <= v < 2^(1-n): ceil(1/v) in (2^(n-1), 2^n]
    }

    private void check(double d) {
        StringBuilder want = new StringBuilder();
        ShortestDecimalOracle.append(want, d);
        sb.setLength(0);
        ShortestDecimal.append(sb, d);
        compare(want, Double.doubleToRawLongBits(d) + "L", bytesText(d));
    }

    private void check(float f) {
        StringBuilder want = new StringBuilder();
        ShortestDecimalOracle.append(want, f);
        sb.setLength(0);
        ShortestDecimal.append(sb, f);
        compare(want, Float.floatToRawIntBits(f) + "f", bytesText(f));
    }

    private void compare(StringBuilder want, String bits, String fromBytes) {
        checked++;
        if (!sb.toString().contentEquals(want) || !fromBytes.contentEquals(want)) {
            if (mismatches.size() < 20) {
                mismatches.add("bits " + bits + ": oracle " + want + ", builder " + sb + ", bytes " + fromBytes);
            }
        }
    }

    private String bytesText(double d) {
        bytes.setLength(0);
        bytes.ascii('x'); // written after other text, not only from 0
        ShortestDecimal.append(bytes, d);
        return bytes.toString(1, bytes.length());
    }

    private String bytesText(float f) {
        bytes.setLength(0);
        bytes.ascii('x');
        ShortestDecimal.append(bytes, f);
        return bytes.toString(1, bytes.length());
    }

    private void assertAgreed(int expectedChecks) {
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(expectedChecks);
    }
}
