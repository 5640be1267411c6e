package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.file.Fixtures.only;
import static org.mysqlreplication.file.Fixtures.readAll;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BeginLoadQueryEvent;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.ExecuteLoadQueryEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.IncidentEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;

/** MySQL 5.x / 8.0 binlog files decoded from start to end, checked against what their sources say. */
class MysqlFixturesTest {

    private static final String BLACKBEAM = "blackbeam-rust_mysql_common/test-data/binlogs/";
    private static final String OSHEROFF = "osheroff-mysql-binlog-connector-java/src/test/resources/";
    private static final String DIGITS = "0123456789";

    /**
     * MySQL 8.0.28 with binlog_row_metadata=FULL: {@code CREATE TABLE t(f1 CHAR(128), f2 VARCHAR(300),
     * f3 ENUM('var1','variant2','foo'), f4 SET('one','two','three','four'), f5 TEXT)}, one insert, update, delete.
     * Expected values as rust_mysql_common's own test of this file asserts them (its f3/f4 are raw index/bitmask:
     * 1 = 'var1', 0b101 = one,three; 2 = 'variant2', 0b1010 = two,four).
     */
    @Test
    void mysql80EnumStringSetWithFullMetadata() {
        List<BinlogEvent> events = readAll(BLACKBEAM + "mysql-enum-string-set.000001");
        assertThat(((FormatDescriptionEvent) events.get(0)).serverVersion()).isEqualTo("8.0.28");
        String f1 = DIGITS.repeat(10);
        // 298 characters: (120 digits + "012345678") twice, then 40 digits
        String f2 = (DIGITS.repeat(12) + "012345678").repeat(2) + DIGITS.repeat(4);
        Row inserted = only(events, WriteRowsEvent.class).get(0).rows().get(0);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("f1", f1);
        expected.put("f2", f2);
        expected.put("f3", "var1");
        expected.put("f4", Set.of("one", "three"));
        expected.put("f5", DIGITS);
        assertThat(inserted.asMap()).containsExactlyEntriesOf(expected);
        UpdateRow updated = only(events, UpdateRowsEvent.class).get(0).rows().get(0);
        assertThat(updated.before().asMap()).isEqualTo(inserted.asMap());
        assertThat(updated.after().get("f1")).isEqualTo("field1");
        assertThat(updated.after().get("f2")).isEqualTo("field_2");
        assertThat(updated.after().get("f3")).isEqualTo("variant2");
        assertThat(updated.after().get("f4")).isEqualTo(Set.of("two", "four"));
        assertThat(updated.after().get("f5")).isEqualTo(f2);
        Row deleted = only(events, DeleteRowsEvent.class).get(0).rows().get(0);
        assertThat(deleted.asMap()).isEqualTo(updated.after().asMap());
        assertThat(inserted.table().table()).isEqualTo("t");
        assertThat(inserted.table().database()).isEqualTo("mysql");
        assertThat(only(events, XidEvent.class)).extracting(XidEvent::xid).containsExactly(50L, 51L, 52L);
    }

    /** MySQL 8.0.26: {@code CREATE TABLE foo(a BIT(3), b TEXT, c BIT(8))}, values b'100', 'foo', b'100000'. */
    @Test
    void mysql80BitColumns() {
        List<BinlogEvent> events = readAll(BLACKBEAM + "mysql_type_bit.000001");
        assertThat(only(events, QueryEvent.class))
                .extracting(QueryEvent::query)
                .contains("CREATE TABLE foo(a BIT(3), b TEXT, c BIT(8))");
        Row row = only(events, WriteRowsEvent.class).get(0).rows().get(0);
        assertThat(row.get("a")).isEqualTo(BitSet.valueOf(new long[] {0b100}));
        assertThat(row.get("b")).isEqualTo("foo");
        assertThat(row.get("c")).isEqualTo(BitSet.valueOf(new long[] {0b100000}));
        assertThat(only(events, WriteRowsEvent.class).get(0).dump()).contains("* a : 100\n", "* c : 100000\n");
    }

    /**
     * mysql-binlog-connector-java's own integration test reads these files and counts 191 (checksum NONE,
     * MySQL 5.7), 303 (CRC32) and 1462 (sakila sample, MySQL 5.x rows v1) events.
     */
    @Test
    void eventCountsAsMysqlBinlogConnectorJavaCountsThem() {
        assertThat(readAll(OSHEROFF + "mysql-bin.checksum-none")).hasSize(191);
        assertThat(readAll(OSHEROFF + "mysql-bin.checksum-crc32")).hasSize(303);
        assertThat(readAll(OSHEROFF + "mysql-bin.sakila")).hasSize(1462);
    }

    /**
     * MySQL 5.1.23 statement-based {@code LOAD DATA INFILE 'big_file.dat' INTO TABLE t3}: the file travels in a
     * BEGIN_LOAD_QUERY and an APPEND_BLOCK event of the same file id, then EXECUTE_LOAD_QUERY names that id and
     * where the file name stands in the statement.
     */
    @Test
    void mysql51LoadDataInfile() {
        List<BinlogEvent> events =
                readAll("enhancedformysql-mysql-8.0.40/mysql-test/suite/binlog/std_data/ver_5_1_23.001");
        List<BeginLoadQueryEvent> blocks = only(events, BeginLoadQueryEvent.class);
        assertThat(blocks)
                .extracting(b -> b.header().eventType())
                .containsExactly(EventType.BEGIN_LOAD_QUERY_EVENT, EventType.APPEND_BLOCK_EVENT);
        assertThat(blocks).extracting(BeginLoadQueryEvent::fileId).containsOnly(2L);
        assertThat(new String(blocks.get(0).blockData(), java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("Aarhus\nAaron\nAbaba\n");
        ExecuteLoadQueryEvent load = only(events, ExecuteLoadQueryEvent.class).get(0);
        assertThat(load.fileId()).isEqualTo(2);
        assertThat(load.query()).isEqualTo("LOAD DATA INFILE 'big_file.dat' INTO TABLE t3");
        assertThat(load.query().substring((int) load.startPos(), (int) load.endPos()))
                .contains("'big_file.dat'");
        assertThat(load.toString()).doesNotContain("big_file");
        assertThat(blocks.get(0).toString()).doesNotContain("Aarhus");
    }

    /** MySQL's bug#40482 file: an INCIDENT event with an incident number readers do not know (66), no message. */
    @Test
    void mysql51IncidentWithAnUnknownNumber() {
        List<BinlogEvent> events = readAll("enhancedformysql-mysql-8.0.40/mysql-test/std_data/bug40482-bin.000001");
        assertThat(only(events, IncidentEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.incident()).isEqualTo(66);
            assertThat(e.message()).isEmpty();
        });
    }

    /** MySQL 5.1.43 statement-based savepoint test: a relay log starting with ROTATE and a second FDE. */
    @Test
    void mysql51StatementBasedSavepoints() {
        List<BinlogEvent> events = readAll("enhancedformysql-mysql-8.0.40/mysql-test/std_data/binlog_savepoint.000001");
        assertThat(events).hasSize(12);
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        RotateEvent.class, r -> assertThat(r.nextBinlog()).isEqualTo("master-bin.000003"));
        assertThat(only(events, QueryEvent.class))
                .extracting(QueryEvent::query)
                .containsExactly(
                        "BEGIN",
                        "INSERT INTO db1.t1 VALUES(20)",
                        "SavePoint mixed_cases",
                        "INSERT INTO db1.t2 VALUES(\"in savepoint mixed_cases\")",
                        "INSERT INTO db1.t1 VALUES(40)",
                        "ROLLBACK TO mixed_cases",
                        "INSERT INTO db1.t2 VALUES(\"after rollback to\")",
                        "INSERT INTO db1.t1 VALUES(50)");
        assertThat(only(events, XidEvent.class))
                .singleElement()
                .extracting(XidEvent::xid)
                .isEqualTo(28L);
    }
}
