package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.QueryStatusVars;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.event.decode.Rows;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.MysqlDateTime;

/**
 * The byte writer of row lines ({@link RowLines}, {@link JsonBytes}) against the text writer ({@link JsonValues},
 * whose encodings {@link JsonLinesTest} and the IT check against the server): the same bytes for every value, on
 * fixed edge cases and on random strings, decimals and temporal values, and the same lines through
 * {@link JsonLines#utf8} as through an {@link Appendable}.
 */
class RowLinesTest {

    private static final Random RANDOM = new Random(20261203);

    @Test
    void edgeCasesAreTheTextWritersBytes() {
        List<Object[]> cases = List.of(
                new Object[] {null, null},
                new Object[] {0, null},
                new Object[] {Integer.MIN_VALUE, null},
                new Object[] {Long.MIN_VALUE, null},
                new Object[] {Long.MAX_VALUE, null},
                new Object[] {new BigInteger("18446744073709551615"), null},
                new Object[] {"", null},
                new Object[] {"a\"b\\c\n\r\t\b\f\u0001\u001f\u007fé€😀/\ud800x\udc00", null},
                new Object[] {new BigDecimal("-12.50"), null},
                new Object[] {new BigDecimal("0.000000000000001"), null},
                new Object[] {new BigDecimal("-0.05"), null},
                new Object[] {new BigDecimal("0.00"), null},
                new Object[] {new BigDecimal("123456789012345678.9"), null},
                new Object[] {new BigDecimal("1E+3"), null},
                new Object[] {new BigDecimal("99999999999999999999999999999999999.999999999999999999999999999999"), null
                },
                new Object[] {0.1, null},
                new Object[] {1e23, null},
                new Object[] {0.1f, null},
                new Object[] {-0.0, null},
                new Object[] {Double.NaN, null},
                new Object[] {Float.NEGATIVE_INFINITY, null},
                new Object[] {Float.MIN_VALUE, null},
                new Object[] {-Double.MAX_VALUE, null},
                new Object[] {12345678.0 / 7, null},
                new Object[] {LocalDate.of(999, 1, 2), null},
                new Object[] {LocalDateTime.of(5, 2, 3, 4, 5, 6, 7000), ColumnDef.of(ColumnType.DATETIME2, 6)},
                new Object[] {
                    LocalDateTime.of(2024, 2, 29, 13, 14, 15, 678_000_000), ColumnDef.of(ColumnType.DATETIME2, 3)
                },
                new Object[] {
                    LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), ColumnDef.of(ColumnType.DATETIME2, 0)
                },
                new Object[] {LocalDateTime.of(2024, 1, 1, 0, 0), null},
                new Object[] {Instant.ofEpochSecond(1, 7000), ColumnDef.of(ColumnType.TIMESTAMP2, 6)},
                new Object[] {Instant.ofEpochSecond(0), ColumnDef.of(ColumnType.TIMESTAMP2, 2)},
                new Object[] {MysqlDateTime.zeroDateTime(0), ColumnDef.of(ColumnType.TIMESTAMP2, 0)},
                new Object[] {Duration.ofNanos(-1000), ColumnDef.of(ColumnType.TIME2, 6)},
                new Object[] {new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE}, null},
                new Object[] {new BitSet(), null});
        for (Object[] c : cases) {
            assertThat(bytes(c[0], (ColumnDef) c[1])).as("%s", c[0]).isEqualTo(text(c[0], (ColumnDef) c[1]));
        }
    }

    @Test
    void randomStringsAreTheTextWritersBytes() {
        char[] pool = {
            'a', 'Z', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', '\u07ff', '\u0800', '€', '\uffff', '\ud83d',
            '\ude00', '\udbff', '\udc00'
        };
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = RANDOM.nextInt(40); n > 0; n--) {
                s.append(RANDOM.nextBoolean() ? pool[RANDOM.nextInt(pool.length)] : (char) RANDOM.nextInt(0x10000));
            }
            String v = s.toString();
            assertThat(bytes(v, null)).as("%s", v).isEqualTo(text(v, null));
        }
    }

    /** Text is encoded in chunks of 4,096 chars: a surrogate pair across a chunk's end stays a pair. */
    @Test
    void longStringsAcrossChunksAreTheTextWritersBytes() {
        for (int at : new int[] {4094, 4095, 4096, 8191}) {
            String v = "a".repeat(at) + "😀\"é" + "\ud800".repeat(3) + "b".repeat(5000) + "😀";
            assertThat(bytes(v, null)).isEqualTo(text(v, null));
            StringBuilder sb = new StringBuilder(v); // a CharSequence that is not a String
            JsonBytes b = new JsonBytes(1);
            b.string(sb);
            assertThat(java.util.Arrays.copyOf(b.array(), b.length())).isEqualTo(text(v, null));
        }
    }

    @Test
    void randomDecimalsAndTimesAreTheTextWritersBytes() {
        for (int i = 0; i < 5000; i++) {
            int scale = RANDOM.nextInt(20);
            long unscaled = RANDOM.nextLong() >> RANDOM.nextInt(64);
            BigDecimal d = BigDecimal.valueOf(unscaled, scale);
            assertThat(bytes(d, null)).as("%s", d).isEqualTo(text(d, null));
            ColumnDef def = ColumnDef.of(ColumnType.DATETIME2, RANDOM.nextInt(7));
            LocalDateTime t = LocalDateTime.of(
                    RANDOM.nextInt(10000),
                    1 + RANDOM.nextInt(12),
                    1 + RANDOM.nextInt(28),
                    RANDOM.nextInt(24),
                    RANDOM.nextInt(60),
                    RANDOM.nextInt(60),
                    RANDOM.nextInt(1_000_000) * 1000);
            assertThat(bytes(t, def)).as("%s", t).isEqualTo(text(t, def));
            Instant instant =
                    Instant.ofEpochSecond(RANDOM.nextInt(Integer.MAX_VALUE), RANDOM.nextInt(1_000_000) * 1000);
            assertThat(bytes(instant, def)).as("%s", instant).isEqualTo(text(instant, def));
        }
    }

    @Test
    void utf8LinesAreTheAppendableLinesInUtf8() {
        TableSchema table = new TableSchema(
                "shop",
                "it\"ems",
                List.of(
                        new ColumnSchema("id", ColumnDef.of(ColumnType.LONGLONG, 0), true),
                        new ColumnSchema(
                                "näme", new ColumnDef(ColumnType.VARCHAR, 40, false, 45, List.of(), List.of()), true),
                        new ColumnSchema("price", ColumnDef.of(ColumnType.NEWDECIMAL, 0), true)),
                List.of(0));
        BitSet all = new BitSet();
        all.set(0, 3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Rows.of(table, all, new Object[] {(long) i, "ü😀\n" + i, new BigDecimal("-1.0" + i)}));
        }
        WriteRowsEvent w = writeRows(table, all, rows);
        XidEvent xid = new XidEvent(new EventHeader(1764633600L, EventType.XID_EVENT, 16, 1, 131, 0, 0), 77);
        QueryEvent ddl = new QueryEvent(
                new EventHeader(1764633600L, EventType.QUERY_EVENT, 2, 1, 200, 0, 0),
                1,
                0,
                0,
                "shop",
                "DROP TABLE ä",
                QueryStatusVars.none());
        for (boolean allEvents : new boolean[] {false, true}) {
            StringBuilder chars = new StringBuilder();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonLines a = new JsonLines(chars, allEvents);
            JsonLines b = JsonLines.utf8(bytes, allEvents);
            for (JsonLines j : List.of(a, b)) {
                j.write(w, "bin.000001", 100);
                j.write(xid, "bin.000001", 131);
                j.write(w, "bin.000001", 160);
                j.write(ddl, "bin.000001", 200);
                j.write(w, null, 0);
                j.finish();
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(chars.toString());
            assertThat(chars.toString().lines()).hasSize(allEvents ? 11 : 9);
        }
    }

    /**
     * The fuzzing finding kept as {@code EventDecoderFuzzTestInputs/events/crash-9596c8ba...}: {@code toJson} of a
     * rows event of many one-byte values allocated 2.7 MB for 1,149 bytes of input, because each row got a writer
     * of its own, which encoded the column names again into buffers of 8 KiB each. Now one writer serves the event:
     * 1,000 rows of one TINYINT cost their text, not the 8 KiB a row.
     */
    @Test
    void toJsonOfAnEventOfManyRowsAllocatesInProportionToItsText() {
        TableSchema table = new TableSchema(
                "db",
                "t",
                List.of(new ColumnSchema("a_rather_long_column_name", ColumnDef.of(ColumnType.TINY, 0), true)),
                List.of());
        BitSet all = new BitSet();
        all.set(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Rows.of(table, all, new Object[] {i % 100}));
        }
        WriteRowsEvent w = writeRows(table, all, rows);
        JsonLines.toJson(w); // classes loaded
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String json = JsonLines.toJson(w);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(json).contains("{\"data\":{\"a_rather_long_column_name\":99}}");
        assertThat(allocated)
                .as("bytes allocated for %s chars of JSON", json.length())
                .isLessThan(300_000);
    }

    /** A WRITE_ROWS event of {@code rows}, at position 100. */
    private static WriteRowsEvent writeRows(TableSchema table, BitSet columns, List<Row> rows) {
        return new WriteRowsEvent(
                new EventHeader(1764633600L, EventType.WRITE_ROWS_EVENT, 30, 1, 100, 0, 0),
                1,
                table,
                1,
                columns,
                rows,
                new byte[0]);
    }

    private static byte[] bytes(Object v, ColumnDef def) {
        JsonBytes b = new JsonBytes(4);
        new RowLines().value(b, v, def);
        return java.util.Arrays.copyOf(b.array(), b.length());
    }

    private static byte[] text(Object v, ColumnDef def) {
        StringBuilder sb = new StringBuilder();
        JsonValues.append(sb, v, def);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
