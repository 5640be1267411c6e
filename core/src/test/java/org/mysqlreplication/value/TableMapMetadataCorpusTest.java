package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ColumnMetadata#read} over every TABLE_MAP event of the real binlog fixtures: it must consume
 * exactly the metadata block the server declared (checked in {@link FixtureBinlogs.TableMap#read}), and the
 * values must be in the ranges the servers write (fsp 0..6, length widths 1..4, scale <= precision, STRING
 * real types ENUM/SET/STRING).
 */
class TableMapMetadataCorpusTest {

    @Test
    void everyTableMapMetadataBlockIsConsumedExactly() {
        assumeTrue(FixtureBinlogs.present(), "fixture folder absent");
        Map<ColumnType, Integer> columns = new EnumMap<>(ColumnType.class);
        int[] tableMaps = {0};
        FixtureBinlogs.forEachEvent(e -> {
            if (e.type() != 19) {
                return;
            }
            tableMaps[0]++;
            FixtureBinlogs.TableMap map;
            try {
                map = FixtureBinlogs.TableMap.read(e.body(), e.postHeader());
            } catch (RuntimeException | AssertionError x) {
                throw new AssertionError(e.where() + ": " + x.getMessage(), x);
            }
            for (int i = 0; i < map.types().length && map.hasMetadata(); i++) {
                columns.merge(map.types()[i], 1, Integer::sum);
                checkRange(e.where(), map.types()[i], map.meta()[i]);
            }
        });
        assertThat(tableMaps[0]).isGreaterThan(100);
        assertThat(columns)
                .containsKeys(
                        ColumnType.NEWDECIMAL,
                        ColumnType.DATETIME2,
                        ColumnType.TIMESTAMP2,
                        ColumnType.STRING,
                        ColumnType.VARCHAR,
                        ColumnType.BLOB,
                        ColumnType.BIT,
                        ColumnType.JSON);
    }

    private static void checkRange(String where, ColumnType type, int meta) {
        String what = where + ": " + type + " metadata 0x" + Integer.toHexString(meta);
        switch (type) {
            case TIME2, DATETIME2, TIMESTAMP2 -> assertThat(meta).as(what).isBetween(0, 6);
            case BLOB, GEOMETRY, JSON, VECTOR -> assertThat(meta).as(what).isBetween(1, 4);
            case NEWDECIMAL ->
                assertThat(ColumnMetadata.decimalScale(meta))
                        .as(what)
                        .isLessThanOrEqualTo(ColumnMetadata.decimalPrecision(meta));
            case BIT -> assertThat(meta & 0xFF).as(what).isLessThanOrEqualTo(7);
            case STRING ->
                assertThat(ColumnMetadata.realType(type, meta))
                        .as(what)
                        .isIn(ColumnType.STRING, ColumnType.ENUM, ColumnType.SET);
            default -> {}
        }
    }
}
