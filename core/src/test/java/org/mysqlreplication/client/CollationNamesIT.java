package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.schema.Charsets;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.value.CollationNames;

/**
 * Collation and character set names (python's {@code column.collation_name}, {@code column.character_set_name})
 * against the local MariaDB's own lists: every collation id it has, and the columns of a table in collations of
 * every kind, read with and without full TABLE_MAP metadata, against its {@code information_schema.COLUMNS}.
 */
class CollationNamesIT {

    /** The five ids MariaDB names {@code *_croatian_mysql561_ci} where MySQL says {@code *_croatian_ci}. */
    private static final Set<Integer> NAMED_OTHERWISE = Set.of(122, 149, 181, 213, 245);

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void everyCollationIdOfTheServerHasItsName() {
        List<List<String>> ids = db.query("SELECT ID, FULL_COLLATION_NAME, CHARACTER_SET_NAME"
                + " FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY ORDER BY ID");
        assertThat(ids).hasSizeGreaterThan(1000); // 1..247, 576.., NO PAD 1025.., uca1400 2048..
        SoftAssertions soft = new SoftAssertions();
        for (List<String> row : ids) {
            int id = Integer.parseInt(row.get(0));
            soft.assertThat(CollationNames.mariadb(id)).as("id " + id).isEqualTo(row.get(1));
            soft.assertThat(Charsets.ofCollationId(id)).as("charset of " + id).isEqualTo(row.get(2));
            if (id < 248 && !NAMED_OTHERWISE.contains(id)) {
                soft.assertThat(CollationNames.mysql(id))
                        .as("MySQL's name of " + id)
                        .isEqualTo(row.get(1));
            }
        }
        // the ids of COLLATIONS itself (which lists uca1400 collations without an id) agree too
        for (List<String> row :
                db.query("SELECT ID, COLLATION_NAME FROM information_schema.COLLATIONS" + " WHERE ID IS NOT NULL")) {
            soft.assertThat(CollationNames.mariadb(Integer.parseInt(row.get(0))))
                    .as("COLLATIONS id " + row.get(0))
                    .isEqualTo(row.get(1));
        }
        soft.assertAll();
    }

    @Test
    void columnsCarryTheNamesOfInformationSchema() {
        db.execute(
                "CREATE DATABASE coll",
                "CREATE TABLE coll.t (id INT PRIMARY KEY,"
                        + " a VARCHAR(5) CHARACTER SET latin1,"
                        + " b VARCHAR(5) COLLATE utf8mb4_uca1400_ai_ci,"
                        + " c VARCHAR(5) COLLATE utf8mb3_croatian_mysql561_ci,"
                        + " d VARCHAR(5) COLLATE utf8mb3_croatian_ci,"
                        + " e TEXT COLLATE utf8mb4_nopad_bin,"
                        + " f CHAR(2) COLLATE ucs2_general_ci,"
                        + " g ENUM('x', 'y') COLLATE latin1_bin,"
                        + " h VARCHAR(5) COLLATE utf8mb4_uca1400_swedish_nopad_as_cs)",
                "INSERT INTO coll.t VALUES (1, 'a', 'b', 'c', 'd', 'e', 'f', 'x', 'h')",
                "SET GLOBAL binlog_row_metadata = FULL",
                "INSERT INTO coll.t VALUES (2, 'a', 'b', 'c', 'd', 'e', 'f', 'y', 'h')",
                "SET GLOBAL binlog_row_metadata = NO_LOG");
        List<List<String>> server = db.query("SELECT COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'coll' AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION");
        List<WriteRowsEvent> writes =
                readAll(config(db)
                                .onlyTables("coll.t")
                                .onlyEvents(WriteRowsEvent.class)
                                .build())
                        .stream()
                        .map(WriteRowsEvent.class::cast)
                        .toList();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1).table().columns().get(0).name()).isEqualTo("id"); // the FULL one named itself
        for (WriteRowsEvent w : writes) {
            List<ColumnSchema> columns = w.table().columns();
            assertThat(columns).hasSameSizeAs(server);
            for (int i = 0; i < columns.size(); i++) {
                assertThat(columns.get(i).collationName())
                        .as("column " + i)
                        .isEqualTo(server.get(i).get(0));
                assertThat(columns.get(i).characterSetName())
                        .as("column " + i)
                        .isEqualTo(server.get(i).get(1));
            }
        }
    }
}
