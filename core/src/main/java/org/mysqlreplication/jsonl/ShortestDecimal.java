package org.mysqlreplication.jsonl;

import java.math.BigInteger;

/**
 * FLOAT and DOUBLE values as the shortest decimal that reads back as the same float or double (among several of
 * that length, the one nearest the exact binary value, a tie to the even last digit): the digits Python's
 * {@code repr}, JavaScript and JDK 19+'s {@code Double.toString} choose (JDK 17's {@link Double#toString(double)}
 * is not always shortest: {@code 1e23} prints as {@code 9.999999999999999E22}, {@code Float.MIN_VALUE} as
 * {@code 1.4E-45}).
 *
 * <p>The digits come from Giulietti's Schubfach ("The Schubfach way to render doubles", 2020), in integers only: for
 * {@code v = c 2^q}, the decimals that read back lie in {@code [v - 2^(q-1), v + 2^(q-1)]} (a quarter below for a power
 * of two; the ends included when {@code c} is even, as round-half-even parsing takes them). With
 * {@code k = floor(log10 2^q)} that interval is at least {@code 10^k} and less than {@code 10^(k+1)} wide, so it holds
 * at most one multiple of {@code 10^(k+1)} - the shortest when there is one - and else the nearer of the two multiples
 * of {@code 10^k} either side of {@code v} that reads back. Those few comparisons need {@code 4v}, {@code 4} times each
 * end, over {@code 10^k}: each is one 64 x 126-bit product with a 126-bit upper approximation of {@code 10^-k} (a table
 * computed here once, with {@link BigInteger}), rounded to odd so that its last bit tells exact from inexact; the paper
 * proves that this decides every comparison correctly for every double. A float takes the same steps with its own
 * {@code c}, {@code q} and {@code k} and the same table, more precise than it needs (checked by hand on all 2^32 float
 * bit patterns against JDK 25's {@code Float.toString}). Unlike JDK 19+, a value whose shortest decimal has one digit
 * gets that digit ({@code 5.0E-324}, Python's {@code 5e-324}; JDK 19+ looks at two digits then and prints
 * {@code 4.9E-324}).
 *
 * <p>The layout is {@code Double.toString}'s: plain with at least one fraction digit for magnitudes in
 * [10^-3, 10^7) ({@code 0.1}, {@code 100.0}), otherwise {@code d.dddE[-]n} ({@code 1.0E23}, {@code 5.0E-324}). The
 * text goes into a {@link StringBuilder} or straight into a {@link JsonBytes}, with nothing allocated.
 *
 * <p>Stateless and thread-safe.
 */
final class ShortestDecimal {

    /** The longest text, {@code -1.2345678901234567E-308}, with room to spare. */
    private static final int MAX_LENGTH = 32;

    private static final int DOUBLE_Q_MIN = -1074;
    private static final long DOUBLE_C_MIN = 1L << 52;
    private static final int FLOAT_Q_MIN = -149;
    private static final long FLOAT_C_MIN = 1L << 23;

    /** The {@code k} of the smallest and of the largest double ({@code floor(log10 2^q)}). */
    private static final int K_MIN = -324;

    private static final int K_MAX = 292;

    /**
     * For each k from {@link #K_MIN}: {@code g = floor(10^-k 2^(125 - floor(log2 10^-k))) + 1}, in [2^125, 2^126),
     * as its high 63 bits and its low 63 bits.
     */
    private static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];

    private static final long MASK_63 = (1L << 63) - 1;

    static {
        BigInteger mask = BigInteger.valueOf(MASK_63);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            BigInteger g;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                int shift = 125 - (p.bitLength() - 1);
                g = shift >= 0 ? p.shiftLeft(shift) : p.shiftRight(-shift);
            } else {
                BigInteger p = BigInteger.TEN.pow(-e); // not a power of two: log2 10^e = -(bits of 10^-e) + fraction
                g = BigInteger.ONE.shiftLeft(125 + p.bitLength()).divide(p);
            }
            g = g.add(BigInteger.ONE);
            G[2 * (k - K_MIN)] = g.shiftRight(63).longValueExact();
            G[2 * (k - K_MIN) + 1] = g.and(mask).longValueExact();
        }
    }

    /** 10^0 .. 10^18. */
    private static final long[] POWERS_OF_TEN = new long[19];

    /** "00", "01" .. "99". */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private ShortestDecimal() {}

    /**
     * Appends the shortest decimal of {@code d}; NaN and the infinities, which MySQL never stores and JSON has no
     * number for, as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
     */
    static void append(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append('"').append(d).append('"');
            return;
        }
        write(null, 0, sb, Double.doubleToRawLongBits(d), false);
    }

    /** As {@link #append(StringBuilder, double)}, for a float: the shortest decimal that reads back as {@code f}. */
    static void append(StringBuilder sb, float f) {
        if (!Float.isFinite(f)) {
            sb.append('"').append(f).append('"');
            return;
        }
        write(null, 0, sb, Float.floatToRawIntBits(f) & 0xFFFF_FFFFL, true);
    }

    /** As {@link #append(StringBuilder, double)}, the same text as ASCII bytes. */
    static void append(JsonBytes b, double d) {
        if (!Double.isFinite(d)) {
            b.ascii(nonFinite(d));
            return;
        }
        int at = b.length();
        b.setLength(write(b.room(MAX_LENGTH), at, null, Double.doubleToRawLongBits(d), false));
    }

    /** As {@link #append(StringBuilder, float)}, the same text as ASCII bytes. */
    static void append(JsonBytes b, float f) {
        if (!Float.isFinite(f)) {
            b.ascii(nonFinite(f));
            return;
        }
        int at = b.length();
        b.setLength(write(b.room(MAX_LENGTH), at, null, Float.floatToRawIntBits(f) & 0xFFFF_FFFFL, true));
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "\"NaN\"" : d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    }

    /**
     * Writes the finite double or float with these raw bits into {@code sb}, or when that is null into {@code a}
     * from {@code at} (room for {@link #MAX_LENGTH} bytes); returns where the bytes end.
     */
    private static int write(byte[] a, int at, StringBuilder sb, long bits, boolean isFloat) {
        int fractionBits = isFloat ? 23 : 52;
        int exponentBits = isFloat ? 8 : 11;
        long c = bits & (1L << fractionBits) - 1;
        int biased = (int) (bits >>> fractionBits) & (1 << exponentBits) - 1;
        boolean negative = (bits >>> fractionBits + exponentBits & 1) != 0;
        if (negative) {
            if (sb != null) {
                sb.append('-');
            } else {
                a[at++] = '-';
            }
        }
        if (biased == 0 && c == 0) {
            if (sb != null) {
                sb.append("0.0");
                return 0;
            }
            a[at] = '0';
            a[at + 1] = '.';
            a[at + 2] = '0';
            return at + 3;
        }
        int qMin = isFloat ? FLOAT_Q_MIN : DOUBLE_Q_MIN;
        long cMin = isFloat ? FLOAT_C_MIN : DOUBLE_C_MIN;
        int q = qMin;
        if (biased != 0) { // normal: the implicit leading bit
            c |= cMin;
            q = qMin - 1 + biased;
        }
        long digits;
        int exp;
        if (q < 0 && q > -fractionBits - 1 && (c & (1L << -q) - 1) == 0) {
            digits = c >> -q; // an integer below 2^(p-1), 1/2 or finer apart from its neighbours: itself is shortest
            exp = 0;
        } else {
            boolean regular = c != cMin || q == qMin; // else a power of two: the gap below is half the one above
            exp = regular ? flog10pow2(q) : flog10ThreeQuartersPow2(q);
            digits = schubfach(c, q, exp, regular);
        }
        while (digits % 10 == 0) {
            digits /= 10;
            exp++;
        }
        if (sb != null) {
            layout(sb, digits, exp);
            return 0;
        }
        return layout(a, at, digits, exp);
    }

    /** The decimal's digits at exponent {@code k}: a multiple of 10 when the shorter one is it. */
    private static long schubfach(long c, int q, int k, boolean regular) {
        long out = c & 1; // odd c: the interval's ends do not read back
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl = regular ? cb - 2 : cb - 1;
        int h = q + flog2pow10(-k) + 2;
        int i = 2 * (k - K_MIN);
        long g1 = G[i];
        long g0 = G[i + 1];
        long vb = rop(g1, g0, cb << h); // 4 v / 10^k, and the ends' the same way, each rounded to odd
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 10) {
            long sp10 = s / 10 * 10; // the multiples of 10^(k+1) either side of v: one digit fewer
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return upin ? sp10 : tp10;
            }
        }
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return uin ? s : t;
        }
        long cmp = vb - (s + t << 1); // 4 v against 4 (s + 1/2): which is nearer, exactly (0: a tie)
        return cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t;
    }

    /** {@code g cp / 2^127}, rounded to odd: the last bit set when the quotient is not exact. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** {@code floor(q log10 2)}, for |q| up to a few thousand (ShortestDecimalAgreementTest checks it). */
    static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** {@code floor(log10 (3/4 2^q))}. */
    static int flog10ThreeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** {@code floor(e log2 10)}. */
    static int flog2pow10(int e) {
        return (int) (e * 217_706L >> 16);
    }

    /** The number of decimal digits of {@code v}, positive and below 10^18. */
    private static int length(long v) {
        int n = (64 - Long.numberOfLeadingZeros(v)) * 1233 >>> 12; // floor(bits log10 2): the length or one less
        return v >= POWERS_OF_TEN[n] ? n + 1 : n;
    }

    /** Writes {@code digits * 10^exp} in {@code Double.toString}'s layout. */
    private static void layout(StringBuilder sb, long digits, int exp) {
        int n = length(digits);
        int point = n + exp; // digits before the decimal point in the plain form
        if (point >= -2 && point <= 7) {
            if (point <= 0) {
                sb.append("0.");
                for (int i = point; i < 0; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (point >= n) {
                sb.append(digits * POWERS_OF_TEN[point - n]).append(".0");
            } else {
                int at = sb.length();
                sb.append(digits).insert(at + point, '.');
            }
            return;
        }
        int at = sb.length();
        sb.append(digits);
        if (n > 1) {
            sb.insert(at + 1, '.');
        } else {
            sb.append(".0");
        }
        sb.append('E').append(point - 1);
    }

    /** As {@link #layout(StringBuilder, long, int)}, into {@code a} from {@code at}; returns where it ends. */
    private static int layout(byte[] a, int at, long digits, int exp) {
        int n = length(digits);
        int point = n + exp;
        if (point >= -2 && point <= 7) {
            if (point <= 0) {
                a[at++] = '0';
                a[at++] = '.';
                for (int i = point; i < 0; i++) {
                    a[at++] = '0';
                }
                at += n;
                writeDigits(a, at, digits);
            } else if (point >= n) {
                at += n;
                writeDigits(a, at, digits);
                for (int i = n; i < point; i++) {
                    a[at++] = '0';
                }
                a[at++] = '.';
                a[at++] = '0';
            } else {
                writeDigits(a, at + n + 1, digits); // at + 1 on, then the integer part one back, then the point
                System.arraycopy(a, at + 1, a, at, point);
                a[at + point] = '.';
                at += n + 1;
            }
            return at;
        }
        writeDigits(a, at + n + 1, digits);
        a[at] = a[at + 1];
        a[at + 1] = '.';
        if (n == 1) {
            a[at + 2] = '0';
            at += 3;
        } else {
            at += n + 1;
        }
        a[at++] = 'E';
        int e = point - 1;
        if (e < 0) {
            a[at++] = '-';
            e = -e;
        }
        if (e >= 100) {
            a[at++] = (byte) ('0' + e / 100);
            e %= 100;
            a[at++] = DIGIT_PAIRS[2 * e];
            a[at++] = DIGIT_PAIRS[2 * e + 1];
        } else if (e >= 10) {
            a[at++] = DIGIT_PAIRS[2 * e];
            a[at++] = DIGIT_PAIRS[2 * e + 1];
        } else {
            a[at++] = (byte) ('0' + e);
        }
        return at;
    }

    /** Writes the digits of positive {@code v} so that they end just before {@code end}. */
    private static void writeDigits(byte[] a, int end, long v) {
        int i = end;
        while (v >= 100_000_000L) { // eight digits at a time in int arithmetic, two by two
            long high = v / 100_000_000L;
            int low = (int) (v - high * 100_000_000L);
            v = high;
            for (int j = 0; j < 4; j++) {
                int pair = low % 100;
                low /= 100;
                a[--i] = DIGIT_PAIRS[2 * pair + 1];
                a[--i] = DIGIT_PAIRS[2 * pair];
            }
        }
        int x = (int) v;
        while (x >= 100) {
            int pair = x % 100;
            x /= 100;
            a[--i] = DIGIT_PAIRS[2 * pair + 1];
            a[--i] = DIGIT_PAIRS[2 * pair];
        }
        if (x >= 10) {
            a[--i] = DIGIT_PAIRS[2 * x + 1];
            a[--i] = DIGIT_PAIRS[2 * x];
        } else {
            a[--i] = (byte) ('0' + x);
        }
    }
}
