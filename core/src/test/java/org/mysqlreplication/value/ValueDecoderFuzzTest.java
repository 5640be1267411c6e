package org.mysqlreplication.value;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.io.ByteReader;

/**
 * Fuzz target: {@link ValueDecoder} over any column type, a column definition from the input's first bytes and
 * then as many values of that column as the rest holds, as a row has them one after another; each value made into
 * text as a dump does. {@link DecimalValuesFuzzTest} and {@link TemporalValuesFuzzTest} do the same for one family.
 * Seeds: values of the value tests' documented layouts.
 *
 * <p>Bound: 256 KiB + 2048 bytes per input byte: a double of 9 bytes is printed as MySQL prints it, the shortest
 * digits that read back found by trying shorter ones (Double.toString, BigDecimal, parsing): 6.4 KiB a document of
 * one double on average, 13.2 KiB at most, for its text and its tree, over 300,000 random doubles; a DECIMAL(65) of 30 bytes is
 * a BigInteger, a BigDecimal and their text.
 */
class ValueDecoderFuzzTest {

    static final FuzzContract CONTRACT = new FuzzContract("value decoding", 256 << 10, 2048);

    /** Collations a column may have: unknown, binary, utf8mb4, latin1, utf16, ucs2, sjis, gb18030. */
    private static final int[] COLLATIONS = {ColumnDef.UNKNOWN_COLLATION, 63, 45, 8, 54, 35, 13, 248};

    /**
     * Any column type: type code, metadata (2 bytes little-endian), flags (bit 0 unsigned, bits 1-3 the collation,
     * bits 4-5 how many ENUM and SET labels are known), then values.
     */
    @MethodSource("anySeeds")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void anyColumn(byte[] input) {
        if (input.length < 4) {
            return;
        }
        ColumnType type = ColumnType.ofCode(input[0] & 0xFF);
        if (type == null) {
            return;
        }
        int meta = (input[1] & 0xFF) | (input[2] & 0xFF) << 8;
        int flags = input[3] & 0xFF;
        List<String> labels =
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i").subList(0, 3 * (flags >> 4 & 3));
        ColumnDef def = new ColumnDef(type, meta, (flags & 1) != 0, COLLATIONS[flags >> 1 & 7], labels, labels);
        CONTRACT.check(input.length, () -> values(def, input, 4));
    }

    /** Decodes values of {@code def} from {@code input[from..]} to its end, each made into text. */
    static void values(ColumnDef def, byte[] input, int from) {
        ByteReader in = ByteReader.of(input, from, input.length - from);
        while (in.hasRemaining()) {
            int before = in.remaining();
            int width = ValueDecoder.lengthPrefixWidth(def);
            Object v = ValueDecoder.decode(in, def);
            String.valueOf(v);
            if (in.remaining() == before && width == 0) {
                return; // a value of no bytes (the NULL type): nothing more to read
            }
        }
    }

    static Stream<byte[]> anySeeds() {
        return Stream.of(
                Bytes.hex("0F 1400 04 03616263"), // VARCHAR(20) utf8mb4 'abc'
                Bytes.hex("FE 02F7 00 01"), // ENUM, 1-byte index
                Bytes.hex("FE 01F8 20 05"), // SET with labels, 1 byte
                Bytes.hex("10 0102 00 0102"), // BIT(9)
                Bytes.hex("FC 0200 02 0300 616263"), // BLOB, 2-byte length, binary collation
                Bytes.hex("F5 0400 00 02000000 0400"), // JSON, a literal
                Bytes.hex("08 0000 01 FFFFFFFFFFFFFFFF"), // unsigned BIGINT
                Bytes.hex("05 0800 00 000000000000F03F")); // DOUBLE 1.0
    }
}
