package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TableMapOptionalMetadata;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;

class TableMapSchemaResolverTest {

    private static final EventHeader H = new EventHeader(0, EventType.TABLE_MAP_EVENT, 19, 1, 50, 0, 0);
    private static final List<ColumnType> TYPES = List.of(
            ColumnType.LONGLONG,
            ColumnType.STRING,
            ColumnType.BLOB,
            ColumnType.STRING,
            ColumnType.TINY,
            ColumnType.STRING);
    /** BIGINT, CHAR(10) (real type STRING), TEXT, SET (real type SET, 1 byte), TINYINT, ENUM. */
    private static final int[] META = {0, 0xFE0A, 2, 0xF801, 0, 0xF701};

    private static TableMapEvent tableMap(TableMapOptionalMetadata opt) {
        BitSet nullable = new BitSet();
        nullable.set(1);
        return new TableMapEvent(H, 7, 0, "db", "t", TYPES, META, nullable, opt);
    }

    @Test
    void withoutOptionalMetadataNamesAndCharsetsAreUnknown() {
        TableSchema s = new TableMapSchemaResolver().resolve(tableMap(TableMapOptionalMetadata.empty()));
        assertThat(s.database()).isEqualTo("db");
        assertThat(s.columns()).hasSize(6).allSatisfy(c -> {
            assertThat(c.name()).isNull();
            assertThat(c.def().collationId()).isEqualTo(ColumnDef.UNKNOWN_COLLATION);
            assertThat(c.def().unsigned()).isFalse();
        });
        assertThat(s.columns().get(1).nullable()).isTrue();
        assertThat(s.columns().get(1).def().meta()).isEqualTo(0xFE0A);
        assertThat(s.primaryKey()).isEmpty();
    }

    @Test
    void perColumnCharsetsCountOnlyCharacterColumnsAndEnumSetOnlyTheirs() {
        BitSet signedness = new BitSet();
        signedness.set(1); // second numeric column (the TINYINT) unsigned
        TableMapOptionalMetadata opt = new TableMapOptionalMetadata(
                signedness,
                null,
                Map.of(),
                List.of(8, 63),
                List.of("id", "code", "body", "tags", "flag", "mood"),
                List.of(List.of("x", "y")),
                List.of(List.of("sad", "happy")),
                List.of(),
                List.of(),
                List.of(new TableMapOptionalMetadata.KeyPart(0, 0), new TableMapOptionalMetadata.KeyPart(1, 4)),
                null,
                Map.of(),
                List.of(33, 45),
                null,
                List.of(),
                List.of());
        TableSchema s = new TableMapSchemaResolver().resolve(tableMap(opt));
        assertThat(s.columns())
                .extracting(ColumnSchema::name)
                .containsExactly("id", "code", "body", "tags", "flag", "mood");
        assertThat(s.columns().get(0).def().unsigned()).isFalse();
        assertThat(s.columns().get(4).def().unsigned()).isTrue();
        assertThat(s.columns().get(1).def().collationId()).isEqualTo(8);
        assertThat(s.columns().get(2).def().collationId()).isEqualTo(63);
        assertThat(s.columns().get(3).def().collationId()).isEqualTo(33);
        assertThat(s.columns().get(3).def().setValues()).containsExactly("x", "y");
        assertThat(s.columns().get(5).def().collationId()).isEqualTo(45);
        assertThat(s.columns().get(5).def().enumValues()).containsExactly("sad", "happy");
        assertThat(s.primaryKey()).containsExactly(0, 1);
    }

    @Test
    void defaultCharsetWithOverrides() {
        TableMapOptionalMetadata opt = new TableMapOptionalMetadata(
                null,
                45,
                Map.of(1, 63),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(3),
                List.of(),
                8,
                Map.of(),
                List.of(),
                null,
                List.of(),
                List.of());
        TableSchema s = new TableMapSchemaResolver().resolve(tableMap(opt));
        assertThat(s.columns().get(1).def().collationId()).isEqualTo(45);
        assertThat(s.columns().get(2).def().collationId()).isEqualTo(63);
        assertThat(s.columns().get(3).def().collationId()).isEqualTo(8);
        assertThat(s.primaryKey()).containsExactly(3);
    }

    /**
     * GEOMETRY columns take a COLUMN_CHARSET entry (binary) like the character columns: a MariaDB 10.11 table
     * (c1 VARCHAR(3) latin1, pt POINT, t TEXT utf8mb4) gave COLUMN_CHARSET [8, 63, 45].
     */
    @Test
    void geometryColumnsCountAmongTheCharacterColumns() {
        TableMapOptionalMetadata opt = new TableMapOptionalMetadata(
                null,
                null,
                Map.of(),
                List.of(8, 63, 45),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                List.of(),
                null,
                List.of(),
                List.of());
        TableMapEvent tm = new TableMapEvent(
                H,
                7,
                0,
                "db",
                "t",
                List.of(ColumnType.VARCHAR, ColumnType.GEOMETRY, ColumnType.BLOB),
                new int[] {3, 4, 2},
                new BitSet(),
                opt);
        TableSchema s = new TableMapSchemaResolver().resolve(tm);
        assertThat(s.columns()).extracting(c -> c.def().collationId()).containsExactly(8, 63, 45);
    }

    /**
     * MariaDB's SIGNEDNESS bitmap has a bit for YEAR (MySQL's has none): in {@code (y YEAR, a TINYINT,
     * b TINYINT UNSIGNED)} MariaDB sets bit 2, MySQL would set bit 1. Each flavour's bitmap marks b only.
     */
    @Test
    void signednessBitsCountYearOnMariadbOnly() {
        List<ColumnType> types = List.of(ColumnType.YEAR, ColumnType.TINY, ColumnType.TINY);
        BitSet mariadbBits = new BitSet();
        mariadbBits.set(2);
        BitSet mysqlBits = new BitSet();
        mysqlBits.set(1);
        for (var c : List.of(Map.entry(ServerFlavor.MARIADB, mariadbBits), Map.entry(ServerFlavor.MYSQL, mysqlBits))) {
            TableMapOptionalMetadata opt = new TableMapOptionalMetadata(
                    c.getValue(),
                    null,
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    Map.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of());
            TableMapEvent tm = new TableMapEvent(H, 7, 0, "db", "t", types, new int[3], new BitSet(), opt);
            TableSchema s = new TableMapSchemaResolver().resolve(tm, c.getKey());
            assertThat(s.columns())
                    .extracting(col -> col.def().unsigned())
                    .as("%s", c.getKey())
                    .containsExactly(false, false, true);
        }
    }

    /**
     * Both servers give a GEOMETRY column a COLUMN_CHARSET entry (its binary charset): MariaDB's
     * {@code Field_geom::binlog_type_info()} passes one, and MySQL's {@code is_character_type} (its binlog event
     * library, which its mysqlbinlog reads the metadata by) lists MYSQL_TYPE_GEOMETRY, "base class is blob for geom
     * type". In {@code (g GEOMETRY, c CHAR(1) utf8mb4)} both write [63, 45].
     */
    @Test
    void charsetEntriesCountGeometryOnBothServers() {
        List<ColumnType> types = List.of(ColumnType.GEOMETRY, ColumnType.STRING);
        int[] meta = {4, 0xFE04};
        for (var c : List.of(
                Map.entry(ServerFlavor.MARIADB, List.of(63, 45)), Map.entry(ServerFlavor.MYSQL, List.of(63, 45)))) {
            TableMapOptionalMetadata opt = new TableMapOptionalMetadata(
                    null,
                    null,
                    Map.of(),
                    c.getValue(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    Map.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of());
            TableMapEvent tm = new TableMapEvent(H, 7, 0, "db", "t", types, meta, new BitSet(), opt);
            TableSchema s = new TableMapSchemaResolver().resolve(tm, c.getKey());
            assertThat(s.columns().get(1).def().collationId())
                    .as("%s", c.getKey())
                    .isEqualTo(45);
        }
    }
}
