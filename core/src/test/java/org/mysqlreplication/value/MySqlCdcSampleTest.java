package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

/**
 * The rusuly/MySqlCdc sample binlog (MySQL 5.7.23) and the SQL its repository says wrote it:
 * {@code values(123, 12345, 1234567, 123456789, 1234567890987654321, 12345.6789, 123456789.0987654321,
 * 1234567890112233445566778899001112223334445556667778889.9900011112, 'Asd234234 234234 zdfsfsdfsdf',
 * 'Hello world!', x'1234564534454534', '{"id": 1, "name": "John"}', x'152354', b'0111101101010101011110000111',
 * 'Medium', 'Red', 1989, '1985-10-23', '1988-11-27 14:12:13.345', '15:22:33.67', '1985-10-13 13:22:23.567')}
 * into a table of TINY, SHORT, INT24, INT, BIGINT, FLOAT, DOUBLE, DECIMAL(65,10), CHAR, VARCHAR, VARBINARY,
 * JSON, BLOB, BIT(28), ENUM('Low','Medium','High'), SET('Green','Yellow','Red'), YEAR, DATE, DATETIME(3),
 * TIME(2), TIMESTAMP(3). That insert is the file's third row (id 13).
 */
class MySqlCdcSampleTest {

    @Test
    void thirdRowEqualsTheInsertStatement() {
        assumeTrue(FixtureBinlogs.present(), "fixture folder absent");
        List<List<Object>> rows = new ArrayList<>();
        FixtureBinlogs.TableMap[] map = new FixtureBinlogs.TableMap[1];
        FixtureBinlogs.forEachEvent(e -> {
            if (!e.file().toString().contains("rusuly-MySqlCdc")) {
                return;
            }
            if (e.type() == 19) {
                map[0] = FixtureBinlogs.TableMap.read(e.body(), e.postHeader());
            } else if (e.type() == 30) {
                rows.add(row(e.body(), map[0], e.checksumLength()));
            }
        });
        assertThat(rows).hasSize(3);
        List<Object> r = rows.get(2);
        assertThat(r.subList(0, 9))
                .containsExactly(
                        13,
                        123,
                        12345,
                        1234567,
                        123456789,
                        1234567890987654321L,
                        12345.6789f,
                        123456789.0987654321d,
                        new BigDecimal("1234567890112233445566778899001112223334445556667778889.9900011112"));
        assertThat(r.get(9)).isEqualTo("Asd234234 234234 zdfsfsdfsdf");
        assertThat(r.get(10)).isEqualTo("Hello world!");
        assertThat(r.get(11)).isEqualTo(Bytes.hex("1234564534454534"));
        assertThat(r.get(13)).isEqualTo(Bytes.hex("152354"));
        BitSet bits = (BitSet) r.get(14);
        assertThat(bits.toLongArray()).containsExactly(Long.parseLong("0111101101010101011110000111", 2));
        assertThat(r.get(15)).isEqualTo("Medium");
        assertThat(r.get(16)).isEqualTo(Set.of("Red"));
        assertThat(r.subList(17, 21))
                .containsExactly(
                        1989,
                        LocalDate.of(1985, 10, 23),
                        LocalDateTime.of(1988, 11, 27, 14, 12, 13, 345_000_000),
                        Duration.parse("PT15H22M33.67S"));
        // '1985-10-13 13:22:23.567' was given in the session time zone, which the file does not record:
        // the instant must be that wall time at some whole-hour offset.
        Instant ts = (Instant) r.get(21);
        long offset = Duration.between(
                        ts,
                        LocalDateTime.of(1985, 10, 13, 13, 22, 23, 567_000_000).toInstant(ZoneOffset.UTC))
                .toMillis();
        assertThat(offset % 3_600_000).isZero();
        assertThat(Math.abs(offset)).isLessThanOrEqualTo(14 * 3_600_000L);
    }

    private static List<Object> row(ByteReader in, FixtureBinlogs.TableMap map, int checksum) {
        in.skip(6 + 2);
        in.skip(in.readUint16() - 2);
        int n = (int) in.readLenencInt();
        in.readBitmap(n);
        BitSet nulls = in.readBitmap(n);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(nulls.get(i) ? null : ValueDecoder.decode(in, def(map, i)));
        }
        assertThat(in.remaining()).isEqualTo(checksum);
        return values;
    }

    private static ColumnDef def(FixtureBinlogs.TableMap map, int i) {
        int collation = switch (i) {
            case 11, 13 -> ColumnDef.BINARY_COLLATION; // VARBINARY, BLOB
            case 12 -> ColumnDef.UNKNOWN_COLLATION; // JSON
            default -> 45; // utf8mb4_general_ci (the table's DEFAULT CHARSET=utf8mb4)
        };
        return new ColumnDef(
                map.types()[i],
                map.meta()[i],
                false,
                collation,
                List.of("Low", "Medium", "High"),
                List.of("Green", "Yellow", "Red"));
    }
}
