package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;
import static org.mysqlreplication.value.Bytes.hex;
import static org.mysqlreplication.value.Bytes.withCollation;

import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReaderOverrunException;

class StringValuesTest {

    @Test
    void varcharHasOneByteLengthBelow256AndTwoFrom256() {
        assertThat(decodeAll("03 616263", withCollation(ColumnType.VARCHAR, 255, 45))).isEqualTo("abc");
        assertThat(decodeAll("0300 616263", withCollation(ColumnType.VARCHAR, 256, 45))).isEqualTo("abc");
        // "é€" in UTF-8: C3 A9 E2 82 AC
        assertThat(decodeAll("05 C3A9E282AC", withCollation(ColumnType.VARCHAR, 40, 45))).isEqualTo("é€");
    }

    @Test
    void unknownCollationIsUtf8ForVarcharAndChar() {
        assertThat(decodeAll("02 C3A9", def(ColumnType.VARCHAR, 10))).isEqualTo("é");
        assertThat(decodeAll("02 C3A9", def(ColumnType.STRING, 0xFE0A))).isEqualTo("é");
    }

    @Test
    void binaryCollationGivesBytes() {
        assertThat(decodeAll("03 00FF10", withCollation(ColumnType.VARCHAR, 10, 63))).isEqualTo(hex("00FF10"));
        assertThat(decodeAll("02 0001", withCollation(ColumnType.STRING, 0xFE10, 63))).isEqualTo(hex("0001"));
    }

    @Test
    void charUsesTwoByteLengthAbove255Bytes() {
        // CHAR(100) utf8mb4: 400 bytes max, metadata EE 90 (see ColumnMetadataTest)
        assertThat(decodeAll("0200 6869", withCollation(ColumnType.STRING, 0xEE90, 45))).isEqualTo("hi");
        assertThat(decodeAll("02 6869", withCollation(ColumnType.STRING, 0xFEFF, 45))).isEqualTo("hi");
    }

    @Test
    void latin1IsMysqlsCp1252IncludingItsUndefinedBytes() {
        // 0x80 = EURO SIGN in cp1252, 0xE9 = é, 0x81 is undefined in cp1252 and MySQL maps it to U+0081
        assertThat(decodeAll("03 80E981", withCollation(ColumnType.VARCHAR, 10, 8))).isEqualTo("€é\u0081");
    }

    @Test
    void otherCharsetsDecodeWithTheirCollation() {
        // ucs2 (35) is big-endian UTF-16: U+00E9 U+0041; utf16le (56): U+0041
        assertThat(decodeAll("04 00E90041", withCollation(ColumnType.VARCHAR, 20, 35))).isEqualTo("éA");
        assertThat(decodeAll("02 4100", withCollation(ColumnType.VARCHAR, 20, 56))).isEqualTo("A");
        // gbk (28): 0xD6D0 = 中
        assertThat(decodeAll("02 D6D0", withCollation(ColumnType.VARCHAR, 20, 28))).isEqualTo("中");
    }

    @Test
    void invalidBytesForTheCharsetAreAnErrorNotReplacementCharacters() {
        assertThatThrownBy(() -> decodeAll("02 C328", withCollation(ColumnType.VARCHAR, 10, 45)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("UTF-8")
                .hasMessageNotContaining("C328");
    }

    @Test
    void aGenuineReplacementCharacterInTheDataIsKept() {
        // U+FFFD encoded in UTF-8 is EF BF BD: valid input, so it must come back, not raise
        assertThat(decodeAll("04 41EFBFBD", withCollation(ColumnType.VARCHAR, 10, 45))).isEqualTo("A\uFFFD");
    }

    @Test
    void lengthBeyondInputIsAnOverrunBeforeAllocation() {
        assertThatThrownBy(() -> decodeAll("FF 6162", withCollation(ColumnType.VARCHAR, 255, 45)))
                .isInstanceOf(ByteReaderOverrunException.class);
        assertThatThrownBy(() -> decodeAll("FFFFFFFF 6162", def(ColumnType.BLOB, 4)))
                .isInstanceOf(ByteReaderOverrunException.class);
    }

    @Test
    void blobIsBytesUnlessATextCollationIsKnown() {
        assertThat(decodeAll("03 616263", def(ColumnType.BLOB, 1))).isEqualTo(hex("616263"));
        assertThat(decodeAll("0300 616263", def(ColumnType.BLOB, 2))).isEqualTo(hex("616263"));
        assertThat(decodeAll("030000 616263", def(ColumnType.BLOB, 3))).isEqualTo(hex("616263"));
        assertThat(decodeAll("03000000 616263", withCollation(ColumnType.BLOB, 4, 63))).isEqualTo(hex("616263"));
        assertThat(decodeAll("0200 C3A9", withCollation(ColumnType.BLOB, 2, 45))).isEqualTo("é");
        assertThatThrownBy(() -> decodeAll("00", def(ColumnType.BLOB, 5)))
                .isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void geometryAndJsonAreRawBytesVectorIsFloats() {
        // POINT(1 2) with SRID 0: 4-byte SRID, then WKB (byte order 01, type 1, x, y)
        String point = "00000000 01 01000000 000000000000F03F 0000000000000040";
        byte[] stored = hex(point);
        assertThat(decodeAll("19000000" + point, def(ColumnType.GEOMETRY, 4))).isEqualTo(stored);
        assertThat(decodeAll("02000000 0000", def(ColumnType.JSON, 4))).isEqualTo(hex("0000"));
        assertThat(decodeAll("08000000 0000803F 000000C0", def(ColumnType.VECTOR, 4)))
                .isEqualTo(new float[] {1.0f, -2.0f});
    }
}
