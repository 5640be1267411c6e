package org.mysqlreplication.jsonl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The former {@link ShortestDecimal}, kept as the oracle its replacement is tested against: it starts from JDK 17's
 * {@link Double#toString(double)} digits, drops digits while the shorter decimal still reads back
 * ({@link Double#parseDouble}, which rounds correctly) and picks the nearest of that length by exact
 * {@link BigDecimal} arithmetic - slow, but built from the JDK's parser and BigDecimal only, nothing the new code
 * shares (it passed {@link ShortestDecimalTest}'s brute-force comparison before it was moved). In the test tree, not
 * as a slow twin in the library: the library ships one algorithm, and no BigDecimal or parsing.
 *
 * <p>The search: the decimals that read back as a value form an interval around it, so if one of {@code n} digits
 * does, the {@code n}-digit rounding of any decimal inside the interval up or down does too; a normal double whose
 * JDK digits number at most 15 ({@code DBL_DIG}; 6, {@code FLT_DIG}, for a float) needs no search at all.
 *
 * <p>Stateless and thread-safe.
 */
final class ShortestDecimalOracle {

    /** 5^0 .. 5^27, each below 2^63. */
    private static final long[] POWERS_OF_FIVE = new long[28];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_FIVE.length; i++) {
            POWERS_OF_FIVE[i] = p;
            p *= 5;
        }
    }

    /** 10^0 .. 10^22, each exact in a double. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private ShortestDecimalOracle() {}

    /**
     * Appends the shortest decimal of {@code d}; NaN and the infinities, which MySQL never stores and JSON has no
     * number for, as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
     */
    static void append(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append('"').append(d).append('"');
            return;
        }
        appendDigits(sb, d, false);
    }

    /** As {@link #append(StringBuilder, double)}, for a float: the shortest decimal that reads back as {@code f}. */
    static void append(StringBuilder sb, float f) {
        if (!Float.isFinite(f)) {
            sb.append('"').append(f).append('"');
            return;
        }
        appendDigits(sb, f, true);
    }

    private static void appendDigits(StringBuilder sb, double v, boolean isFloat) {
        if (Double.doubleToRawLongBits(v) < 0) {
            sb.append('-');
            v = -v;
        }
        if (v == 0) {
            sb.append("0.0");
            return;
        }
        String s = isFloat ? Float.toString((float) v) : Double.toString(v);
        // s is "123.45", "0.00123" or "1.2345E-5"
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        long digits = 0;
        int exp = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10); // value = digits * 10^exp
        boolean afterPoint = false;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                afterPoint = true;
            } else {
                digits = digits * 10 + (c - '0');
                if (afterPoint) {
                    exp--;
                }
            }
        }
        while (digits % 10 == 0) {
            digits /= 10;
            exp++;
        }
        int length = length(digits);
        boolean unique = isFloat ? length <= 6 && v >= Float.MIN_NORMAL : length <= 15 && v >= Double.MIN_NORMAL;
        if (!unique) {
            while (length > 1) {
                long down = digits / 10;
                boolean downOk = readsBack(down, exp + 1, v, isFloat);
                if (!downOk && !readsBack(down + 1, exp + 1, v, isFloat)) {
                    break;
                }
                digits = downOk ? down : down + 1;
                exp++;
                while (digits % 10 == 0) {
                    digits /= 10;
                    exp++;
                }
                length = length(digits);
            }
            long fast = isFloat ? -1 : nearestByIntegers(digits, exp, v);
            if (fast > 0) {
                digits = fast;
                while (digits % 10 == 0) {
                    digits /= 10;
                    exp++;
                }
            } else {
                BigDecimal nearest = nearest(digits, exp, v, isFloat);
                if (nearest != null) {
                    digits = nearest.unscaledValue().longValueExact();
                    exp = -nearest.scale();
                }
            }
        }
        layout(sb, Long.toString(digits), exp);
    }

    /**
     * What {@link #nearest} gives, by 128-bit integer arithmetic instead of BigDecimal, for a normal double that is
     * not a power of two and a decimal exponent in [-27, 0]: {@code v * 10^-exp} is then exactly
     * {@code m * 5^-exp * 2^(e - exp)} (m, e: v's significand and binary exponent), a 117-bit product shifted right;
     * its floor and the remainder against one half give the nearest decimal of that length (a tie as
     * {@link #nearest} breaks it: to the rounding down when that is even once stripped of its trailing zeros). The
     * interval of decimals that read back is symmetric around such a v, so the nearest reads back whenever
     * {@code digits} does. Returns that decimal's digits (not stripped), or -1 where this does not apply (then
     * {@link #nearest} decides).
     */
    static long nearestByIntegers(long digits, int exp, double v) {
        long bits = Double.doubleToRawLongBits(v);
        long fraction = bits & (1L << 52) - 1;
        int biased = (int) (bits >>> 52) & 0x7FF;
        int s = -exp;
        if (biased == 0 || fraction == 0 || s < 0 || s >= POWERS_OF_FIVE.length) {
            return -1;
        }
        long m = fraction | 1L << 52;
        long p5 = POWERS_OF_FIVE[s];
        long hi = Math.multiplyHigh(m, p5); // both below 2^63: the product's high and low 64 bits
        long lo = m * p5;
        int shift = -(biased - 1075 + s); // v * 10^s = (hi:lo) / 2^shift
        if (shift <= 0 || shift >= 127) {
            return -1;
        }
        long floor;
        long remHi;
        long remLo;
        long halfHi;
        long halfLo;
        if (shift < 64) {
            if (hi >>> shift != 0) {
                return -1;
            }
            floor = lo >>> shift | hi << (64 - shift);
            remHi = 0;
            remLo = lo & (1L << shift) - 1;
            halfHi = 0;
            halfLo = 1L << (shift - 1);
        } else {
            floor = hi >>> (shift - 64);
            remHi = shift == 64 ? 0 : hi & (1L << (shift - 64)) - 1;
            remLo = lo;
            halfHi = shift == 64 ? 0 : 1L << (shift - 65);
            halfLo = shift == 64 ? 1L << 63 : 0;
        }
        if (floor < 0) {
            return -1;
        }
        int c = remHi != halfHi ? Long.compareUnsigned(remHi, halfHi) : Long.compareUnsigned(remLo, halfLo);
        long pick;
        if ((remHi | remLo) == 0 || c < 0) {
            pick = floor;
        } else if (c > 0) {
            pick = floor + 1;
        } else {
            long stripped = floor;
            while (stripped != 0 && stripped % 10 == 0) {
                stripped /= 10;
            }
            pick = (stripped & 1) == 0 ? floor : floor + 1;
        }
        int length = length(digits);
        return length(pick) == length && pick > 0 ? pick : -1;
    }

    /**
     * Of the decimals of as many digits as {@code digits * 10^exp} that read back as {@code v}, the one nearest
     * {@code v}'s exact value (a tie to the even one): the rounding of {@code v} down or up to that many significant
     * digits, without trailing zeros; {@code null} when no neighbour of {@code digits} reads back: then it is the only
     * one.
     */
    private static BigDecimal nearest(long digits, int exp, double v, boolean isFloat) {
        boolean neighbour = readsBack(digits - 1, exp, v, isFloat)
                || readsBack(digits + 1, exp, v, isFloat)
                || digits == 1 && readsBack(9, exp - 1, v, isFloat);
        if (!neighbour) {
            return null;
        }
        BigDecimal exact = isFloat ? new BigDecimal((float) v) : new BigDecimal(v);
        int length = length(digits);
        BigDecimal down =
                exact.round(new MathContext(length, RoundingMode.FLOOR)).stripTrailingZeros();
        BigDecimal up =
                exact.round(new MathContext(length, RoundingMode.CEILING)).stripTrailingZeros();
        boolean downOk = readsBack(down, v, isFloat);
        boolean upOk = readsBack(up, v, isFloat);
        BigDecimal pick;
        if (downOk && upOk) {
            int c = exact.subtract(down).compareTo(up.subtract(exact));
            pick = c < 0 || c == 0 && !down.unscaledValue().testBit(0) ? down : up;
        } else {
            pick = downOk ? down : up;
        }
        return pick;
    }

    private static boolean readsBack(BigDecimal d, double v, boolean isFloat) {
        return readsBack(d.unscaledValue().longValueExact(), -d.scale(), v, isFloat);
    }

    /**
     * Whether {@code digits * 10^exp} reads back as {@code v}. Where both the digits and the power of ten are exact
     * in the type (at most 2^53 and 10^22 for a double, 2^24 and 10^10 for a float), one multiplication or division,
     * which IEEE 754 rounds correctly, gives what the parser gives (Clinger's fast path); else the parser decides.
     */
    private static boolean readsBack(long digits, int exp, double v, boolean isFloat) {
        if (digits <= 0) {
            return false;
        }
        if (isFloat) {
            if (digits <= 1 << 24 && exp >= -10 && exp <= 10) {
                float d = exp >= 0
                        ? (float) digits * (float) POWERS_OF_TEN[exp]
                        : (float) digits / (float) POWERS_OF_TEN[-exp];
                return d == (float) v;
            }
        } else if (digits <= 1L << 53 && exp >= -22 && exp <= 22) {
            double d = exp >= 0 ? digits * POWERS_OF_TEN[exp] : digits / POWERS_OF_TEN[-exp];
            return d == v;
        }
        String s = digits + "E" + exp;
        return isFloat ? Float.parseFloat(s) == (float) v : Double.parseDouble(s) == v;
    }

    private static int length(long digits) {
        int n = 1;
        while (digits >= 10) {
            digits /= 10;
            n++;
        }
        return n;
    }

    /** Writes {@code digits * 10^exp} in {@code Double.toString}'s layout. */
    private static void layout(StringBuilder sb, String digits, int exp) {
        int n = digits.length();
        int point = n + exp; // digits before the decimal point in the plain form
        if (point >= -2 && point <= 7) {
            if (point <= 0) {
                sb.append("0.");
                for (int i = point; i < 0; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (point >= n) {
                sb.append(digits);
                for (int i = n; i < point; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(digits, 0, point).append('.').append(digits, point, n);
            }
            return;
        }
        sb.append(digits.charAt(0)).append('.');
        if (n > 1) {
            sb.append(digits, 1, n);
        } else {
            sb.append('0');
        }
        sb.append('E').append(point - 1);
    }
}
