package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Ids and names as a MariaDB 10.11.19 server reports them in information_schema.COLLATION_CHARACTER_SET_APPLICABILITY
 * (read on 2026-11-24): 8 latin1_swedish_ci, 11 ascii_general_ci, 28 gbk_chinese_ci, 33 utf8mb3_general_ci,
 * 35 ucs2_general_ci, 45 utf8mb4_general_ci, 54 utf16_general_ci, 56 utf16le_general_ci, 60 utf32_general_ci,
 * 63 binary, 95 cp932_japanese_ci, 224 utf8mb4_unicode_ci, 1057 utf8mb3_general_nopad_ci,
 * 2304 utf8mb4_uca1400_ai_ci, 3271 utf32_uca1400_croatian_nopad_as_cs; and MySQL 8.0's 255 utf8mb4_0900_ai_ci,
 * 248 gb18030_chinese_ci (Connector/J's collation list).
 */
class CollationsTest {

    @Test
    void idsMapToTheirCharsets() {
        assertThat(Collations.charsetOf(8)).isEqualTo(Charset.forName("windows-1252"));
        assertThat(Collations.charsetOf(11)).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(Collations.charsetOf(28)).isEqualTo(Charset.forName("GBK"));
        assertThat(Collations.charsetOf(33)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOf(35)).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(Collations.charsetOf(45)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOf(54)).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(Collations.charsetOf(56)).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(Collations.charsetOf(60)).isEqualTo(Charset.forName("UTF-32BE"));
        assertThat(Collations.charsetOf(95)).isEqualTo(Charset.forName("windows-31j"));
        assertThat(Collations.charsetOf(224)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOf(1057)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOf(2304)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOf(3271)).isEqualTo(Charset.forName("UTF-32BE"));
        assertThat(Collations.charsetOf(255)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOf(248)).isEqualTo(Charset.forName("GB18030"));
        assertThat(Collations.mysqlCharsetNameOf(8)).isEqualTo("latin1");
        assertThat(Collations.mysqlCharsetNameOf(3271)).isEqualTo("utf32");
    }

    @Test
    void binaryHasNoCharset() {
        assertThat(Collations.charsetOf(63)).isNull();
        assertThat(Collations.charsetOfName("binary")).isNull();
    }

    @Test
    void unknownIdsAndCharsetsAreTypedErrors() {
        assertThatThrownBy(() -> Collations.charsetOf(-1))
                .isInstanceOf(UnknownCollationException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Collations.charsetOf(5000)).isInstanceOf(UnknownCollationException.class);
        assertThatThrownBy(() -> Collations.charsetOf(252)).isInstanceOf(UnknownCollationException.class);
        assertThatThrownBy(() -> Collations.charsetOfName("klingon"))
                .isInstanceOf(UnknownCollationException.class)
                .hasMessageContaining("dec8"); // the list of known names includes those with our own tables
    }

    @Test
    void namesAsInformationSchemaReportsThem() {
        assertThat(Collations.charsetOfName("utf8mb4")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOfName("utf8mb3")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOfName("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Collations.charsetOfName("latin1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(Collations.charsetOfName("ascii")).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(Collations.charsetOfName("ucs2")).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(Collations.charsetOfName("utf16")).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(Collations.charsetOfName("utf16le")).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(Collations.charsetOfName("utf32")).isEqualTo(Charset.forName("UTF-32BE"));
        assertThat(Collations.charsetOfName("cp1250")).isEqualTo(Charset.forName("windows-1250"));
        assertThat(Collations.charsetOfName("gbk")).isEqualTo(Charset.forName("GBK"));
        assertThat(Collations.charsetOfName("big5")).isEqualTo(Charset.forName("Big5"));
        assertThat(Collations.charsetOfName("sjis")).isEqualTo(Charset.forName("Shift_JIS"));
        assertThat(Collations.charsetOfName("ujis")).isEqualTo(Charset.forName("EUC-JP"));
        assertThat(Collations.charsetOfName("euckr")).isEqualTo(Charset.forName("EUC-KR"));
        assertThat(Collations.charsetOfName("koi8r")).isEqualTo(Charset.forName("KOI8-R"));
    }

    @Test
    void everyCharsetTheServerListsHasADecoder() {
        // information_schema.CHARACTER_SETS on MariaDB 10.11.19: 41 charsets.
        String[] serverCharsets = {
            "armscii8",
            "ascii",
            "big5",
            "binary",
            "cp1250",
            "cp1251",
            "cp1256",
            "cp1257",
            "cp850",
            "cp852",
            "cp866",
            "cp932",
            "dec8",
            "eucjpms",
            "euckr",
            "gb2312",
            "gbk",
            "geostd8",
            "greek",
            "hebrew",
            "hp8",
            "keybcs2",
            "koi8r",
            "koi8u",
            "latin1",
            "latin2",
            "latin5",
            "latin7",
            "macce",
            "macroman",
            "sjis",
            "swe7",
            "tis620",
            "ucs2",
            "ujis",
            "utf16",
            "utf16le",
            "utf32",
            "utf8mb3",
            "utf8mb4"
        };
        for (String name : serverCharsets) {
            if (!name.equals("binary")) {
                assertThat(Collations.charsetOfName(name)).as(name).isNotNull();
            }
        }
    }

    /**
     * The charsets with our own tables, one byte each from their definitions (sql/share/charsets/*.xml):
     * dec8 0xD7 is U+0152, keybcs2 0x80 U+010C, swe7 0x5B U+00C4 (it reuses ASCII punctuation), armscii8 0xB2
     * U+0531; greek 0xA1 U+02BD where Java's ISO-8859-7 has U+2018; a byte with no character is malformed.
     */
    @Test
    void ownTablesFollowTheServersDefinitions() throws Exception {
        assertThat(decode("dec8", 0xD7)).isEqualTo("\u0152");
        assertThat(decode("keybcs2", 0x80)).isEqualTo("\u010C");
        assertThat(decode("swe7", 0x5B)).isEqualTo("\u00C4");
        assertThat(decode("armscii8", 0xB2)).isEqualTo("\u0531");
        assertThat(decode("greek", 0xA1)).isEqualTo("\u02BD");
        assertThat(Collations.charsetOf(3)).isSameAs(Collations.charsetOfName("dec8")); // dec8_swedish_ci
        assertThatThrownBy(() -> decode("dec8", 0xA4)).isInstanceOf(java.nio.charset.CharacterCodingException.class);
        assertThat(new String(new byte[] {'a', (byte) 0xD7}, Collations.charsetOfName("dec8")))
                .isEqualTo("a\u0152");
        assertThat("\u0152".getBytes(Collations.charsetOfName("dec8"))).containsExactly(0xD7);
    }

    private static String decode(String charset, int b) throws java.nio.charset.CharacterCodingException {
        return Collations.charsetOfName(charset)
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(new byte[] {(byte) b}))
                .toString();
    }
}
