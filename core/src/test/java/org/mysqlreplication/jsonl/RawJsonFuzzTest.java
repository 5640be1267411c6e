package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.jsonl.RawRowLinesTest.BytesRow;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.ValueLengths;

/**
 * Fuzz target, differential: a value written as JSON from its bytes (the path of lazy rows, {@code Row.raw}) is
 * the JSON of the same value decoded first, or both fail with the same message; and so is the {@code old} of an
 * update from each value to the next (which compares bytes). The input: a column type code, its metadata (2 bytes
 * little-endian), flags (bit 0 unsigned, bits 1-3 the collation), then values of that column one after another,
 * each delimited as the rows decoder delimits a lazy row's values ({@link ValueLengths}); the first that cannot be
 * delimited ends the input. {@link RawRowLinesTest} does the same on random values of the types the raw path writes.
 *
 * <p>Held to the exceptions only (a difference is an {@link AssertionError}, which escapes as a finding): what the
 * writers allocate is bounded in {@code EventDecoderFuzzTest}, which writes every event as JSON.
 */
class RawJsonFuzzTest {

    private static final FuzzContract CONTRACT = new FuzzContract("raw JSON", 256 << 10, 2048);

    /** unknown, binary, utf8mb4, utf8mb3, latin1, utf8mb4_0900_ai_ci, gbk, utf16. */
    private static final int[] COLLATIONS = {ColumnDef.UNKNOWN_COLLATION, 63, 45, 33, 8, 255, 28, 54};

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void rawBytesWriteTheDecodedValuesJson(byte[] input) {
        if (input.length < 4) {
            return;
        }
        ColumnType type = ColumnType.ofCode(input[0] & 0xFF);
        if (type == null) {
            return;
        }
        int meta = (input[1] & 0xFF) | (input[2] & 0xFF) << 8;
        int flags = input[3] & 0xFF;
        ColumnDef def = new ColumnDef(type, meta, (flags & 1) != 0, COLLATIONS[flags >> 1 & 7], List.of(), List.of());
        CONTRACT.checkExceptionsOnly(() -> compare(def, values(def, input)));
    }

    /** The values of {@code def} in {@code input[4..]}, each as the bytes that hold it. */
    private static List<byte[]> values(ColumnDef def, byte[] input) {
        List<byte[]> values = new ArrayList<>();
        ByteReader in = ByteReader.of(input, 4, input.length - 4);
        try {
            int fixed = ValueLengths.fixed(def);
            while (in.hasRemaining() && values.size() < 64) {
                int from = in.arrayOffset();
                if (fixed >= 0) {
                    if (fixed == 0) {
                        break;
                    }
                    in.skip(fixed);
                } else {
                    ValueLengths.skipVariable(in, def);
                }
                values.add(Arrays.copyOfRange(input, from, in.arrayOffset()));
            }
        } catch (RuntimeException cannotBeDelimited) {
            // a lazy row's event with such a value fails as it is decoded: no row to write
        }
        return values;
    }

    private static void compare(ColumnDef def, List<byte[]> values) {
        TableSchema t = RawRowLinesTest.table(new ColumnDef[] {def});
        byte[] previous = null;
        for (byte[] v : values) {
            BytesRow raw = new BytesRow(t, new byte[][] {v}, true);
            BytesRow decoded = new BytesRow(t, new byte[][] {v}, false);
            String hex = HexFormat.of().formatHex(v);
            assertThat(RawRowLinesTest.outcome(() -> RawRowLinesTest.line(raw)))
                    .as("%s, value %s", def, hex)
                    .isEqualTo(RawRowLinesTest.outcome(() -> RawRowLinesTest.line(decoded)));
            if (previous != null) {
                byte[] before = previous;
                assertThat(RawRowLinesTest.outcome(
                                () -> RawRowLinesTest.update(new BytesRow(t, new byte[][] {before}, true), raw)))
                        .as("%s, old of %s -> %s", def, HexFormat.of().formatHex(before), hex)
                        .isEqualTo(RawRowLinesTest.outcome(
                                () -> RawRowLinesTest.update(new BytesRow(t, new byte[][] {before}, false), decoded)));
            }
            previous = v;
        }
    }

    static Stream<byte[]> seeds() {
        return Stream.of(
                HexFormat.of().parseHex("0f" + "f000" + "04" + "03616263" + "04c3a9e282ac"), // VARCHAR utf8mb4
                HexFormat.of().parseHex("0f" + "f000" + "08" + "02e9ff" + "02222f"), // VARCHAR latin1
                HexFormat.of().parseHex("fe" + "f0fe" + "04" + "03f09f9880"), // CHAR(60) utf8mb4
                HexFormat.of().parseHex("fc" + "0200" + "04" + "0300227b7d"), // TEXT, 2-byte length
                HexFormat.of().parseHex("f6" + "020c" + "00" + "800002" + "7ffffd"), // DECIMAL(12,2)
                HexFormat.of().parseHex("12" + "0600" + "00" + "8000000000000000" + "99a5c2a27b0f4240"), // DATETIME2(6)
                HexFormat.of().parseHex("11" + "0300" + "00" + "5fee6600" + "0001" + "000000000000"), // TIMESTAMP2(3)
                HexFormat.of().parseHex("08" + "0000" + "01" + "ffffffffffffffff" + "0100000000000000"), // BIGINT
                HexFormat.of().parseHex("05" + "0800" + "00" + "000000000000f03f" + "0000000000000080"), // DOUBLE
                HexFormat.of().parseHex("04" + "0400" + "00" + "cdcccc3d" + "00000080")); // FLOAT
    }
}
