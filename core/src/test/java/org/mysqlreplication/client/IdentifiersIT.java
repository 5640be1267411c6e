package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Databases, tables and columns named with dots, spaces, quotes, a backslash, backticks, reserved words and
 * non-ASCII letters: the filters select them by their names, the information_schema lookup finds their columns
 * (under any sql_mode of the schema connection), and the rows come out under the names the server lists, with its
 * values.
 */
class IdentifiersIT {

    private static final String DB = "we.ird db";
    private static final String TABLE = "it's sel`ect";
    private static final String OTHER = "back\\slash";

    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @ValueSource(strings = {"NO_LOG", "FULL"})
    void oddNamesRoundTripThroughFiltersLookupsAndRows(String metadata) {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .binlogRowMetadata(metadata)
                .serverOption("sql_mode", "ANSI_QUOTES,NO_BACKSLASH_ESCAPES")
                .start()) {
            db.execute(
                    "CREATE DATABASE `we.ird db`",
                    "CREATE DATABASE `back\\slash`",
                    "CREATE TABLE `we.ird db`.`it's sel``ect` (`the id` INT PRIMARY KEY, `naïve ünicode` VARCHAR(10),"
                            + " `group` INT, `sélect.col` VARCHAR(5))",
                    "CREATE TABLE `back\\slash`.`it's sel``ect` (id INT PRIMARY KEY)",
                    "INSERT INTO `we.ird db`.`it's sel``ect` VALUES (1, 'ça va', 7, 'x.y')",
                    "INSERT INTO `back\\slash`.`it's sel``ect` VALUES (2)");
            List<String> names = db
                    .query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                            + " 'we.ird db' ORDER BY ORDINAL_POSITION")
                    .stream()
                    .map(r -> r.get(0))
                    .toList();
            List<String> values =
                    db.query("SELECT * FROM `we.ird db`.`it's sel``ect`").get(0);
            assertThat(names).containsExactly("the id", "naïve ünicode", "group", "sélect.col");

            for (BinLogStreamReaderConfig.Builder filter : List.of(
                    config(db).onlySchemas(DB),
                    config(db).onlyTables(DB + "." + TABLE),
                    config(db).ignoredSchemas(OTHER))) {
                List<BinlogEvent> events = readAll(filter.onlyEvents(TableMapEvent.class, WriteRowsEvent.class)
                        .build());
                assertThat(events)
                        .filteredOn(e -> e instanceof TableMapEvent)
                        .singleElement()
                        .satisfies(e -> assertThat(((TableMapEvent) e).schema() + "/" + ((TableMapEvent) e).table())
                                .isEqualTo(DB + "/" + TABLE));
                WriteRowsEvent w = (WriteRowsEvent) events.stream()
                        .filter(e -> e instanceof WriteRowsEvent)
                        .findFirst()
                        .orElseThrow();
                Row row = w.rows().get(0);
                for (int i = 0; i < names.size(); i++) {
                    assertThat(row.columnName(i)).isEqualTo(names.get(i));
                    assertThat(String.valueOf(row.get(names.get(i)))).isEqualTo(values.get(i));
                }
                assertThat(w.dump()).contains("* naïve ünicode : ça va");
            }
            List<BinlogEvent> only = readAll(config(db)
                    .onlyTables(OTHER + "." + TABLE)
                    .onlyEvents(WriteRowsEvent.class)
                    .build());
            assertThat(only).singleElement().satisfies(e -> {
                assertThat(((WriteRowsEvent) e).table().database()).isEqualTo(OTHER);
                // looked up by a name with a backslash, under NO_BACKSLASH_ESCAPES
                assertThat(((WriteRowsEvent) e).rows().get(0).columnName(0)).isEqualTo("id");
            });
        }
    }
}
