package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowValueException;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnType;

/**
 * TABLE_MAP with optional metadata and rows events v1/v2, built from the layouts of MySQL's rows_event.h:
 * table {@code shop.items(id INT UNSIGNED PRIMARY KEY, name VARCHAR(20) utf8mb4 NULL, color ENUM('red','green')
 * NULL)}.
 */
class RowsDecodeTest {

    private static final long TS = Instant.parse("2014-05-06T20:51:02Z").getEpochSecond();

    private final DecodeContext ctx = new DecodeContext(UnknownEventPolicy.FAIL);
    private final EventDecoder decoder = new EventDecoder(ctx);

    private BinlogEvent decode(byte[] bytes) {
        return decoder.decode(ByteReader.of(bytes));
    }

    static byte[] tableMap(long tableId) {
        byte[] optional = body().u8(1)
                .u8(1)
                .u8(0x80) // SIGNEDNESS: first numeric column unsigned
                .u8(2)
                .u8(1)
                .u8(45) // DEFAULT_CHARSET: utf8mb4_general_ci
                .u8(4)
                .u8(14)
                .lenencStr("id")
                .lenencStr("name")
                .lenencStr("color") // COLUMN_NAME
                .u8(6)
                .u8(11)
                .u8(2)
                .lenencStr("red")
                .lenencStr("green") // ENUM_STR_VALUE
                .u8(8)
                .u8(1)
                .u8(0) // SIMPLE_PRIMARY_KEY
                .u8(12)
                .u8(1)
                .u8(0xE0) // COLUMN_VISIBILITY
                .u8(99)
                .u8(2)
                .u8(0xAB)
                .u8(0xCD) // a field type this library does not know
                .build();
        return body().le(tableId, 6)
                .u16(1)
                .lenencStr("shop")
                .u8(0)
                .lenencStr("items")
                .u8(0)
                .u8(3)
                .u8(3)
                .u8(15)
                .u8(254) // LONG, VARCHAR, STRING
                .u8(4)
                .u16(80)
                .u8(0xF7)
                .u8(1) // metadata: VARCHAR max 80 bytes; STRING real type ENUM, 1 byte
                .u8(0x06) // columns 1 and 2 nullable
                .bytes(optional)
                .build();
    }

    @BeforeEach
    void mapTable() {
        TableMapEvent tm = (TableMapEvent) decode(event(19, tableMap(42), false));
        assertThat(tm.tableId()).isEqualTo(42);
        assertThat(tm.schema()).isEqualTo("shop");
        assertThat(tm.table()).isEqualTo("items");
        assertThat(tm.columnTypes()).containsExactly(ColumnType.LONG, ColumnType.VARCHAR, ColumnType.STRING);
        assertThat(tm.columnMetadata()).containsExactly(0, 80, 0xF701);
        assertThat(tm.nullability().get(0)).isFalse();
        assertThat(tm.nullability().get(2)).isTrue();
        assertThat(tm.optionalMetadata().columnVisibility().cardinality()).isEqualTo(3);
        assertThat(tm.optionalMetadata().unknownFields()).hasSize(1);
        assertThat(tm.optionalMetadata().unknownFields().get(0).value()).containsExactly(0xAB, 0xCD);
    }

    @Test
    void tableMapIsResolvedFromItsOptionalMetadata() {
        TableSchema s = ctx.tableSchema(42);
        assertThat(s.columns()).extracting(c -> c.name()).containsExactly("id", "name", "color");
        assertThat(s.columns().get(0).def().unsigned()).isTrue();
        assertThat(s.columns().get(1).def().collationId()).isEqualTo(45);
        assertThat(s.columns().get(2).def().enumValues()).containsExactly("red", "green");
        assertThat(s.columns().get(2).def().collationId()).isEqualTo(-1);
        assertThat(s.columns().get(1).nullable()).isTrue();
        assertThat(s.primaryKey()).containsExactly(0);
    }

    private static byte[] writeRows() {
        return body().le(42, 6)
                .u16(1)
                .u16(2)
                .u8(3)
                .u8(0x07)
                .u8(0x00)
                .u32(0xFFFF_FFFFL)
                .u8(6)
                .str("héllo")
                .u8(2)
                .u8(0x02)
                .u32(1)
                .u8(1)
                .build();
    }

    @Test
    void writeRowsV2() {
        WriteRowsEvent e = (WriteRowsEvent) decode(event(30, TS, 1, 2000, 0, writeRows(), false));
        assertThat(e.tableId()).isEqualTo(42);
        assertThat(e.flags()).isEqualTo(1);
        assertThat(e.table().table()).isEqualTo("items");
        assertThat(e.includedColumns().cardinality()).isEqualTo(3);
        assertThat(e.rows()).hasSize(2);
        Row r1 = e.rows().get(0);
        assertThat(r1.get(0)).isEqualTo(4_294_967_295L);
        assertThat(r1.get("NAME")).isEqualTo("héllo");
        assertThat(r1.get("color")).isEqualTo("green");
        Row r2 = e.rows().get(1);
        assertThat(r2.isNull(1)).isTrue();
        assertThat(r2.get(1)).isNull();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 1L);
        expected.put("name", null);
        expected.put("color", "red");
        assertThat(r2.asMap()).containsExactlyEntriesOf(expected);
        assertThat(r2.size()).isEqualTo(3);
        assertThat(e.toString()).doesNotContain("héllo").doesNotContain("4294967295");
        assertThat(r1.toString()).doesNotContain("héllo");
    }

    /** The text python-mysql-replication prints for such an event (README example layout). */
    @Test
    void writeRowsDumpInPythonFormat() {
        WriteRowsEvent e = (WriteRowsEvent) decode(event(30, TS, 1, 2000, 0, writeRows(), false));
        assertThat(e.dump()).isEqualTo("""
                === WriteRowsEvent ===
                Date: 2014-05-06T20:51:02
                Log position: 2000
                Event size: 50
                Read bytes: 31
                Table: shop.items
                Affected columns: 3
                Changed rows: 2
                Values:
                --
                * id : 4294967295
                * name : héllo
                * color : green
                --
                * id : 1
                * name : None
                * color : red

                """);
    }

    @Test
    void updateRowsV1WithAPartialAfterImage() {
        byte[] b = body().le(42, 6)
                .u16(0)
                .u8(3)
                .u8(0x07)
                .u8(0x05)
                .u8(0)
                .u32(1)
                .u8(1)
                .str("a")
                .u8(1)
                .u8(0)
                .u32(1)
                .u8(2)
                .build();
        UpdateRowsEvent e = (UpdateRowsEvent) decode(event(24, TS, 1, 2000, 0, b, false));
        UpdateRow u = e.rows().get(0);
        assertThat(u.before().asMap()).containsEntry("name", "a").containsEntry("color", "red");
        assertThat(u.after().isPresent(1)).isFalse();
        assertThat(u.after().asMap()).containsOnlyKeys("id", "color").containsEntry("color", "green");
        // every failure of a row is under the library's root, BinlogException (it was an IllegalArgumentException)
        assertThatThrownBy(() -> u.after().get(1))
                .isInstanceOf(RowValueException.class)
                .hasMessageContaining("not in this row image");
        assertThatThrownBy(() -> u.after().get(3))
                .isInstanceOf(RowValueException.class)
                .hasMessageContaining("column 3")
                .hasMessageContaining("3 column(s)");
        assertThatThrownBy(() -> u.after().get("nosuch"))
                .isInstanceOf(RowValueException.class)
                .hasMessageContaining("no column named nosuch");
        assertThat(e.dump()).contains("* color : red => green").contains("* name : a => <absent>");
    }

    /**
     * PRE_GA_UPDATE_ROWS (v0, MySQL 5.1 before GA): one column bitmap for both images (log_event_old.h reads old
     * events with Rows_log_event's constructor, which reads an after-image bitmap only for UPDATE_ROWS_EVENT).
     */
    @Test
    void preGaUpdateRowsHaveOneBitmapForBothImages() {
        byte[] b = body().le(42, 6)
                .u16(0)
                .u8(3)
                .u8(0x05)
                .u8(0)
                .u32(1)
                .u8(1)
                .u8(0)
                .u32(2)
                .u8(2)
                .build();
        UpdateRowsEvent e = (UpdateRowsEvent) decode(event(21, TS, 1, 2000, 0, b, false));
        assertThat(e.includedColumnsAfter()).isEqualTo(e.includedColumnsBefore());
        assertThat(e.rows().get(0).before().asMap()).containsEntry("id", 1L).containsEntry("color", "red");
        assertThat(e.rows().get(0).after().asMap()).containsEntry("id", 2L).containsEntry("color", "green");
    }

    @Test
    void deleteRowsV2WithOnlyThePrimaryKey() {
        byte[] b = body().le(42, 6).u16(1).u16(2).u8(3).u8(0x01).u8(0).u32(7).build();
        DeleteRowsEvent e = (DeleteRowsEvent) decode(event(32, b, false));
        assertThat(e.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.asMap()).containsExactly(Map.entry("id", 7L)));
    }

    @Test
    void rowsV2ExtraDataIsKept() {
        byte[] b = body().le(42, 6)
                .u16(1)
                .u16(5)
                .u8(0)
                .u8(1)
                .u8(9)
                .u8(3)
                .u8(0x01)
                .u8(0)
                .u32(7)
                .build();
        DeleteRowsEvent e = (DeleteRowsEvent) decode(event(32, b, false));
        assertThat(e.extraData()).containsExactly(0, 1, 9);
    }

    @Test
    void rowsWithNoIncludedColumnButBytesLeftIsAnErrorNotAnEndlessLoop() {
        byte[] b = body().le(42, 6).u16(1).u16(2).u8(3).u8(0x00).u8(0).u32(7).build();
        assertThatThrownBy(() -> decode(event(32, b, false)))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("no included column");
    }

    @Test
    void rowsForAnUnmappedTableIsATypedError() {
        byte[] b = body().le(43, 6).u16(1).u16(2).u8(3).u8(0x01).u8(0).u32(7).build();
        assertThatThrownBy(() -> decode(event(32, b, false)))
                .isInstanceOf(TableMapMissingException.class)
                .hasMessageContaining("table id 43")
                .hasMessageContaining("DELETE_ROWS_EVENT");
    }

    /** The column count is a count, not a length: here 3 columns and 2 bytes after it (a row of NULLs). */
    @Test
    void aRowOfNullsShorterThanTheColumnCountDecodes() {
        byte[] b = body().le(42, 6).u16(1).u16(2).u8(3).u8(0x06).u8(0x03).build();
        WriteRowsEvent e = (WriteRowsEvent) decode(event(30, b, false));
        assertThat(e.rows()).hasSize(1);
        assertThat(e.rows().get(0).isNull(1)).isTrue();
        assertThat(e.rows().get(0).isNull(2)).isTrue();
    }

    @Test
    void rowsWithAnotherColumnCountThanTheTableMapIsAnError() {
        byte[] b = body().le(42, 6).u16(1).u16(2).u8(2).u8(0x01).u8(0).u32(7).build();
        assertThatThrownBy(() -> decode(event(32, b, false)))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("2 column(s), its table map 3");
    }

    @Test
    void aResolverFailureComesOutWithTheEventsLocation() {
        DecodeContext failing = new DecodeContext(
                tm -> {
                    throw new IllegalStateException("information_schema unreachable");
                },
                UnknownEventPolicy.FAIL);
        failing.setBinlogFile("mysql-bin.000042");
        assertThatThrownBy(() -> new EventDecoder(failing).decode(ByteReader.of(event(19, tableMap(42), false))))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("information_schema unreachable")
                .hasMessageContaining("mysql-bin.000042")
                .hasMessageContaining("TABLE_MAP_EVENT")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failing.tableMap(42)).isNull();
    }

    /** A resolver's typed failure (the connection it asks over was lost) is its own, so a reader can retry it. */
    @Test
    void aResolverConnectionFailureComesOutAsItIs() {
        ConnectionException lost = new ConnectionException("connection to db:3306 lost");
        DecodeContext failing = new DecodeContext(
                tm -> {
                    throw lost;
                },
                UnknownEventPolicy.FAIL);
        assertThatThrownBy(() -> new EventDecoder(failing).decode(ByteReader.of(event(19, tableMap(42), false))))
                .isSameAs(lost);
        assertThat(failing.tableMap(42)).isNull();
    }

    /** A row whose columns have no names (no metadata, no server to ask) says so when read by name. */
    @Test
    void readingAnUnnamedRowByNameIsARowValueExceptionThatSaysWhy() {
        byte[] noNames = body().le(43, 6)
                .u16(1)
                .lenencStr("shop")
                .u8(0)
                .lenencStr("bare")
                .u8(0)
                .u8(1)
                .u8(3)
                .u8(0)
                .u8(0x00)
                .build();
        decode(event(19, noNames, false));
        WriteRowsEvent e = (WriteRowsEvent) decode(event(
                30,
                TS,
                1,
                2000,
                0,
                body().le(43, 6).u16(1).u16(2).u8(1).u8(0x01).u8(0x00).u32(7).build(),
                false));
        Row row = e.rows().get(0);
        assertThat(row.getLong(0)).isEqualTo(7);
        assertThat(row.columnName(0)).isEqualTo("@1");
        assertThatThrownBy(() -> row.get("id"))
                .isInstanceOf(RowValueException.class)
                .hasMessageContaining("no column named id")
                .hasMessageContaining("no names")
                .hasMessageContaining("binlog_row_metadata=FULL");
    }

    @Test
    void skipRegistersTheTableMapButDecodesNoRows() {
        decoder.skip(ByteReader.of(event(19, tableMap(50), false)));
        assertThat(ctx.tableMap(50)).isNotNull();
        byte[] garbageRows =
                body().le(50, 6).u16(1).u16(2).u8(3).u8(0x07).u8(0xFF).build();
        decoder.skip(ByteReader.of(event(30, garbageRows, false)));
    }
}
