package org.mysqlreplication.value;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;

/**
 * Fuzz target: NEWDECIMAL values ({@link DecimalValues}), as {@link ValueDecoderFuzzTest} reads them.
 * Seeds: {@code strings/decimal.cc}'s documented example and values of {@code DecimalValuesTest}.
 */
class DecimalValuesFuzzTest {

    /** 256 KiB + 64 bytes per input byte: a value of a few bytes is a few small objects and its text. */
    private static final FuzzContract CONTRACT = new FuzzContract("DECIMAL values", 256 << 10, 64);

    /** NEWDECIMAL: precision, scale, unsigned (low bit), then values. */
    @MethodSource("decimalSeeds")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void decimal(byte[] input) {
        if (input.length < 3) {
            return;
        }
        int meta = (input[0] & 0xFF) << 8 | input[1] & 0xFF;
        ColumnDef def = new ColumnDef(
                ColumnType.NEWDECIMAL, meta, (input[2] & 1) != 0, ColumnDef.UNKNOWN_COLLATION, List.of(), List.of());
        CONTRACT.check(input.length, () -> ValueDecoderFuzzTest.values(def, input, 3));
    }

    static Stream<byte[]> decimalSeeds() {
        return Stream.of(
                // DECIMAL(14,4) 1234567890.1234 and its negative (decimal.cc's example)
                Bytes.hex("0E0400 810DFB38D204D2"),
                Bytes.hex("0E0400 7EF204C72DFB2D"),
                // DECIMAL(5,2) 1.50 and 0.00, twice in a row
                Bytes.hex("050200 800132 800000"),
                // DECIMAL(65,30): 35 integer digits (8 + 3 groups), 30 fraction digits (3 groups + 3)
                Bytes.hex("411E00 80" + "00".repeat(28)));
    }
}
