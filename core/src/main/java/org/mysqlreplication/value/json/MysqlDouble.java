package org.mysqlreplication.value.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A JSON double as MySQL prints it ({@code wrapper_to_string} in {@code sql-common/json_dom.cc}): {@code my_gcvt(d,
 * MY_GCVT_ARG_DOUBLE, MY_GCVT_MAX_FIELD_WIDTH)} from {@code strings/dtoa.cc}, then {@code ".0"} appended when that
 * has neither a {@code '.'} nor an {@code 'e'}, so that a double never reads as an integer.
 *
 * <p>The facts behind the code: the field width is {@code DBL_DIG + 4 + max(5, MAX_DECPT_FOR_F_FORMAT)} = 34
 * (33 for a negative number), and {@code dtoa} mode 4 with that many digits gives the shortest digit string that
 * reads back as the same double (among two such strings, the one nearer the exact value, a tie to the even last
 * digit). With {@code decpt} the decimal exponent of {@code 0.d1d2...}, {@code my_gcvt} then chooses the plain
 * form when {@code -14 <= decpt <= 15}, or when {@code decpt} is larger but smaller than the digit count, and
 * otherwise the exponent form {@code d.ddde[-]x} with the exponent unpadded and no {@code '+'}: {@code 0.1},
 * {@code 100000000000000.0} (1e14), {@code 1e15}, {@code 0.000000000000001} (1e-15), {@code 1e-16},
 * {@code -1.5e300}, {@code -0.0}.
 *
 * <p>Numbers written with few digits (2.5, 19.99) take a fast path without any string: see {@link #shortDecimal}.
 * Otherwise the digits come from {@link Double#toString(double)}, which always reads back exactly but in JDK 17 is
 * not always the shortest (for 6.8479835487449702E18 the shortest is 15 digits, 6.84798354874497E18) and may have
 * 18 digits, which are first rounded to 17. Digits of {@code DBL_DIG} (15) or fewer need no search for a normal
 * double: no other string that short reads back as it. Longer ones are shortened while a candidate one digit
 * shorter reads back ({@link Double#parseDouble(String)}): if a shorter string reads back, the rounding up or down
 * of the longer one to that length reads back too (the strings that read back form an interval), so the search
 * may stop at the first length where neither does.
 *
 * <p>Stateless and thread-safe.
 */
final class MysqlDouble {

    /** {@code MAX_DECPT_FOR_F_FORMAT} = {@code DBL_DIG}: past it, whole numbers print in the exponent form. */
    private static final int MAX_DECPT_FOR_F = 15;
    /** {@code DBL_DIG}: decimals of this many significant digits survive the trip to a double and back. */
    private static final int DBL_DIG = 15;
    /** Significant digits that always identify a double. */
    private static final int MAX_DIGITS = 17;
    /** The powers of ten a double holds exactly. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private MysqlDouble() {}

    /** Appends {@code d} (finite, as JSON allows) as MySQL prints it. */
    static void append(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (Double.doubleToRawLongBits(d) < 0) {
            sb.append('-');
            d = -d;
        }
        if (d == 0) {
            sb.append("0.0");
            return;
        }
        if (shortDecimal(sb, d)) {
            return;
        }
        long digits = 0;
        int length = 0;
        int decpt = 0;
        // Double.toString: "123.45", "0.00123" or "1.2345E-5" / "1.0E20"
        String s = Double.toString(d);
        int exponent = s.indexOf('E');
        int end = exponent < 0 ? s.length() : exponent;
        int point = s.indexOf('.');
        boolean leading = true;
        for (int i = 0; i < end && length <= MAX_DIGITS; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                continue;
            }
            if (leading && c == '0') {
                if (i > point) {
                    decpt--;
                }
                continue;
            }
            leading = false;
            digits = digits * 10 + (c - '0');
            length++;
        }
        if (length > MAX_DIGITS) {
            // rare (JDK 17 gives up to 18 digits): 17 correctly rounded digits always read back
            BigDecimal r = new BigDecimal(d).round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().longValueExact();
            length = r.precision();
            decpt = r.precision() - r.scale();
        } else {
            decpt += point; // digits before the point in "123.45"; for "0.00123", -2 from the zeros after it
            if (point == 1 && s.charAt(0) == '0') {
                decpt--; // the "0" before the point is no digit of the number
            }
            if (exponent >= 0) {
                decpt += Integer.parseInt(s, exponent + 1, s.length(), 10);
            }
        }
        while (length > 1 && digits % 10 == 0) {
            digits /= 10;
            length--;
        }
        if (length <= DBL_DIG && d >= Double.MIN_NORMAL) {
            // a decimal of at most DBL_DIG digits survives the trip to a double and back to DBL_DIG digits, so no
            // other string of at most DBL_DIG digits reads back as d: these digits are the shortest and nearest
            format(sb, Long.toString(digits), decpt);
            return;
        }
        // shorten while a shorter digit string still reads back as d
        while (length > 1) {
            long down = digits / 10;
            long up = down + 1;
            boolean downOk = readsBack(down, length - 1, decpt, d);
            if (!downOk && !readsBack(up, length - 1, decpt, d)) {
                break;
            }
            digits = downOk ? down : up;
            length--;
            if (digits == pow10(length)) { // 99.. rounded up to 100..: one digit more before the point
                digits /= 10;
                decpt++;
            }
            while (length > 1 && digits % 10 == 0) {
                digits /= 10;
                length--;
            }
        }
        digits = nearest(digits, length, decpt, d);
        if (digits == pow10(length)) {
            digits /= 10;
            decpt++;
        }
        format(sb, Long.toString(digits), decpt);
    }

    /**
     * The fast path for what JSON documents mostly hold, numbers written with few digits (2.5, 19.99, 100.0): when
     * {@code d * 10^k} is a whole number m below 10^15 and m / 10^k (an exact division of exact doubles, so the
     * correctly rounded value of the decimal, as a parser gives it) is d again, the digits of m read back as d,
     * and having at most {@code DBL_DIG} digits they are the shortest and nearest. Appends and returns true then.
     */
    private static boolean shortDecimal(StringBuilder sb, double d) {
        if (d < Double.MIN_NORMAL) {
            return false;
        }
        for (int k = 0; k < POW10.length; k++) {
            double t = d * POW10[k];
            if (t >= 1e15) {
                return false;
            }
            if (t == Math.rint(t) && t / POW10[k] == d) {
                long m = (long) t;
                String digits = Long.toString(m);
                int decpt = digits.length() - k;
                int end = digits.length();
                while (end > 1 && digits.charAt(end - 1) == '0') {
                    end--;
                }
                format(sb, digits.substring(0, end), decpt);
                return true;
            }
        }
        return false;
    }

    /** Whether {@code 0.digits * 10^decpt} ({@code digits} having {@code length} digits) reads back as d. */
    private static boolean readsBack(long digits, int length, int decpt, double d) {
        return Double.parseDouble(digits + "E" + (decpt - length)) == d;
    }

    /**
     * Of the strings of {@code length} digits that read back as d, the one nearest the exact value of d (a tie to
     * the even one), as dtoa picks it; JDK 17's digits are one that reads back, not always the nearest. Those
     * strings are consecutive numbers, so when neither neighbour of {@code digits} reads back it is the only one.
     */
    private static long nearest(long digits, int length, int decpt, double d) {
        boolean lower = digits > 1 && readsBack(digits - 1, length, decpt, d);
        boolean upper = readsBack(digits + 1, length, decpt, d);
        if (!lower && !upper) {
            return digits;
        }
        BigDecimal exact = new BigDecimal(d);
        long rounded = exact.movePointRight(length - decpt)
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        if (readsBack(rounded, length, decpt, d)) {
            return rounded;
        }
        // the nearest lies outside the narrower half of the interval around a power of two: take its neighbour
        return readsBack(rounded + 1, length, decpt, d) ? rounded + 1 : rounded - 1;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** my_gcvt's choice between the plain and the exponent form, for a width of 34 (33 when negative). */
    private static void format(StringBuilder sb, String digits, int decpt) {
        int len = digits.length();
        if (decpt >= 1 - MAX_DECPT_FOR_F && (decpt <= MAX_DECPT_FOR_F || len > decpt)) {
            if (decpt <= 0) {
                sb.append("0.");
                for (int i = decpt; i < 0; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (decpt < len) {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, len);
            } else {
                sb.append(digits);
                for (int i = len; i < decpt; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            }
            return;
        }
        sb.append(digits.charAt(0));
        if (len > 1) {
            sb.append('.').append(digits, 1, len);
        }
        sb.append('e').append(decpt - 1);
    }
}
