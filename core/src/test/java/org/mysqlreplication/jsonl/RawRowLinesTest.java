package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.RawValueSink;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.ValueDecoder;

/**
 * Values written from their bytes ({@link Row#raw}, the path of lazy rows) are the bytes the same values give when
 * decoded first ({@link ValueDecoder}, then {@link RowLines#value}): random bytes of every type the raw path
 * writes (integers, FLOAT, DOUBLE, DECIMAL, DATETIME2, TIMESTAMP2, UTF-8, latin1 and other text in VARCHAR, CHAR and
 * TEXT), valid or not, and the {@code old} of an update from each to the next and to itself, which compares bytes. A value that fails must fail the
 * same way on both paths.
 */
class RawRowLinesTest {

    private static final Random RANDOM = new Random(20261204);
    private static final int UTF8MB4 = 45;
    private static final int UTF8MB3 = 33;
    private static final int LATIN1 = 8;
    private static final int GBK = 28;

    @Test
    void integersAndFloatingPointFromTheirBytes() {
        List<ColumnDef> defs = new ArrayList<>();
        for (ColumnType t : List.of(
                ColumnType.TINY,
                ColumnType.SHORT,
                ColumnType.INT24,
                ColumnType.LONG,
                ColumnType.LONGLONG,
                ColumnType.YEAR,
                ColumnType.FLOAT,
                ColumnType.DOUBLE)) {
            defs.add(def(t, 0, false, ColumnDef.UNKNOWN_COLLATION));
            defs.add(def(t, 0, true, ColumnDef.UNKNOWN_COLLATION));
        }
        int raw = 0;
        for (ColumnDef d : defs) {
            for (int i = 0; i < 2000; i++) {
                byte[] v = new byte[8];
                RANDOM.nextBytes(v);
                if (i < 8) {
                    v = new byte[8]; // zero
                    v[7] = (byte) (i == 1 ? 0x80 : 0); // the sign bit of a BIGINT
                    v[i < 2 ? 0 : i] = (byte) (i < 2 ? 0 : 0xFF);
                }
                raw += same(d, v, 0);
            }
        }
        assertThat(raw).as("values written from their bytes").isGreaterThan(30_000);
    }

    @Test
    void decimalsFromTheirBytes() {
        int raw = 0;
        for (int i = 0; i < 20_000; i++) {
            int precision = 1 + RANDOM.nextInt(i % 3 == 0 ? 65 : 18);
            int scale = RANDOM.nextInt(Math.min(precision, 30) + 1);
            ColumnDef d = def(ColumnType.NEWDECIMAL, precision << 8 | scale, false, ColumnDef.UNKNOWN_COLLATION);
            byte[] v;
            if (i % 5 == 0) {
                v = new byte[32];
                RANDOM.nextBytes(v); // mostly digit groups out of range: an error on both paths
            } else {
                v = decimal(precision, scale, RANDOM.nextBoolean(), i % 7 == 0 ? 1 : i % 11 == 0 ? 2 : 0); // 2: -0 too
            }
            raw += same(d, v, 0);
        }
        assertThat(raw).isGreaterThan(8_000);
    }

    @Test
    void datesAndTimestampsFromTheirBytes() {
        int raw = 0;
        for (int i = 0; i < 20_000; i++) {
            int fsp = RANDOM.nextInt(7);
            byte[] v = new byte[8];
            ColumnDef d;
            if (i % 2 == 0) {
                d = def(ColumnType.DATETIME2, fsp, false, ColumnDef.UNKNOWN_COLLATION);
                long year = i % 11 == 0 ? RANDOM.nextInt(10100) : 1900 + RANDOM.nextInt(200);
                long month = i % 13 == 0 ? RANDOM.nextInt(13) : 1 + RANDOM.nextInt(12);
                long day = i % 17 == 0 ? RANDOM.nextInt(32) : 1 + RANDOM.nextInt(i % 3 == 0 ? 31 : 28);
                long hms = (long) RANDOM.nextInt(i % 19 == 0 ? 32 : 24) << 12
                        | (long) RANDOM.nextInt(i % 23 == 0 ? 64 : 60) << 6
                        | RANDOM.nextInt(60);
                long packed = ((year * 13 + month) << 5 | day) << 17 | hms;
                long stored = i % 29 == 0 ? RANDOM.nextLong() & 0xFF_FFFF_FFFFL : packed + 0x80_0000_0000L;
                for (int k = 0; k < 5; k++) {
                    v[k] = (byte) (stored >>> (8 * (4 - k)));
                }
                fraction(v, 5, fsp, i % 31 == 0);
            } else {
                d = def(ColumnType.TIMESTAMP2, fsp, false, ColumnDef.UNKNOWN_COLLATION);
                long seconds = i % 9 == 0 ? 0 : RANDOM.nextLong() & 0xFFFF_FFFFL;
                for (int k = 0; k < 4; k++) {
                    v[k] = (byte) (seconds >>> (8 * (3 - k)));
                }
                fraction(v, 4, fsp, i % 31 == 0);
            }
            raw += same(d, v, 0);
        }
        assertThat(raw).isGreaterThan(15_000);
    }

    @Test
    void textFromItsBytes() {
        int raw = 0;
        int[] collations = {UTF8MB4, UTF8MB3, LATIN1, GBK, ColumnDef.BINARY_COLLATION, ColumnDef.UNKNOWN_COLLATION};
        for (int i = 0; i < 30_000; i++) {
            int collation = collations[i % collations.length];
            byte[] text = text(collation == LATIN1, i);
            ColumnDef d;
            byte[] v;
            switch (i / collations.length % 4) {
                case 0 -> { // VARCHAR(60) utf8mb4 or latin1: a 1-byte prefix
                    d = def(ColumnType.VARCHAR, 240, false, collation);
                    v = prefixed(text, 1);
                }
                case 1 -> { // VARCHAR(300): 2 bytes
                    d = def(ColumnType.VARCHAR, 1200, false, collation);
                    v = prefixed(text, 2);
                }
                case 2 -> { // CHAR(60): real type STRING in the metadata, 1-byte prefix
                    d = def(ColumnType.STRING, 0xFE << 8 | 240, false, collation);
                    v = prefixed(text, 1);
                }
                default -> { // TEXT: a 2-byte prefix
                    d = def(ColumnType.BLOB, 2, false, collation);
                    v = prefixed(text, 2);
                }
            }
            raw += same(d, v, 0);
        }
        assertThat(raw).isGreaterThan(5_000);
    }

    @Test
    void oldHasTheColumnsWhoseBytesDecodeToAnotherValue() {
        ColumnDef[] defs = {
            def(ColumnType.LONG, 0, false, ColumnDef.UNKNOWN_COLLATION),
            def(ColumnType.VARCHAR, 240, false, UTF8MB4),
            def(ColumnType.NEWDECIMAL, 4 << 8 | 2, false, ColumnDef.UNKNOWN_COLLATION),
            def(ColumnType.DOUBLE, 0, false, ColumnDef.UNKNOWN_COLLATION),
            def(ColumnType.VARCHAR, 240, false, GBK),
            def(ColumnType.DOUBLE, 0, false, ColumnDef.UNKNOWN_COLLATION)
        };
        byte[][] before = {
            {1, 0, 0, 0},
            prefixed("é".getBytes(StandardCharsets.UTF_8), 1),
            {0x7F, (byte) 0xFF},
            new byte[8],
            prefixed(new byte[] {'a'}, 1),
            {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x7F}
        };
        byte[][] after = {
            {1, 0, 0, 0},
            prefixed("e".getBytes(StandardCharsets.UTF_8), 1),
            {(byte) 0x80, 0},
            {0, 0, 0, 0, 0, 0, 0, (byte) 0x80},
            prefixed(new byte[] {'a'}, 1),
            {1, 0, 0, 0, 0, 0, (byte) 0xF8, 0x7F}
        };
        // column 5: two NaNs of other bits, one value to Double.equals (RawJsonFuzzTest's finding crash-cae58e6f...)
        // column 2: DECIMAL(4,2) -0.00 and 0.00 are other bytes but one value; column 3: 0.0 and -0.0 two values
        TableSchema t = table(defs);
        String raw = update(new BytesRow(t, before, true), new BytesRow(t, after, true));
        String decoded = update(new BytesRow(t, before, false), new BytesRow(t, after, false));
        assertThat(raw).isEqualTo(decoded);
        assertThat(decoded).endsWith(",\"old\":{\"c1\":\"é\",\"c3\":0.0}");
    }

    /** Both paths give the same bytes, or fail with the same message; 1 when the raw path took the value. */
    private static int same(ColumnDef d, byte[] v, int at) {
        TableSchema t = table(new ColumnDef[] {d});
        BytesRow raw = new BytesRow(t, new byte[][] {v}, true);
        assertThat(outcome(() -> line(raw)))
                .as("%s %s", d, HexFormat.of().formatHex(v))
                .isEqualTo(outcome(() -> line(new BytesRow(t, new byte[][] {v}, false))));
        int took = raw.tookRaw;
        byte[] previous = PREVIOUS.put(d, v);
        for (byte[] before : previous == null ? List.of(v) : List.of(v, previous)) { // old: the same, and another
            assertThat(outcome(() -> update(new BytesRow(t, new byte[][] {before}, true), raw)))
                    .as(
                            "old of %s, %s -> %s",
                            d, HexFormat.of().formatHex(before), HexFormat.of().formatHex(v))
                    .isEqualTo(outcome(() -> update(
                            new BytesRow(t, new byte[][] {before}, false), new BytesRow(t, new byte[][] {v}, false))));
        }
        return took;
    }

    /** The value last given to {@link #same} per column definition: the before image of an update to the next. */
    private static final Map<ColumnDef, byte[]> PREVIOUS = new HashMap<>();

    /** The line, or the failure's message. */
    static String outcome(Supplier<String> line) {
        try {
            return line.get();
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    static String line(Row row) {
        JsonBytes b = new JsonBytes(16);
        new RowLines().dataAndOld(b, row, null);
        return b.toString(0, b.length());
    }

    static String update(Row before, Row after) {
        JsonBytes b = new JsonBytes(16);
        new RowLines().dataAndOld(b, after, before);
        return b.toString(0, b.length());
    }

    private static ColumnDef def(ColumnType type, int meta, boolean unsigned, int collation) {
        return new ColumnDef(type, meta, unsigned, collation, List.of(), List.of());
    }

    static TableSchema table(ColumnDef[] defs) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (int i = 0; i < defs.length; i++) {
            columns.add(new ColumnSchema("c" + i, defs[i], true));
        }
        return new TableSchema("db", "t", columns, List.of());
    }

    /** A DECIMAL(precision, scale) in the server's binary format: random digits, all nines, or all zeros. */
    private static byte[] decimal(int precision, int scale, boolean negative, int mode) {
        int[] dig2bytes = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
        int intg = precision - scale;
        List<int[]> groups = new ArrayList<>(); // {digits, value}
        if (intg % 9 > 0) {
            groups.add(new int[] {intg % 9, 0});
        }
        for (int k = 0; k < intg / 9 + scale / 9; k++) {
            groups.add(new int[] {9, 0});
        }
        if (scale % 9 > 0) {
            groups.add(new int[] {scale % 9, 0});
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int[] g : groups) {
            int bound = (int) Math.pow(10, g[0]);
            int value = mode == 1
                    ? bound - 1
                    : mode == 2 ? 0 : RANDOM.nextInt(RANDOM.nextBoolean() ? bound : Math.min(bound, 100));
            for (int k = dig2bytes[g[0]] - 1; k >= 0; k--) {
                out.write(value >>> (8 * k));
            }
        }
        byte[] b = out.toByteArray();
        b[0] ^= (byte) 0x80;
        if (negative) {
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) ~b[k];
            }
        }
        return b;
    }

    /** The fraction of {@code (fsp + 1) / 2} bytes at {@code v[at]}, in range unless {@code wild}. */
    private static void fraction(byte[] v, int at, int fsp, boolean wild) {
        int n = (fsp + 1) / 2;
        int max = n == 1 ? 100 : n == 2 ? 10_000 : 1_000_000;
        int f = wild ? RANDOM.nextInt(1 << (8 * n)) : RANDOM.nextInt(max);
        for (int k = 0; k < n; k++) {
            v[at + k] = (byte) (f >>> (8 * (n - 1 - k)));
        }
    }

    /** Random text bytes: ASCII with JSON's special characters, UTF-8 of any length, sometimes broken. */
    private static byte[] text(boolean latin1, int i) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n = RANDOM.nextInt(i % 10 == 0 ? 60 : 20);
        String specials = "\"\\\n\t\u0001\u001f\u007f /";
        for (int k = 0; k < n; k++) {
            int pick = RANDOM.nextInt(10);
            if (pick < 5) {
                out.write('a' + RANDOM.nextInt(26));
            } else if (pick < 7) {
                out.write(specials.charAt(RANDOM.nextInt(specials.length())));
            } else if (latin1) {
                out.write(0x80 + RANDOM.nextInt(128));
            } else if (pick < 9) {
                int cp = RANDOM.nextInt(3) == 0 ? 0x10000 + RANDOM.nextInt(0x100000) : 0x80 + RANDOM.nextInt(0xFF80);
                if (cp < 0xD800 || cp > 0xDFFF) {
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
            } else if (i % 4 == 0) {
                out.write(0x80 + RANDOM.nextInt(128)); // a lone lead or continuation byte: invalid UTF-8
            } else {
                byte[] cut = "😀".getBytes(StandardCharsets.UTF_8);
                out.write(cut, 0, 1 + RANDOM.nextInt(4)); // cut short, or whole
            }
        }
        if (i % 50 == 0) {
            out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // an encoded surrogate
        } else if (i % 50 == 1) {
            out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // overlong '/'
        } else if (i % 50 == 2) {
            out.writeBytes(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // above U+10FFFF
        }
        byte[] b = out.toByteArray();
        return b.length > 200 ? java.util.Arrays.copyOf(b, 200) : b;
    }

    private static byte[] prefixed(byte[] text, int width) {
        byte[] v = new byte[width + text.length];
        for (int k = 0; k < width; k++) {
            v[k] = (byte) (text.length >>> (8 * k));
        }
        System.arraycopy(text, 0, v, width, text.length);
        return v;
    }

    /**
     * A row of values given as bytes: with {@code raw}, {@link #raw} hands them out as a lazy row does; without, it
     * has none, as a row of decoded values; {@link #get} decodes them either way.
     */
    static final class BytesRow implements Row {
        private final TableSchema table;
        private final byte[][] values;
        private final boolean raw;
        int tookRaw;

        BytesRow(TableSchema table, byte[][] values, boolean raw) {
            this.table = table;
            this.values = values;
            this.raw = raw;
        }

        @Override
        public boolean raw(int column, RawValueSink sink) {
            if (!raw) {
                return false;
            }
            byte[] padded = new byte[values[column].length + 3]; // a value need not end its array
            System.arraycopy(values[column], 0, padded, 3, values[column].length);
            boolean took = sink.accept(padded, 3, table.columns().get(column).def());
            tookRaw += took ? 1 : 0;
            return took;
        }

        @Override
        public Object get(int column) {
            return ValueDecoder.decode(
                    ByteReader.of(values[column]), table.columns().get(column).def());
        }

        @Override
        public TableSchema table() {
            return table;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isPresent(int column) {
            return true;
        }

        @Override
        public String columnName(int column) {
            return table.label(column);
        }

        @Override
        public BitSet present() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isNull(int column) {
            return false;
        }

        @Override
        public Object get(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getLong(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getLong(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getInt(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getDouble(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getString(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getString(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BigDecimal getBigDecimal(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] getBytes(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> asMap() {
            throw new UnsupportedOperationException();
        }
    }
}
