package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.client.ColumnValuesIT.Column;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.value.ColumnType;

/**
 * MariaDB's own fractional TIME/DATETIME/TIMESTAMP format (the only one of MariaDB 5.3 to 10.0, and what a
 * current server writes with {@code mysql56_temporal_format=OFF}): old type codes and no metadata in TABLE_MAP,
 * so the precision comes from information_schema. Values compared with the server's SELECT.
 */
class MariadbOldTemporalIT {

    static final List<Column> COLUMNS = List.of(
            new Column("t0", "TIME", "t0", 0),
            new Column("t3", "TIME(3)", "t3", 3),
            new Column("t6", "TIME(6)", "t6", 6),
            new Column("d2", "DATETIME(2)", "d2", 2),
            new Column("d6", "DATETIME(6)", "d6", 6),
            new Column("s1", "TIMESTAMP(1) NULL", "s1", 1),
            new Column("s6", "TIMESTAMP(6) NULL", "s6", 6));

    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @ValueSource(strings = {"NO_LOG", "FULL"})
    void mariadbFractionalTemporalsDecodeWithThePrecisionFromTheServer(String metadata) {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("mysql56_temporal_format", "OFF")
                .binlogRowMetadata(metadata)
                .start()) {
            db.execute(
                    "CREATE DATABASE old",
                    "CREATE TABLE old.t (id INT PRIMARY KEY, t0 TIME, t3 TIME(3), t6 TIME(6), d2 DATETIME(2),"
                            + " d6 DATETIME(6), s1 TIMESTAMP(1) NULL, s6 TIMESTAMP(6) NULL)",
                    "INSERT INTO old.t VALUES (1, '-838:59:59', '-12:34:56.789', '00:00:00.000001',"
                            + " '2024-02-29 13:14:15.67', '1000-01-01 00:00:00.000001', '1970-01-01 00:00:01.5',"
                            + " '2038-01-19 03:14:07.999999')",
                    "INSERT INTO old.t VALUES (2, '838:59:59', '-00:00:00.001', '-838:59:58.999999',"
                            + " '9999-12-31 23:59:59.99', '2001-02-03 04:05:06.070809', '2020-06-30 12:00:00.9',"
                            + " '2001-02-03 04:05:06.000007')");
            List<List<String>> expected = db.query("SELECT t0, t3, t6, d2, d6, s1, s6 FROM old.t ORDER BY id");

            List<BinlogEvent> events =
                    readAll(config(db).onlyEvents(WriteRowsEvent.class).build());
            List<Row> rows = events.stream()
                    .flatMap(e -> ((WriteRowsEvent) e).rows().stream())
                    .toList();
            assertThat(rows).hasSize(2);
            // the server wrote its own format: the old type codes (not TIME2/DATETIME2/TIMESTAMP2)
            assertThat(rows.get(0).table().columns().stream()
                            .skip(1)
                            .map(col -> col.def().type())
                            .toList())
                    .containsExactly(
                            ColumnType.TIME,
                            ColumnType.TIME,
                            ColumnType.TIME,
                            ColumnType.DATETIME,
                            ColumnType.DATETIME,
                            ColumnType.TIMESTAMP,
                            ColumnType.TIMESTAMP);
            for (int r = 0; r < rows.size(); r++) {
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Column c = COLUMNS.get(i);
                    assertThat(ColumnValuesIT.asServerText(rows.get(r).get(c.name()), c))
                            .as("row %d column %s", r + 1, c.name())
                            .isEqualTo(expected.get(r).get(i));
                }
            }
        }
    }
}
