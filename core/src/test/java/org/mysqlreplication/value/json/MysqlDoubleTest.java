package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Doubles as MySQL prints them in JSON. The expected texts follow from {@code my_gcvt} in strings/dtoa.cc with
 * width {@code MY_GCVT_MAX_FIELD_WIDTH} = 34 and {@code MAX_DECPT_FOR_F_FORMAT} = 15, plus the ".0" that
 * {@code wrapper_to_string} in json_dom.cc appends; the digits are checked against an independent oracle
 * (exact {@link BigDecimal} arithmetic) of what dtoa's shortest mode returns.
 */
class MysqlDoubleTest {

    private static String format(double d) {
        StringBuilder sb = new StringBuilder();
        MysqlDouble.append(sb, d);
        return sb.toString();
    }

    @Test
    void wholeNumbersGetPointZeroUpTo15DigitsBeforeThePoint() {
        assertThat(format(1.0)).isEqualTo("1.0");
        assertThat(format(-3.0)).isEqualTo("-3.0");
        assertThat(format(100.0)).isEqualTo("100.0");
        assertThat(format(1e14)).isEqualTo("100000000000000.0"); // decpt 15
        assertThat(format(1e15)).isEqualTo("1e15"); // decpt 16 > MAX_DECPT_FOR_F_FORMAT, one digit
        assertThat(format(123456789012345678.0)).isEqualTo("1.2345678901234568e17");
        assertThat(format(1e100)).isEqualTo("1e100");
    }

    @Test
    void moreDigitsThanTheExponentStayPlain() {
        // 1234567890123456.7 is the double 1234567890123456.75: 17 digits, decpt 16 < len
        assertThat(format(1234567890123456.7)).isEqualTo("1234567890123456.8");
    }

    @Test
    void fractionsArePlainDownTo14LeadingZeros() {
        assertThat(format(0.1)).isEqualTo("0.1");
        assertThat(format(2.5)).isEqualTo("2.5");
        assertThat(format(-0.001)).isEqualTo("-0.001");
        assertThat(format(1.5e-14)).isEqualTo("0.000000000000015"); // decpt -13
        assertThat(format(1e-15)).isEqualTo("0.000000000000001"); // decpt -14 = -MAX_DECPT_FOR_F_FORMAT + 1
        assertThat(format(1e-16)).isEqualTo("1e-16"); // decpt -15
        assertThat(format(-1.25e-20)).isEqualTo("-1.25e-20");
        assertThat(format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void extremesAndZeros() {
        assertThat(format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e308");
        assertThat(format(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(format(-1.5e300)).isEqualTo("-1.5e300");
        assertThat(format(0.0)).isEqualTo("0.0");
        assertThat(format(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void shorterThanJdk17sToString() {
        // Double.toString gives 6.8479835487449702E18 and 2.31845256772633248E17 (18 digits)
        double a = 6.8479835487449702E18;
        double b = 2.31845256772633248E17;
        assertThat(format(a)).isEqualTo("6.84798354874497e18");
        assertThat(format(b)).isEqualTo("2.3184525677263325e17");
        assertThat(Double.parseDouble(format(a))).isEqualTo(a);
        assertThat(Double.parseDouble(format(b))).isEqualTo(b);
    }

    @Test
    void randomDoublesGetTheShortestNearestDigitsAndReadBack() {
        Random random = new Random(20261124);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String text = format(d);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
            assertThat(digitsOf(text)).as("digits of %s", text).isEqualTo(shortestDigits(Math.abs(d)));
        }
    }

    @Test
    void decimalLiteralsOfEveryLengthGetTheShortestNearestDigits() {
        // what JSON documents hold: numbers written with 1 to 17 significant digits
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(17);
            long mantissa = (random.nextLong() & Long.MAX_VALUE) % (long) Math.pow(10, digits);
            double d = Double.parseDouble(mantissa + "E" + (random.nextInt(80) - 40));
            String text = format(d);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
            assertThat(digitsOf(text)).as("digits of %s", text).isEqualTo(shortestDigits(Math.abs(d)));
        }
    }

    /** The significant digits of a printed number, without sign, point, exponent and surrounding zeros. */
    private static String digitsOf(String text) {
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String digits =
                mantissa.replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return digits.isEmpty() ? "0" : digits;
    }

    /**
     * dtoa's shortest mode, by brute force: the fewest significant digits that read back as d; of the two
     * candidates of that length (the exact value rounded down and up), the one nearer the exact value.
     */
    private static String shortestDigits(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int k = 1; k <= 17; k++) {
            BigDecimal down = exact.round(new MathContext(k, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(k, RoundingMode.UP));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk || upOk) {
                BigDecimal pick;
                if (downOk && upOk) {
                    pick = exact.round(new MathContext(k, RoundingMode.HALF_EVEN));
                } else {
                    pick = downOk ? down : up;
                }
                return pick.unscaledValue().toString().replaceAll("0+$", "");
            }
        }
        throw new AssertionError("17 digits always read back");
    }
}
