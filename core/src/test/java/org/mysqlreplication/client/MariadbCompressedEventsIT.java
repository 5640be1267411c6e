package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ColumnValuesIT.asServerText;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.client.ColumnValuesIT.Column;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * A MariaDB with {@code log_bin_compress=ON} writes its row images and statements compressed (event types
 * 165-171). Read over the network and from the binlog file on disk, they decode into the same events as
 * uncompressed ones, whose values equal the server's own SELECT after each statement; the server's
 * {@code SHOW BINLOG EVENTS} confirms that each of them really was compressed.
 */
class MariadbCompressedEventsIT {

    static final List<Column> COLUMNS = List.of(
            new Column("name", "VARCHAR(300) CHARACTER SET utf8mb4"),
            new Column("amount", "DECIMAL(12,2)"),
            new Column("created", "DATETIME(3)", "created", 3),
            new Column("note", "TEXT CHARACTER SET latin1"),
            new Column("data", "BLOB", "HEX(data)", 0),
            new Column("flag", "ENUM('on','off')"),
            new Column("ratio", "DOUBLE"));

    /** SHOW BINLOG EVENTS' names of the compressed event types. */
    private static final Map<String, EventType> SHOWN = Map.of(
            "Query_compressed", EventType.MARIADB_QUERY_COMPRESSED_EVENT,
            "Write_rows_compressed_v1", EventType.MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1,
            "Update_rows_compressed_v1", EventType.MARIADB_UPDATE_ROWS_COMPRESSED_EVENT_V1,
            "Delete_rows_compressed_v1", EventType.MARIADB_DELETE_ROWS_COMPRESSED_EVENT_V1);

    private static final String STATEMENT = "INSERT INTO c.t (id, name) VALUES (10, REPEAT('statement ', 20))";

    @Test
    void compressedEventsDecodeToWhatTheServerSelects() {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .binlogRowMetadata("FULL")
                .serverOption("log_bin_compress", "ON")
                .serverOption("log_bin_compress_min_len", "10")
                .start()) {
            StringBuilder create = new StringBuilder("CREATE TABLE c.t (id INT PRIMARY KEY");
            COLUMNS.forEach(
                    c -> create.append(", ").append(c.name()).append(' ').append(c.type()));
            db.execute(
                    "CREATE DATABASE c",
                    create.append(')').toString(),
                    "INSERT INTO c.t VALUES (1, REPEAT('ü€😀a', 60), 1234567890.12, '2024-02-29 13:14:15.678',"
                            + " REPEAT('crème ', 50), x'00FF10DEADBEEF', 'on', 2.5),"
                            + " (2, 'short', -0.01, '1999-12-31 23:59:59.999', 'x', x'', 'off', -1.25e300),"
                            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            List<List<String>> inserted = select(db);
            db.execute("UPDATE c.t SET name = CONCAT(IFNULL(name, ''), '!'), amount = amount * 2 WHERE id <= 2");
            List<List<String>> updated = select(db);
            db.execute("DELETE FROM c.t WHERE id >= 2");
            db.execute("SET SESSION binlog_format = 'STATEMENT'", STATEMENT);
            List<List<String>> shown = db.query("SHOW BINLOG EVENTS");

            List<BinlogEvent> network = readAll(config(db).build());
            assertCompressedAsShown(network, shown);
            assertValues(network, inserted, updated);
            assertValues(readAll(config(db).lazyRows(true).build()), inserted, updated);

            List<BinlogEvent> file = new ArrayList<>();
            try (BinlogFileReader r =
                    new BinlogFileReader(db.binlogDir().resolve(shown.get(0).get(0)))) {
                r.forEach(file::add);
            }
            assertCompressedAsShown(file, shown);
            assertValues(file, inserted, updated);
        }
    }

    private static List<List<String>> select(LocalMariaDb db) {
        StringBuilder sql = new StringBuilder("SELECT id");
        COLUMNS.forEach(c -> sql.append(", ").append(c.select()));
        return db.query(sql.append(" FROM c.t ORDER BY id").toString());
    }

    /** Every compressed event SHOW BINLOG EVENTS lists came out with its type, the statement with its text. */
    private static void assertCompressedAsShown(List<BinlogEvent> events, List<List<String>> shown) {
        Map<Long, EventType> compressed = new HashMap<>();
        String statementInfo = null;
        for (List<String> row : shown) {
            if (SHOWN.containsKey(row.get(2))) {
                compressed.put(Long.parseLong(row.get(4)), SHOWN.get(row.get(2)));
                statementInfo =
                        row.get(2).equals("Query_compressed") && row.get(5).contains("statement ")
                                ? row.get(5)
                                : statementInfo;
            }
        }
        assertThat(compressed.values()).containsAll(SHOWN.values());
        Map<Long, EventType> decoded = new HashMap<>();
        for (BinlogEvent e : events) {
            if (e.header().eventType() != e.header().eventType().uncompressed()) {
                decoded.put(e.header().logPos(), e.header().eventType());
            }
        }
        assertThat(decoded).isEqualTo(compressed);
        assertThat(events)
                .filteredOn(e -> e.header().eventType() == EventType.MARIADB_QUERY_COMPRESSED_EVENT)
                .map(e -> ((QueryEvent) e).query())
                .contains(STATEMENT)
                .contains(statementInfo);
    }

    private static void assertValues(
            List<BinlogEvent> events, List<List<String>> inserted, List<List<String>> updated) {
        List<Row> writes = new ArrayList<>();
        List<UpdateRow> updates = new ArrayList<>();
        List<Row> deletes = new ArrayList<>();
        for (BinlogEvent e : events) {
            if (e instanceof RowsEvent r) {
                assertThat(r.header().eventType())
                        .as("rows events are compressed")
                        .isNotEqualTo(r.header().eventType().uncompressed());
            }
            if (e instanceof WriteRowsEvent w) {
                writes.addAll(w.rows());
            } else if (e instanceof UpdateRowsEvent u) {
                updates.addAll(u.rows());
            } else if (e instanceof DeleteRowsEvent d) {
                deletes.addAll(d.rows());
            }
        }
        assertRows(writes, inserted);
        assertRows(updates.stream().map(UpdateRow::before).toList(), inserted.subList(0, 2));
        assertRows(updates.stream().map(UpdateRow::after).toList(), updated.subList(0, 2));
        assertRows(deletes, updated.subList(1, 3));
    }

    private static void assertRows(List<Row> rows, List<List<String>> expected) {
        assertThat(rows).hasSameSizeAs(expected);
        for (int r = 0; r < rows.size(); r++) {
            assertThat(rows.get(r).get("id").toString())
                    .isEqualTo(expected.get(r).get(0));
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                assertThat(asServerText(rows.get(r).get(c.name()), c))
                        .as("row %d %s", r, c.name())
                        .isEqualTo(expected.get(r).get(i + 1));
            }
        }
    }
}
