package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

class MariadbHiresTemporalValuesTest {

    /**
     * pingcap-tiflow/mysql-bin.000001 (MariaDB 10.0.17) holds its own DDL: t timestamp(3), t1 timestamp,
     * t2 timestamp(4), t3 like t1, t5 timestamp(1), t6 timestamp(4); each table gets one row whose TIMESTAMP
     * defaulted to CURRENT_TIMESTAMP, so it equals the WRITE_ROWS event's header timestamp (whole seconds).
     */
    @Test
    void tiflowFixtureTimestampsEqualTheirEventTimes() {
        assumeTrue(Files.isDirectory(FixtureBinlogs.FOLDER), "fixture folder absent");
        Map<String, Integer> precision = Map.of("t", 3, "t1", 0, "t2", 4, "t3", 0, "t5", 1, "t6", 4);
        Map<Long, FixtureBinlogs.TableMap> tables = new HashMap<>();
        List<String> checked = new ArrayList<>();
        FixtureBinlogs.forEachEvent(e -> {
            if (!e.file().toString().contains("pingcap-tiflow")) {
                return;
            }
            if (e.type() == 19) {
                FixtureBinlogs.TableMap map = FixtureBinlogs.TableMap.read(e.body(), e.postHeader());
                tables.put(map.tableId(), map);
            } else if (e.type() == 23) {
                ByteReader in = e.body();
                FixtureBinlogs.TableMap map = tables.get(in.readUintN(6));
                if (!precision.containsKey(map.table())) {
                    return;
                }
                in.skip(2 + 1 + 1 + 1); // flags, column count 2, present bitmap, null bitmap
                long eventTime = ByteReader.of(in.array(), e.offset(), 4).readUint32(); // header timestamp
                Object id = ValueDecoder.decode(in, def(ColumnType.LONG, 0));
                Object d = ValueDecoder.decode(in, def(ColumnType.TIMESTAMP, precision.get(map.table())));
                assertThat(in.remaining()).as(map.table()).isZero();
                assertThat(d).as("table %s id %s", map.table(), id).isEqualTo(Instant.ofEpochSecond(eventTime));
                checked.add(map.table());
            }
        });
        assertThat(checked).containsExactlyInAnyOrder("t", "t1", "t2", "t3", "t3", "t5", "t6");
    }

    @Test
    void timestampFractionIsShiftedToThePrecision() {
        // TIMESTAMP(3): 4-byte BE seconds, then micros / 1000 in 2 bytes: 0x007B = 123 -> .123
        assertThat(decodeAll("62826556 007B", def(ColumnType.TIMESTAMP, 3)))
                .isEqualTo(Instant.ofEpochSecond(0x62826556L, 123_000_000));
        // TIMESTAMP(6): 3 bytes of micros: 0x01E240 = 123456
        assertThat(decodeAll("62826556 01E240", def(ColumnType.TIMESTAMP, 6)))
                .isEqualTo(Instant.ofEpochSecond(0x62826556L, 123_456_000));
        assertThat(decodeAll("00000000 00", def(ColumnType.TIMESTAMP, 1)).toString())
                .isEqualTo("0000-00-00 00:00:00.0");
    }

    @Test
    void datetimeIsShiftedPackTime() {
        // DATETIME(6) 2022-05-16 14:53:10.123456: pack_time = (((((2022*13+5)*32+16)*24+14)*60+53)*60+10)
        // * 1000000 + 123456, stored in 8 bytes big-endian
        long packed = (((((2022L * 13 + 5) * 32 + 16) * 24 + 14) * 60 + 53) * 60 + 10) * 1_000_000 + 123_456;
        assertThat(decodeAll(String.format("%016X", packed), def(ColumnType.DATETIME, 6)))
                .isEqualTo(LocalDateTime.of(2022, 5, 16, 14, 53, 10, 123_456_000));
        // DATETIME(2): packed / 10^4 in 6 bytes
        assertThat(decodeAll(String.format("%012X", packed / 10_000), def(ColumnType.DATETIME, 2)))
                .isEqualTo(LocalDateTime.of(2022, 5, 16, 14, 53, 10, 120_000_000));
        assertThat(decodeAll("000000000000", def(ColumnType.DATETIME, 1)).toString())
                .isEqualTo("0000-00-00 00:00:00.0");
    }

    @Test
    void aDatetimeBeyondYear9999IsATypedError() {
        // found by TemporalValuesFuzzTest: 8 bytes of DATETIME(6) read as a negative long, and DATETIME(1)'s 6 bytes
        // times 10^5 beyond a long, ended in MysqlDateTime's IllegalArgumentException. The largest valid value is
        // 9999-12-31 23:59:59.999999, pack_time (((((9999*13+12)*32+31)*24+23)*60+59)*60+59) * 1000000 + 999999
        long max = (((((9999L * 13 + 12) * 32 + 31) * 24 + 23) * 60 + 59) * 60 + 59) * 1_000_000 + 999_999;
        assertThat(decodeAll(String.format("%016X", max), def(ColumnType.DATETIME, 6)))
                .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        for (String hex : List.of(String.format("%016X", max + 1), "FFFFFFFFFFFFFFFF")) {
            assertThatThrownBy(() -> decodeAll(hex, def(ColumnType.DATETIME, 6)))
                    .isInstanceOf(InvalidColumnValueException.class)
                    .hasMessageContaining("beyond year 9999");
        }
        assertThatThrownBy(() -> decodeAll("FFFFFFFFFFFF", def(ColumnType.DATETIME, 1)))
                .isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void timeIsOffsetByItsZeroPoint() {
        // TIME(6): zero point = (838:59:59 + 1 s) = 3020400 s = 3020400000000 us; stored in 6 bytes
        long zero = 3_020_400_000_000L;
        assertThat(decodeAll(String.format("%012X", zero), def(ColumnType.TIME, 6)))
                .isEqualTo(Duration.ZERO);
        assertThat(decodeAll(String.format("%012X", zero - 1_500_000), def(ColumnType.TIME, 6)))
                .isEqualTo(Duration.ofMillis(-1500));
        // TIME(1): 838:59:59.9 -> zero/10^5 + (3020399*10+9) in 4 bytes
        long v = zero / 100_000 + 30_203_999;
        assertThat(decodeAll(String.format("%08X", v), def(ColumnType.TIME, 1)))
                .isEqualTo(Duration.ofSeconds(3_020_399, 900_000_000));
    }
}
