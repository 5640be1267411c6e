package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

/**
 * Binary JSON documents written out by hand from the format comment in MySQL's sql-common/json_binary.h, and the
 * text MySQL prints for them (wrapper_to_string in sql-common/json_dom.cc: ", " and ": " separators, stored key
 * order). Offsets in the comments count from a container's count field, as in the format.
 */
class MysqlJsonTest {

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String text(String hex) {
        return MysqlJson.decode(hex(hex)).text();
    }

    @Test
    void smallObjectWithInlinedIntAndNestedArray() {
        String doc = "00" // small object
                + "0200 1E00" // 2 members, 30 bytes
                + "1200 0100" + "1300 0100" // keys at 18 and 19, 1 byte each
                + "05 0100" // "a": int16 1, inlined
                + "02 1400" // "b": small array at 20
                + "61 62" // "a" "b"
                + "0200 0A00 05 0100 05 0200"; // [1, 2]: 2 elements, 10 bytes
        assertThat(text(doc)).isEqualTo("{\"a\": 1, \"b\": [1, 2]}");
    }

    @Test
    void largeArrayInlinesInt32() {
        String doc = "03" // large array
                + "03000000 19000000" // 3 elements, 25 bytes
                + "05 01000000" // int16 1, inlined (4-byte slot)
                + "0C 17000000" // string at 23
                + "07 90EEFEFF" // int32 -70000, inlined in the large format
                + "01 78"; // "x"
        assertThat(text(doc)).isEqualTo("[1, \"x\", -70000]");
    }

    @Test
    void largeObject() {
        String doc = "01" // large object
                + "01000000 14000000" // 1 member, 20 bytes
                + "13000000 0100" // key at 19, 1 byte
                + "04 02000000" // literal false, inlined
                + "6B"; // "k"
        assertThat(text(doc)).isEqualTo("{\"k\": false}");
    }

    @Test
    void smallArrayWithValuesAfterTheHeader() {
        String doc = "02"
                + "0500 2200" // 5 elements, 34 bytes
                + "04 0000" // null
                + "04 0100" // true
                + "07 1300" // int32 at 19: not inlined in the small format
                + "0B 1700" // double at 23
                + "0C 1F00" // string at 31
                + "C0BDF0FF" // -1000000
                + "000000000000F83F" // 1.5
                + "02 C3A9"; // "é"
        assertThat(text(doc)).isEqualTo("[null, true, -1000000, 1.5, \"é\"]");
    }

    @Test
    void emptyContainers() {
        assertThat(text("00 0000 0400")).isEqualTo("{}");
        assertThat(text("02 0000 0400")).isEqualTo("[]");
        assertThat(text("01 00000000 08000000")).isEqualTo("{}");
        assertThat(text("03 00000000 08000000")).isEqualTo("[]");
    }

    @Test
    void topLevelScalars() {
        assertThat(text("04 00")).isEqualTo("null");
        assertThat(text("04 01")).isEqualTo("true");
        assertThat(text("04 02")).isEqualTo("false");
        assertThat(text("05 FFFF")).isEqualTo("-1");
        assertThat(text("06 FFFF")).isEqualTo("65535");
        assertThat(text("07 00000080")).isEqualTo("-2147483648");
        assertThat(text("08 FFFFFFFF")).isEqualTo("4294967295");
        assertThat(text("09 0000000000000080")).isEqualTo("-9223372036854775808");
        assertThat(text("0A FFFFFFFFFFFFFFFF")).isEqualTo("18446744073709551615");
        assertThat(text("0A FFFFFFFFFFFFFF7F")).isEqualTo("9223372036854775807");
        assertThat(text("0B 000000000000F03F")).isEqualTo("1.0"); // a double prints with ".0"
        assertThat(text("0B 9A9999999999B93F")).isEqualTo("0.1");
        assertThat(text("0C 00")).isEqualTo("\"\"");
    }

    @Test
    void stringLengthTakesSevenBitsPerByte() {
        String a128 = "61".repeat(128);
        // 128 = 0x80: low 7 bits 0 with the "more" bit, then 1
        assertThat(text("0C 8001" + a128)).isEqualTo("\"" + "a".repeat(128) + "\"");
        String a16384 = "61".repeat(16384);
        // 16384 = 2^14: 0x80 0x80 0x01
        assertThat(text("0C 808001" + a16384)).hasSize(16386);
    }

    @Test
    void stringsAreEscapedAsMysqlDoes() {
        // " \ newline tab 0x01 0x1F 0x7F / é 😀
        byte[] s = "\"\\\n\t\u0001\u001f\u007f/é😀".getBytes(StandardCharsets.UTF_8);
        byte[] doc = new byte[2 + s.length];
        doc[0] = 0x0C;
        doc[1] = (byte) s.length;
        System.arraycopy(s, 0, doc, 2, s.length);
        assertThat(MysqlJson.decode(doc).text()).isEqualTo("\"\\\"\\\\\\n\\t\\u0001\\u001f\u007f/é😀\"");
        assertThat(text("0C 04 08 0C 0D 0B")).isEqualTo("\"\\b\\f\\r\\u000b\"");
    }

    @Test
    void aRealReplacementCharacterIsNoError() {
        assertThat(text("0C 03 EFBFBD")).isEqualTo("\"\uFFFD\"");
    }

    @Test
    void keysAreEscapedToo() {
        // {"a\"b": 1}
        assertThat(text("00 0100 0E00 0B00 0300 05 0100 61 22 62")).isEqualTo("{\"a\\\"b\": 1}");
    }

    @Test
    void opaqueDecimalIsUnquotedWithItsScale() {
        // DECIMAL(3,2): precision 3, scale 2; 1 integer digit in 1 byte, 2 fraction digits in 1 byte (decimal.cc)
        assertThat(text("0F F6 04 03 02 8332")).isEqualTo("3.50");
        assertThat(text("0F F6 04 03 02 7EE6")).isEqualTo("-1.25"); // negative: every byte inverted
        assertThat(text("0F F6 04 03 02 8000")).isEqualTo("0.00");
    }

    @Test
    void opaqueTemporalsAreQuotedWithSixFractionDigits() {
        // 8-byte packed longlongs (my_time.h): ((year*13+month)<<5|day)<<17 | hour<<12|minute<<6|second, << 24 |
        // microseconds; a TIME: (hour<<12|minute<<6|second) << 24 | microseconds, negated when negative
        assertThat(text("0F 0C 08 00000019761f9519")).isEqualTo("\"2015-01-15 23:24:25.000000\"");
        assertThat(text("0F 07 08 00000019761f9519")).isEqualTo("\"2015-01-15 23:24:25.000000\"");
        assertThat(text("0F 0A 08 00000000001e9519")).isEqualTo("\"2015-01-15\"");
        assertThat(text("0F 0C 08 55f8068310fe6319")).isEqualTo("\"1999-12-31 01:02:03.456789\"");
        assertThat(text("0F 0B 08 e05ef8e689feffff")).isEqualTo("\"-23:24:25.500000\"");
        assertThat(text("0F 0B 08 000000fb6e340000")).isEqualTo("\"838:59:59.000000\"");
    }

    @Test
    void otherOpaqueValuesAreBase64WithTheirFieldType() {
        assertThat(text("0F FC 02 6162")).isEqualTo("\"base64:type252:YWI=\""); // BLOB "ab"
        assertThat(text("0F FD 01 78")).isEqualTo("\"x\""); // VAR_STRING prints as a string
        assertThat(text("0F 0F 00")).isEqualTo("\"base64:type15:\"");
        // 60 bytes -> 80 base64 characters: MySQL's base64_encode puts a newline after 76
        String sixty = "00".repeat(60);
        assertThat(text("0F FC 3C" + sixty)).isEqualTo("\"base64:type252:" + "A".repeat(76) + "\\n" + "AAAA\"");
    }

    @Test
    void emptyDocumentIsTheNullLiteral() {
        MysqlJson empty = MysqlJson.decode(new byte[0]);
        assertThat(empty.text()).isEqualTo("null");
        assertThat(empty.binary()).isEmpty();
    }

    @Test
    void unusedBytesAfterTheDocumentAreIgnored() {
        // partial updates leave free space: bytes no entry points to
        assertThat(text("02 0100 0900 05 0700 EEEE")).isEqualTo("[7]");
        assertThat(text("05 0100 EE")).isEqualTo("1");
    }

    @Test
    void readConsumesTheValueAndKeepsTheBytes() {
        ByteReader in = ByteReader.of(hex("04 01 99"));
        MysqlJson json = MysqlJson.read(in, 2);
        assertThat(in.remaining()).isEqualTo(1);
        assertThat(json.text()).isEqualTo("true");
        assertThat(json.toString()).isEqualTo("true");
        assertThat(json.binary()).isEqualTo(hex("0401"));
        assertThat(json).isEqualTo(MysqlJson.decode(hex("0401"))).hasSameHashCodeAs(MysqlJson.decode(hex("0401")));
        assertThat(json).isNotEqualTo(MysqlJson.decode(hex("0402")));
    }

    @Test
    void binaryIsACopy() {
        byte[] doc = hex("04 01");
        MysqlJson json = MysqlJson.decode(doc);
        doc[1] = 2;
        json.binary()[1] = 2;
        assertThat(json.binary()).isEqualTo(hex("0401"));
        assertThat(json.text()).isEqualTo("true");
    }
}
