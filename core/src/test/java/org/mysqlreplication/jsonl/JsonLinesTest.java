package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.QueryStatusVars;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.event.decode.Rows;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.MysqlDateTime;
import org.mysqlreplication.value.UndecodedText;

/**
 * The JSON lines writer on events built in memory: Maxwell's row shape (field names and order as Maxwell's
 * documentation shows them), xid and commit on the last row of a transaction, {@code old} with the changed columns
 * only, and each value family's encoding. The IT in the cli module compares every type with the server's SELECT.
 */
class JsonLinesTest {

    private static final TableSchema ITEMS = new TableSchema(
            "shop",
            "items",
            List.of(
                    column("id", ColumnDef.of(ColumnType.LONG, 0)),
                    column("name", text()),
                    column("qty", ColumnDef.of(ColumnType.LONG, 0))),
            List.of(0));

    @Test
    void rowsOfATransactionCarryCommitOnTheLastRowWithItsXid() {
        StringBuilder out = new StringBuilder();
        JsonLines w = new JsonLines(out, false);
        w.write(gtid(42), "bin.000001", 300);
        w.write(write(row(1, "a", 5), row(2, "b", 6)), "bin.000001", 400);
        w.write(update(row(2, "b", 6), row(2, "b", 7)), "bin.000001", 500);
        assertThat(out.toString().lines()).hasSize(2); // the update is held until the transaction's end
        w.write(new XidEvent(header(EventType.XID_EVENT, 16), 8812), "bin.000001", 531);
        w.finish();
        assertThat(out.toString().lines())
                .containsExactly(
                        "{\"database\":\"shop\",\"table\":\"items\",\"type\":\"insert\",\"ts\":1764633600,"
                                + "\"position\":\"bin.000001:400\",\"gtid\":\"0-1-42\",\"primary_key\":[1],"
                                + "\"primary_key_columns\":[\"id\"],\"data\":{\"id\":1,\"name\":\"a\",\"qty\":5}}",
                        "{\"database\":\"shop\",\"table\":\"items\",\"type\":\"insert\",\"ts\":1764633600,"
                                + "\"position\":\"bin.000001:400\",\"gtid\":\"0-1-42\",\"primary_key\":[2],"
                                + "\"primary_key_columns\":[\"id\"],\"data\":{\"id\":2,\"name\":\"b\",\"qty\":6}}",
                        "{\"database\":\"shop\",\"table\":\"items\",\"type\":\"update\",\"ts\":1764633600,\"xid\":8812,"
                                + "\"commit\":true,\"position\":\"bin.000001:500\",\"gtid\":\"0-1-42\",\"primary_key\":[2],"
                                + "\"primary_key_columns\":[\"id\"],\"data\":{\"id\":2,\"name\":\"b\",\"qty\":7},"
                                + "\"old\":{\"qty\":6}}");
    }

    @Test
    void allEventsKeepsTheirOrderAroundTheHeldRow() {
        StringBuilder out = new StringBuilder();
        JsonLines w = new JsonLines(out, true);
        w.write(query("BEGIN"));
        w.write(write(row(1, "a", 5)));
        w.write(query("COMMIT"));
        w.write(write(row(2, "b", 6)));
        w.finish();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .startsWith("{\"event\":\"QueryEvent\",\"type_code\":2,\"ts\":1764633600,")
                .contains("\"query\":\"BEGIN\"");
        assertThat(lines.get(1)).contains("\"commit\":true").doesNotContain("xid");
        assertThat(lines.get(2)).contains("\"query\":\"COMMIT\"");
        assertThat(lines.get(3)).contains("\"id\":2").doesNotContain("commit"); // its end was never seen
    }

    @Test
    void aMinimalImageWritesItsColumnsOnlyAndTakesTheKeyFromTheBeforeImage() {
        BitSet key = new BitSet();
        key.set(0);
        BitSet qty = new BitSet();
        qty.set(2);
        Row before = Rows.of(ITEMS, key, new Object[] {9, null, null});
        Row after = Rows.of(ITEMS, qty, new Object[] {null, null, 4});
        StringBuilder out = new StringBuilder();
        JsonLines w = new JsonLines(out, false);
        w.write(new UpdateRowsEvent(
                header(EventType.UPDATE_ROWS_EVENT, 31),
                1,
                ITEMS,
                1,
                key,
                qty,
                List.of(new UpdateRow(before, after)),
                new byte[0]));
        w.write(new XidEvent(header(EventType.XID_EVENT, 16), -1)); // XIDs are unsigned 64-bit
        assertThat(out.toString())
                .isEqualTo("{\"database\":\"shop\",\"table\":\"items\",\"type\":\"update\","
                        + "\"ts\":1764633600,\"xid\":18446744073709551615,\"commit\":true,\"primary_key\":[9],"
                        + "\"primary_key_columns\":[\"id\"],\"data\":{\"qty\":4},\"old\":{}}\n");
    }

    @Test
    void otherEventsAreObjectsOfTheirFields() {
        assertThat(JsonLines.toJson(new RotateEvent(header(EventType.ROTATE_EVENT, 4), 4, "bin.000002")))
                .isEqualTo("{\"event\":\"RotateEvent\",\"type_code\":4,\"ts\":1764633600,\"server_id\":1,"
                        + "\"log_pos\":0,\"event_position\":4,\"next_binlog\":\"bin.000002\"}");
        assertThat(JsonLines.toJson(new XidEvent(header(EventType.XID_EVENT, 16), -1)))
                .endsWith("\"xid\":-1}"); // the record's long as it is; rows lines print it unsigned
        assertThat(JsonLines.toJson(write(row(1, "a", 5))))
                .isEqualTo("{\"event\":\"WriteRowsEvent\","
                        + "\"type_code\":30,\"ts\":1764633600,\"server_id\":1,\"log_pos\":0,\"database\":\"shop\","
                        + "\"table\":\"items\",\"type\":\"insert\",\"rows\":[{\"data\":{\"id\":1,\"name\":\"a\","
                        + "\"qty\":5}}]}");
    }

    @Test
    void passwordsInQueriesAreRedactedAsInTheDump() {
        String json = JsonLines.toJson(query("CREATE USER u IDENTIFIED BY 'secret'"));
        assertThat(json).contains("IDENTIFIED BY '<redacted>'").doesNotContain("secret");
    }

    @Test
    void stringsAreEscapedAsRfc8259Says() {
        StringBuilder sb = new StringBuilder();
        JsonLines.appendString(sb, "a\"b\\c\n\r\t\b\f\u0001\u001fé€😀/\ud800x");
        assertThat(sb.toString()).isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001fé€😀/\\ud800x\"");
    }

    @Test
    void valuesAreEncodedByTheirFamily() {
        assertThat(value(new BigDecimal("-12.50"), ColumnDef.of(ColumnType.NEWDECIMAL, 0)))
                .isEqualTo("-12.50");
        assertThat(value(new BigDecimal("0.000000000000001"), null)).isEqualTo("0.000000000000001");
        assertThat(value(new BigInteger("18446744073709551615"), null)).isEqualTo("18446744073709551615");
        assertThat(value(0.1f, null)).isEqualTo("0.1");
        assertThat(value(1e23, null)).isEqualTo("1.0E23");
        assertThat(value(LocalDate.of(999, 1, 2), null)).isEqualTo("\"0999-01-02\"");
        assertThat(value(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 678_000_000), ColumnDef.of(ColumnType.DATETIME2, 3)))
                .isEqualTo("\"2024-02-29 13:14:15.678\"");
        assertThat(value(LocalDateTime.of(2024, 2, 29, 13, 14, 0), ColumnDef.of(ColumnType.DATETIME2, 0)))
                .isEqualTo("\"2024-02-29 13:14:00\"");
        assertThat(value(Instant.ofEpochSecond(1, 7000), ColumnDef.of(ColumnType.TIMESTAMP2, 6)))
                .isEqualTo("\"1970-01-01 00:00:01.000007\"");
        assertThat(value(MysqlDateTime.zeroDateTime(0), ColumnDef.of(ColumnType.TIMESTAMP2, 0)))
                .isEqualTo("\"0000-00-00 00:00:00\"");
        assertThat(value(MysqlDateTime.zeroDate(), null)).isEqualTo("\"0000-00-00\"");
        assertThat(value(Duration.ofSeconds(-(838 * 3600 + 59 * 60 + 59)), ColumnDef.of(ColumnType.TIME2, 0)))
                .isEqualTo("\"-838:59:59\"");
        assertThat(value(Duration.ofNanos(-1000), ColumnDef.of(ColumnType.TIME2, 6)))
                .isEqualTo("\"-00:00:00.000001\"");
        BitSet bits = new BitSet();
        bits.set(63);
        assertThat(value(bits, null)).isEqualTo("9223372036854775808");
        assertThat(value(new LinkedHashSet<>(List.of("x", "z")), null)).isEqualTo("[\"x\",\"z\"]");
        assertThat(value(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF}, null))
                .isEqualTo("\"3q2+7w==\""); // RFC 4648 alphabet, padded
        assertThat(value(new byte[0], null)).isEqualTo("\"\"");
        assertThat(value(null, null)).isEqualTo("null");
    }

    /** Text that could not be decoded keeps its bytes, base64 (RFC 4648), with a marker naming why. */
    @Test
    void undecodedTextIsItsBytesWithAMarker() {
        assertThat(value(
                        new UndecodedText(
                                new byte[] {'c', 'a', 'f', (byte) 0xE9}, -1, UndecodedText.Reason.UNKNOWN_CHARSET),
                        ColumnDef.of(ColumnType.VARCHAR, 20)))
                .isEqualTo("{\"undecoded\":\"UNKNOWN_CHARSET\",\"base64\":\"Y2Fm6Q==\"}");
        assertThat(value(
                        new UndecodedText(
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD},
                                45,
                                UndecodedText.Reason.INVALID_BYTES),
                        null))
                .isEqualTo("{\"undecoded\":\"INVALID_BYTES\",\"base64\":\"7aC9\"}");
    }

    private static String value(Object v, ColumnDef def) {
        StringBuilder sb = new StringBuilder();
        JsonValues.append(sb, v, def);
        return sb.toString();
    }

    private static ColumnSchema column(String name, ColumnDef def) {
        return new ColumnSchema(name, def, true);
    }

    private static ColumnDef text() {
        return new ColumnDef(ColumnType.VARCHAR, 40, false, 45, List.of(), List.of());
    }

    private static Row row(Object... values) {
        BitSet all = new BitSet();
        all.set(0, values.length);
        return Rows.of(ITEMS, all, values);
    }

    private static EventHeader header(EventType type, int code) {
        return new EventHeader(1764633600L, type, code, 1, 100, 0, 0);
    }

    private static WriteRowsEvent write(Row... rows) {
        BitSet all = new BitSet();
        all.set(0, 3);
        return new WriteRowsEvent(header(EventType.WRITE_ROWS_EVENT, 30), 1, ITEMS, 1, all, List.of(rows), new byte[0]);
    }

    private static UpdateRowsEvent update(Row before, Row after) {
        BitSet all = new BitSet();
        all.set(0, 3);
        return new UpdateRowsEvent(
                header(EventType.UPDATE_ROWS_EVENT, 31),
                1,
                ITEMS,
                1,
                all,
                all,
                List.of(new UpdateRow(before, after)),
                new byte[0]);
    }

    private static BinlogEvent gtid(long seq) {
        return new MariadbGtidEvent(header(EventType.MARIADB_GTID_EVENT, 162), seq, 0, 0, null, null, 0, 0, null, null);
    }

    private static QueryEvent query(String sql) {
        return new QueryEvent(header(EventType.QUERY_EVENT, 2), 1, 0, 0, "shop", sql, QueryStatusVars.none());
    }
}
