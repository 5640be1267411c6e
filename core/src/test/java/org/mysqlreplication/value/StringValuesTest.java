package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;
import static org.mysqlreplication.value.Bytes.hex;
import static org.mysqlreplication.value.Bytes.withCollation;

import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReaderOverrunException;
import org.mysqlreplication.value.json.MysqlJson;

class StringValuesTest {

    @Test
    void varcharHasOneByteLengthBelow256AndTwoFrom256() {
        assertThat(decodeAll("03 616263", withCollation(ColumnType.VARCHAR, 255, 45)))
                .isEqualTo("abc");
        assertThat(decodeAll("0300 616263", withCollation(ColumnType.VARCHAR, 256, 45)))
                .isEqualTo("abc");
        // "é€" in UTF-8: C3 A9 E2 82 AC
        assertThat(decodeAll("05 C3A9E282AC", withCollation(ColumnType.VARCHAR, 40, 45)))
                .isEqualTo("é€");
    }

    /** Without a known charset the bytes are not guessed at: C3 A9 is "é" in UTF-8 but "Ã©" in latin1. */
    @Test
    void unknownCollationGivesTheBytesMarkedUnknownForVarcharAndChar() {
        UndecodedText unknown =
                new UndecodedText(hex("C3A9"), ColumnDef.UNKNOWN_COLLATION, UndecodedText.Reason.UNKNOWN_CHARSET);
        assertThat(decodeAll("02 C3A9", def(ColumnType.VARCHAR, 10))).isEqualTo(unknown);
        assertThat(decodeAll("02 C3A9", def(ColumnType.STRING, 0xFE0A))).isEqualTo(unknown);
        // a collation id no server has (yet): known to be text, charset unknown
        assertThat(decodeAll("02 C3A9", withCollation(ColumnType.VARCHAR, 10, 4000)))
                .isEqualTo(new UndecodedText(hex("C3A9"), 4000, UndecodedText.Reason.UNKNOWN_CHARSET));
        // BLOB/TEXT of unknown collation stay plain bytes
        assertThat(decodeAll("02 C3A9", def(ColumnType.BLOB, 1))).isEqualTo(hex("C3A9"));
    }

    @Test
    void binaryCollationGivesBytes() {
        assertThat(decodeAll("03 00FF10", withCollation(ColumnType.VARCHAR, 10, 63)))
                .isEqualTo(hex("00FF10"));
    }

    /** BINARY(16): the server strips trailing 0x00 before writing; SELECT gives all 16 bytes back. */
    @Test
    void binaryCharIsPaddedBackToItsLengthWithZeros() {
        assertThat(decodeAll("02 0001", withCollation(ColumnType.STRING, 0xFE10, 63)))
                .isEqualTo(hex("0001 0000000000000000 000000000000"));
        assertThat(decodeAll("00", withCollation(ColumnType.STRING, 0xFE04, 63)))
                .isEqualTo(hex("00000000"));
    }

    @Test
    void charUsesTwoByteLengthAbove255Bytes() {
        // CHAR(100) utf8mb4: 400 bytes max, metadata EE 90 (see ColumnMetadataTest)
        assertThat(decodeAll("0200 6869", withCollation(ColumnType.STRING, 0xEE90, 45)))
                .isEqualTo("hi");
        assertThat(decodeAll("02 6869", withCollation(ColumnType.STRING, 0xFEFF, 45)))
                .isEqualTo("hi");
    }

    @Test
    void latin1IsMysqlsCp1252IncludingItsUndefinedBytes() {
        // 0x80 = EURO SIGN in cp1252, 0xE9 = é, 0x81 is undefined in cp1252 and MySQL maps it to U+0081
        assertThat(decodeAll("03 80E981", withCollation(ColumnType.VARCHAR, 10, 8)))
                .isEqualTo("€é\u0081");
    }

    @Test
    void latin1EveryByteAloneAndInTextIsCp1252() {
        // cp1252 (the JDK's windows-1252) for each byte; its five undefined bytes 81 8D 8F 90 9D stay themselves
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        StringBuilder all = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            String c = new String(new byte[] {(byte) b}, cp1252);
            String expected = c.equals("\uFFFD") ? String.valueOf((char) b) : c;
            all.append(expected);
            assertThat(decodeAll(String.format("01 %02X", b), withCollation(ColumnType.VARCHAR, 10, 8)))
                    .as("byte %02X", b)
                    .isEqualTo(expected);
        }
        assertThat(all.charAt(0x9F)).isEqualTo('\u0178'); // Ÿ
        assertThat(all.substring(0xA0))
                .isEqualTo(new String(
                        hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9"
                                + "BABBBCBDBEBFC0C1C2C3C4C5C6C7C8C9CACBCCCDCECFD0D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4E5E6E7E8E9EAEBEC"
                                + "EDEEEFF0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF"),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
        // text without 0x80..0x9F: "café ÿ!" ; with a 0x92 (RIGHT SINGLE QUOTATION MARK) at the end
        assertThat(decodeAll("07 636166E920FF21", withCollation(ColumnType.VARCHAR, 10, 8)))
                .isEqualTo("café ÿ!");
        assertThat(decodeAll("05 636166E992", withCollation(ColumnType.VARCHAR, 10, 8)))
                .isEqualTo("café\u2019");
    }

    @Test
    void otherCharsetsDecodeWithTheirCollation() {
        // ucs2 (35) is big-endian UTF-16: U+00E9 U+0041; utf16le (56): U+0041
        assertThat(decodeAll("04 00E90041", withCollation(ColumnType.VARCHAR, 20, 35)))
                .isEqualTo("éA");
        assertThat(decodeAll("02 4100", withCollation(ColumnType.VARCHAR, 20, 56)))
                .isEqualTo("A");
        // gbk (28): 0xD6D0 = 中
        assertThat(decodeAll("02 D6D0", withCollation(ColumnType.VARCHAR, 20, 28)))
                .isEqualTo("中");
    }

    /** Bytes not valid in the column's charset: the bytes and the reason, not U+FFFD and not an error. */
    @Test
    void invalidBytesForTheCharsetAreUndecodedTextNotReplacementCharacters() {
        UndecodedText v = (UndecodedText) decodeAll("02 C328", withCollation(ColumnType.VARCHAR, 10, 45));
        assertThat(v.bytes()).isEqualTo(hex("C328"));
        assertThat(v.reason()).isEqualTo(UndecodedText.Reason.INVALID_BYTES);
        assertThat(v.reasonText()).isEqualTo("not valid utf8mb4");
        assertThat(v.toString()).doesNotContain("C3").doesNotContain("c3").contains("2 byte(s)");
        // TEXT (BLOB family) with a known collation: the same
        assertThat(decodeAll("02 FF41", withCollation(ColumnType.BLOB, 1, 45)))
                .isEqualTo(new UndecodedText(hex("FF41"), 45, UndecodedText.Reason.INVALID_BYTES));
    }

    @Test
    void aGenuineReplacementCharacterInTheDataIsKept() {
        // U+FFFD encoded in UTF-8 is EF BF BD: valid input, so it must come back, not raise
        assertThat(decodeAll("04 41EFBFBD", withCollation(ColumnType.VARCHAR, 10, 45)))
                .isEqualTo("A\uFFFD");
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
        assertThat(decodeAll("03000000 616263", withCollation(ColumnType.BLOB, 4, 63)))
                .isEqualTo(hex("616263"));
        assertThat(decodeAll("0200 C3A9", withCollation(ColumnType.BLOB, 2, 45)))
                .isEqualTo("é");
        assertThatThrownBy(() -> decodeAll("00", def(ColumnType.BLOB, 5)))
                .isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void geometryIsRawBytesJsonIsDecodedVectorIsFloats() {
        // POINT(1 2) with SRID 0: 4-byte SRID, then WKB (byte order 01, type 1, x, y)
        String point = "00000000 01 01000000 000000000000F03F 0000000000000040";
        byte[] stored = hex(point);
        assertThat(decodeAll("19000000" + point, def(ColumnType.GEOMETRY, 4))).isEqualTo(stored);
        // JSON: MySQL's binary JSON, here the literal true (type 0x04, value 0x01)
        Object json = decodeAll("02000000 0401", def(ColumnType.JSON, 4));
        assertThat(json).isInstanceOf(MysqlJson.class).hasToString("true");
        assertThat(((MysqlJson) json).binary()).isEqualTo(hex("0401"));
        assertThat(decodeAll("08000000 0000803F 000000C0", def(ColumnType.VECTOR, 4)))
                .isEqualTo(new float[] {1.0f, -2.0f});
    }
}
