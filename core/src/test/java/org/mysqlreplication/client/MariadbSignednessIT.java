package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.client.ColumnValuesIT.Column;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * The SIGNEDNESS field of TABLE_MAP's optional metadata has one bit per numeric column, and MariaDB counts more
 * columns as numeric than MySQL does (every {@code Field_num}: YEAR too). A decoder that follows MySQL's list
 * shifts the bits after a YEAR column onto the wrong columns: {@code (2020, -1, 255)} in
 * {@code (y YEAR, a TINYINT, b TINYINT UNSIGNED)} came out as {@code a=255, b=-1}. Here every numeric-ish type,
 * signed and unsigned, in several column orders, is compared with the server's SELECT, with the signedness
 * from the event (FULL, MINIMAL) and, for contrast, from information_schema (NO_LOG).
 */
class MariadbSignednessIT {

    /** Every type that is or might be counted as numeric, each with a value whose bits differ when misread. */
    static final List<Column> TYPES = List.of(
            new Column("yr", "YEAR"), new Column("bt", "BIT(5)", "bt+0", 0),
            new Column("dc", "DECIMAL(10,2)"), new Column("dcu", "DECIMAL(10,2) UNSIGNED"),
            new Column("fl", "FLOAT"), new Column("flu", "FLOAT UNSIGNED"),
            new Column("db", "DOUBLE"), new Column("dbu", "DOUBLE UNSIGNED"),
            new Column("ti", "TINYINT"), new Column("tiu", "TINYINT UNSIGNED"),
            new Column("si", "SMALLINT"), new Column("siu", "SMALLINT UNSIGNED"),
            new Column("mi", "MEDIUMINT"), new Column("miu", "MEDIUMINT UNSIGNED"),
            new Column("i", "INT"), new Column("iu", "INT UNSIGNED"),
            new Column("bi", "BIGINT"), new Column("biu", "BIGINT UNSIGNED"),
            new Column("dt", "DATE"), new Column("vc", "VARCHAR(10)"));

    /** The value of each of {@link #TYPES}: -1 for signed integers, all bits set for unsigned ones. */
    static final List<String> VALUES = List.of(
            "2020",
            "b'10101'",
            "-12.50",
            "12.50",
            "-1.5",
            "1.5",
            "-2.25",
            "2.25",
            "-1",
            "255",
            "-1",
            "65535",
            "-1",
            "16777215",
            "-1",
            "4294967295",
            "-1",
            "18446744073709551615",
            "'2024-02-29'",
            "'x'");

    private static final List<LocalMariaDb> SERVERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (String metadata : List.of("FULL", "MINIMAL", "NO_LOG")) {
            LocalMariaDb db = LocalMariaDb.builder().binlogRowMetadata(metadata).start();
            SERVERS.add(db);
            List<String> statements = new ArrayList<>(List.of(
                    "CREATE DATABASE s",
                    "CREATE TABLE s.issue (y YEAR, a TINYINT, b TINYINT UNSIGNED)",
                    "INSERT INTO s.issue VALUES (2020, -1, 255)"));
            for (int order = 0; order < orders().size(); order++) {
                List<Integer> cols = orders().get(order);
                StringBuilder create = new StringBuilder("CREATE TABLE s.t" + order + " (");
                StringBuilder insert = new StringBuilder("INSERT INTO s.t" + order + " VALUES (");
                for (int k = 0; k < cols.size(); k++) {
                    Column c = TYPES.get(cols.get(k));
                    create.append(k == 0 ? "" : ", ")
                            .append(c.name())
                            .append(' ')
                            .append(c.type());
                    insert.append(k == 0 ? "" : ", ").append(VALUES.get(cols.get(k)));
                }
                statements.add(create.append(')').toString());
                statements.add(insert.append(')').toString());
            }
            db.execute(statements.toArray(String[]::new));
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.forEach(LocalMariaDb::close);
    }

    /** The column orders: as listed, reversed, YEAR and BIT between every integer pair, and four shuffles. */
    static List<List<Integer>> orders() {
        List<List<Integer>> orders = new ArrayList<>();
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            listed.add(i);
        }
        orders.add(listed);
        List<Integer> reversed = new ArrayList<>(listed);
        Collections.reverse(reversed);
        orders.add(reversed);
        for (long seed = 1; seed <= 4; seed++) {
            List<Integer> shuffled = new ArrayList<>(listed);
            Collections.shuffle(shuffled, new Random(seed));
            orders.add(shuffled);
        }
        return orders;
    }

    static Stream<String> metadata() {
        return Stream.of("FULL", "MINIMAL", "NO_LOG");
    }

    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @MethodSource("metadata")
    void integersKeepTheirSignWhateverTheColumnsAround(String metadata) {
        LocalMariaDb db = SERVERS.get(List.of("FULL", "MINIMAL", "NO_LOG").indexOf(metadata));
        List<Row> rows = new ArrayList<>();
        readAll(config(db).onlyEvents(WriteRowsEvent.class).build())
                .forEach(e -> rows.addAll(((WriteRowsEvent) e).rows()));
        assertThat(rows).hasSize(1 + orders().size());

        Row issue = rows.get(0);
        assertThat(List.of(issue.get(0), issue.get(1), issue.get(2)))
                .as("the issue's row")
                .isEqualTo(List.of(2020, -1, 255));

        for (int order = 0; order < orders().size(); order++) {
            List<Integer> cols = orders().get(order);
            List<String> selects = cols.stream().map(i -> TYPES.get(i).select()).toList();
            List<String> expected = db.query("SELECT " + String.join(", ", selects) + " FROM s.t" + order)
                    .get(0);
            Row row = rows.get(1 + order);
            List<String> names = cols.stream().map(i -> TYPES.get(i).name()).toList();
            for (int k = 0; k < cols.size(); k++) {
                Column c = TYPES.get(cols.get(k));
                assertThat(ColumnValuesIT.asServerText(row.get(k), c))
                        .as("table t%d %s column %d %s (%s)", order, names, k, c.name(), c.type())
                        .isEqualTo(expected.get(k));
            }
        }
    }
}
