package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.InvalidColumnValueException;

/**
 * JSON partial updates over bytes built from the layout in sql/json_diff.cc ({@code Json_diff::write_binary}:
 * operation byte, length-encoded path, length-encoded binary JSON value unless the operation removes) and
 * json_binary.h for the values (literal type 0x04: 0x01 true, 0x02 false; int16 type 0x05).
 */
class JsonPartialUpdateTest {

    private static JsonPartialUpdate read(String hex, int width) {
        ByteReader in = ByteReader.of(HexFormat.of().parseHex(hex));
        JsonPartialUpdate u = JsonPartialUpdate.read(in, width);
        assertThat(in.remaining()).as("bytes left").isZero();
        return u;
    }

    @Test
    void replaceInsertAndRemoveInOrder() {
        // 4-byte length 0x16 = 22: REPLACE $.a true (8), INSERT $.b 7 as int16 (9), REMOVE $.c (5)
        JsonPartialUpdate u =
                read("16000000" + "00" + "03242e61" + "020401" + "01" + "03242e62" + "03050700" + "02" + "03242e63", 4);
        assertThat(u.diffs())
                .containsExactly(
                        new JsonDiff(JsonDiff.Operation.REPLACE, "$.a", MysqlJson.decode(new byte[] {4, 1})),
                        new JsonDiff(JsonDiff.Operation.INSERT, "$.b", MysqlJson.decode(new byte[] {5, 7, 0})),
                        new JsonDiff(JsonDiff.Operation.REMOVE, "$.c", null));
        assertThat(u.sql("doc")).isEqualTo("JSON_REMOVE(JSON_INSERT(JSON_REPLACE(doc, '$.a', true), '$.b', 7), '$.c')");
    }

    @Test
    void aPathWithAQuoteIsEscapedInTheSql() {
        JsonPartialUpdate u = read("0a" + "00" + "05242e2227" + "22" + "020402", 1);
        assertThat(u.diffs().get(0).path()).isEqualTo("$.\"'\"");
        assertThat(u.sql("d")).isEqualTo("JSON_REPLACE(d, '$.\"\\'\"', false)");
    }

    @Test
    void brokenLayoutsAreTypedErrorsThatNameWhat() {
        assertThatThrownBy(() -> read("05" + "03" + "03242e61", 1))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("operation 3");
        assertThatThrownBy(() -> read("04" + "00" + "09242e61", 1))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("path of 9 bytes");
        assertThatThrownBy(() -> read("07" + "00" + "03242e61" + "0504", 1))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("value of 5 bytes");
        assertThatThrownBy(() -> read("00", 1))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("no change");
        assertThatThrownBy(() -> read("09" + "00", 1))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("partial update of 9 bytes");
    }

    @Test
    void aPrefixWidthOutsideOneToFourIsATypedError() {
        // found by EventDecoderFuzzTest: a PARTIAL_UPDATE_ROWS_EVENT whose TABLE_MAP gives the JSON column
        // metadata 12 ended in an IllegalArgumentException of the byte reader
        assertThatThrownBy(() -> read("0a" + "00" + "05242e2227" + "22" + "020402", 12))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("length prefix width (metadata) must be 1..4, found 12");
        assertThatThrownBy(() -> read("", 0))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("found 0");
    }
}
