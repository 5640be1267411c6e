package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TableMapOptionalMetadata;
import org.mysqlreplication.schema.*;
import org.mysqlreplication.value.ColumnType;

/**
 * The TABLE_MAP check over hand-made events whose metadata follows the servers' layout (documented in
 * ColumnMetadata): VARCHAR(10) utf8mb4 is 40 bytes, DECIMAL(12,2) is 0x0C02, an ENUM is STRING 0xF701.
 */
class TableMapCheckTest {

    private static final EventHeader H = new EventHeader(0, EventType.TABLE_MAP_EVENT, 19, 1, 50, 0, 0);

    private static TableMapEvent tableMap(List<ColumnType> types, int[] meta, TableMapOptionalMetadata opt) {
        return new TableMapEvent(H, 7, 0, "db", "t", types, meta, new BitSet(), opt);
    }

    private static TableDefinition table(String... columnTypes) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (int i = 0; i < columnTypes.length; i++) {
            String[] parts = columnTypes[i].split(" CHARSET ");
            columns.add(
                    ColumnDefinition.ofColumnType("c" + i, parts[0], parts.length > 1 ? parts[1] : null, null, true));
        }
        return new TableDefinition("db", "t", columns, List.of(), null, null);
    }

    private static SchemaMismatch check(TableMapEvent tm, TableDefinition d) {
        return TableMapCheck.check(tm, new TableMapSchemaResolver().resolve(tm), d, "the schema history");
    }

    private static final List<ColumnType> TYPES = List.of(
            ColumnType.LONG, ColumnType.VARCHAR, ColumnType.NEWDECIMAL, ColumnType.STRING, ColumnType.DATETIME2);
    private static final int[] META = {0, 40, 0x0C02, 0xF701, 3};

    @Test
    void theDefinitionOfTheSameTableAgrees() {
        TableMapEvent tm = tableMap(TYPES, META, TableMapOptionalMetadata.empty());
        TableDefinition d =
                table("int(11)", "varchar(10) CHARSET utf8mb4", "decimal(12,2)", "enum('a','b')", "datetime(3)");
        assertThat(check(tm, d)).isNull();
        TableSchema merged = TableMapCheck.merge(tm, new TableMapSchemaResolver().resolve(tm), d);
        assertThat(merged.columns()).extracting(ColumnSchema::name).containsExactly("c0", "c1", "c2", "c3", "c4");
        assertThat(merged.columns().get(3).def().enumValues()).containsExactly("a", "b");
        assertThat(org.mysqlreplication.value.Collations.mysqlCharsetNameOf(
                        merged.columns().get(1).def().collationId()))
                .isEqualTo("utf8mb4");
    }

    @Test
    void eachKindOfDifferenceIsFoundAtItsColumn() {
        TableMapEvent tm = tableMap(TYPES, META, TableMapOptionalMetadata.empty());
        assertThat(check(tm, table("int", "varchar(10) CHARSET latin1", "decimal(12,2)", "enum('a')", "datetime(3)")))
                .extracting(SchemaMismatch::column, SchemaMismatch::binlog)
                .containsExactly(2, "VARCHAR(40 bytes)");
        assertThat(check(tm, table("int", "varchar(10)", "decimal(12,3)", "enum('a')", "datetime(3)"))
                        .column())
                .isEqualTo(3);
        assertThat(check(tm, table("int", "varchar(10)", "decimal(12,2)", "set('a')", "datetime(3)"))
                        .column())
                .isEqualTo(4);
        assertThat(check(tm, table("int", "varchar(10)", "decimal(12,2)", "enum('a')", "datetime(6)"))
                        .column())
                .isEqualTo(5);
        assertThat(check(tm, table("bigint", "varchar(10)", "decimal(12,2)", "enum('a')", "datetime(3)"))
                        .binlog())
                .isEqualTo("LONG");
        SchemaMismatch count = check(tm, table("int", "varchar(10)"));
        assertThat(count.column()).isZero();
        assertThat(count.message())
                .contains(
                        "table db.t",
                        "5 column(s)",
                        "2 column(s)",
                        "the schema history",
                        "binlog_row_metadata=FULL",
                        "schema history");
    }

    @Test
    void signednessCharsetsNamesAndLabelsAreComparedWhereTheEventSaysThem() {
        BitSet unsigned = new BitSet();
        unsigned.set(0);
        TableMapOptionalMetadata opt = new TableMapOptionalMetadata(
                unsigned,
                null,
                Map.of(),
                List.of(45, 8),
                List.of("c0", "c1", "c2", "c3", "c4"),
                List.of(),
                List.of(List.of("a", "b")),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                List.of(),
                null,
                List.of(),
                List.of());
        TableMapEvent tm = tableMap(TYPES, META, opt);
        assertThat(check(
                                tm,
                                table(
                                        "int unsigned",
                                        "varchar(10) CHARSET utf8mb4",
                                        "decimal(12,2) unsigned",
                                        "enum('a','b')",
                                        "datetime(3)"))
                        .binlog())
                .isEqualTo("SIGNED"); // the decimal is signed
        assertThat(check(
                                tm,
                                table(
                                        "int",
                                        "varchar(10) CHARSET utf8mb4",
                                        "decimal(12,2)",
                                        "enum('a','b')",
                                        "datetime(3)"))
                        .binlog())
                .isEqualTo("UNSIGNED");
        assertThat(check(
                                tm,
                                table(
                                        "int unsigned",
                                        "varchar(10) CHARSET utf8mb4",
                                        "decimal(12,2)",
                                        "enum('a','c')",
                                        "datetime(3)"))
                        .column())
                .isEqualTo(4);
        assertThat(check(
                        tm,
                        table(
                                "int unsigned",
                                "varchar(10) CHARSET utf8mb4",
                                "decimal(12,2)",
                                "enum('a','b')",
                                "datetime(3)")))
                .isNull();
        TableDefinition renamed = new TableDefinition(
                "db",
                "t",
                List.of(
                        ColumnDefinition.ofColumnType("x", "int unsigned", null, null, true),
                        ColumnDefinition.ofColumnType("c1", "varchar(10)", "utf8mb4", null, true),
                        ColumnDefinition.ofColumnType("c2", "decimal(12,2)", null, null, true),
                        ColumnDefinition.ofColumnType("c3", "enum('a','b')", null, null, true),
                        ColumnDefinition.ofColumnType("c4", "datetime(3)", null, null, true)),
                List.of(),
                null,
                null);
        assertThat(check(tm, renamed).binlog()).isEqualTo("the name c0");
    }

    @Test
    void failOrPositionalNamesByPolicy() {
        TableMapEvent tm = tableMap(TYPES, META, TableMapOptionalMetadata.empty());
        TableSchema base = new TableMapSchemaResolver().resolve(tm);
        TableDefinition wrong = table("int", "int");
        assertThatThrownBy(() -> TableMapCheck.resolve(tm, base, wrong, "src", SchemaMismatchPolicy.FAIL, m -> {}))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("table db.t");
        List<SchemaMismatch> seen = new ArrayList<>();
        TableSchema positional =
                TableMapCheck.resolve(tm, base, wrong, "src", SchemaMismatchPolicy.POSITIONAL_NAMES, seen::add);
        assertThat(seen).hasSize(1);
        assertThat(positional.columns()).allSatisfy(c -> assertThat(c.name()).isNull());
    }

    @Test
    void mariadbTypesAndAliasesMapToWhatTheServerWrites() {
        // as a MariaDB 10.11 TABLE_MAP shows them: UUID and INET6 STRING(16), INET4 STRING(4), JSON BLOB(4),
        // POINT GEOMETRY(4), CHAR(100) utf8mb4 STRING 0xEE90 (400 bytes), BIT BIT(1), ENUM of 300 STRING 0xF702
        TableMapEvent tm = tableMap(
                List.of(
                        ColumnType.STRING,
                        ColumnType.STRING,
                        ColumnType.STRING,
                        ColumnType.BLOB,
                        ColumnType.GEOMETRY,
                        ColumnType.STRING,
                        ColumnType.BIT,
                        ColumnType.TINY),
                new int[] {0xFE10, 0xFE10, 0xFE04, 4, 4, 0xEE90, 1, 0},
                TableMapOptionalMetadata.empty());
        List<ColumnDefinition> columns = new ArrayList<>();
        String[] ddl = {"uuid", "inet6", "inet4", "json", "point", "char(100)", "bit", "bool"};
        for (String type : ddl) {
            columns.add(
                    ColumnDefinition.ofColumnType(type, type, type.startsWith("char") ? "utf8mb4" : null, null, true));
        }
        assertThat(check(tm, new TableDefinition("db", "t", columns, List.of(), null, null)))
                .isNull();
    }
}
