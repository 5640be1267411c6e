package org.mysqlreplication.value;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;

/**
 * Fuzz target: the temporal values, MySQL 5.6.4's TIME2/DATETIME2/TIMESTAMP2, the older DATE/TIME/DATETIME/TIMESTAMP
 * and MariaDB's fractional ones ({@link TemporalValues}, {@link LegacyTemporalValues},
 * {@link MariadbHiresTemporalValues}), as {@link ValueDecoderFuzzTest} reads them. Seeds: values of the
 * layouts of MySQL's "Date and Time Data Type Representation", as in {@code TemporalValuesTest}.
 */
class TemporalValuesFuzzTest {

    /** 256 KiB + 64 bytes per input byte: a value of a few bytes is a few small objects and its text. */
    private static final FuzzContract CONTRACT = new FuzzContract("temporal values", 256 << 10, 64);

    /** The temporal types, which the first input byte picks from. */
    private static final ColumnType[] TEMPORAL = {
        ColumnType.DATE,
        ColumnType.NEWDATE,
        ColumnType.TIME,
        ColumnType.DATETIME,
        ColumnType.TIMESTAMP,
        ColumnType.TIME2,
        ColumnType.DATETIME2,
        ColumnType.TIMESTAMP2,
        ColumnType.YEAR
    };

    /** A temporal type (index into {@link #TEMPORAL}), its metadata (fsp, or MariaDB's precision), then values. */
    @MethodSource("temporalSeeds")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void temporal(byte[] input) {
        if (input.length < 2) {
            return;
        }
        ColumnDef def = ColumnDef.of(TEMPORAL[(input[0] & 0xFF) % TEMPORAL.length], input[1] & 0xFF);
        CONTRACT.check(input.length, () -> ValueDecoderFuzzTest.values(def, input, 2));
    }

    static Stream<byte[]> temporalSeeds() {
        return Stream.of(
                Bytes.hex("0600 99A9085187"), // DATETIME2 2021-03-04 05:06:07
                Bytes.hex("0606 999DB6AE96 01E240"), // DATETIME2(6) 2017-09-27 10:58:22.123456
                Bytes.hex("0503 800000 0000"), // TIME2(3) 00:00:00.000
                Bytes.hex("0702 5A0E9C80 0C"), // TIMESTAMP2(2)
                Bytes.hex("0000 21B30F"), // DATE 2000-01-01 (1999 << 9 | 13 << 5... as stored little-endian)
                Bytes.hex("0300 80C8B4F3AE120000"), // DATETIME, the pre-5.6 decimal number
                Bytes.hex("0203 800000 0000"), // TIME with MariaDB's precision 3
                Bytes.hex("0800 79")); // YEAR 2021
    }
}
