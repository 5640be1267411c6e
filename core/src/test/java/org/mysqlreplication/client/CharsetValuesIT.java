package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.value.Collations;
import org.mysqlreplication.value.UndecodedText;

/**
 * Every character set the server has decodes, checked against the server's own conversion: each byte of each
 * single-byte charset (armscii8, dec8, geostd8, hp8, keybcs2 and swe7 have no Java charset and use our tables)
 * is stored in a column of that charset and the decoded binlog value is compared with
 * {@code SELECT CONVERT(v USING utf8mb4)}; a byte the server converts to {@code ?} or U+FFFD must come out as an
 * {@link UndecodedText} of invalid bytes, never as an error. The multi-byte charsets get one sample text each.
 */
class CharsetValuesIT {

    private static final String SAMPLE = "Aé€ßЖΩ中日한😀";

    private static LocalMariaDb db;
    private static List<String> singleByte;
    private static List<String> multiByte;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().binlogRowMetadata("FULL").start();
        singleByte = new ArrayList<>();
        multiByte = new ArrayList<>();
        for (List<String> row : db.query("SELECT CHARACTER_SET_NAME, MAXLEN FROM information_schema.CHARACTER_SETS"
                + " WHERE CHARACTER_SET_NAME <> 'binary' ORDER BY 1")) {
            (row.get(1).equals("1") ? singleByte : multiByte).add(row.get(0));
        }
        List<String> sql = new ArrayList<>(List.of("SET SESSION sql_mode = ''", "CREATE DATABASE cs"));
        for (String cs : singleByte) {
            sql.add("CREATE TABLE cs." + cs + " (id INT PRIMARY KEY, v VARCHAR(10) CHARACTER SET " + cs + ")");
            StringBuilder insert = new StringBuilder("INSERT INTO cs." + cs + " VALUES ");
            for (int b = 0x20; b <= 0xFF; b++) {
                insert.append(b == 0x20 ? "" : ", ").append(String.format("(%d, _%s x'%02X')", b, cs, b));
            }
            sql.add(insert.toString());
        }
        for (String cs : multiByte) {
            sql.add("CREATE TABLE cs." + cs + " (id INT PRIMARY KEY, v VARCHAR(40) CHARACTER SET " + cs + ")");
            sql.add("INSERT INTO cs." + cs + " VALUES (1, CONVERT(_utf8mb4 x'"
                    + HexFormat.of().formatHex(SAMPLE.getBytes(StandardCharsets.UTF_8)) + "' USING " + cs + "))");
        }
        db.execute(sql.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** Every collation id the server lists is known, with the same charset, and has a decoder. */
    @Test
    void everyCollationOfTheServerIsKnownWithItsCharset() {
        List<List<String>> collations = db.query(
                "SELECT ID, COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLLATIONS ORDER BY ID");
        assertThat(collations).hasSizeGreaterThan(300);
        for (List<String> c : collations) {
            if (c.get(0) == null) {
                continue; // a collation listed without an id (not one a column can have in a binlog)
            }
            int id = Integer.parseInt(c.get(0));
            assertThat(Collations.mysqlCharsetNameOf(id))
                    .as("%s %s", id, c.get(1))
                    .isEqualTo(c.get(2));
            if (id != Collations.BINARY) {
                assertThat(Collations.charsetOf(id)).as("%s %s", id, c.get(1)).isNotNull();
            }
        }
    }

    @Test
    void everyByteOfEverySingleByteCharsetDecodesAsTheServerConvertsIt() {
        assertThat(singleByte).contains("armscii8", "dec8", "geostd8", "hp8", "keybcs2", "swe7", "latin1");
        Map<String, List<Row>> rows = rowsByTable();
        int undefined = 0;
        List<String> wrong = new ArrayList<>();
        for (String cs : singleByte) {
            List<List<String>> expected =
                    db.query("SELECT id, HEX(v), HEX(CONVERT(v USING utf8mb4)) FROM cs." + cs + " ORDER BY id");
            List<Row> decoded = rows.get(cs);
            assertThat(decoded).as(cs).hasSize(expected.size()).hasSize(0x100 - 0x20);
            for (int i = 0; i < expected.size(); i++) {
                List<String> want = expected.get(i);
                Row row = decoded.get(i);
                assertThat(row.get("id")).isEqualTo(Integer.parseInt(want.get(0)));
                Object got = row.get("v");
                String text = utf8(want.get(2));
                if (text.equals("?") && !want.get(1).equals("3F") || text.equals("\uFFFD")) {
                    undefined++;
                    if (!(got instanceof UndecodedText u
                            && u.reason() == UndecodedText.Reason.INVALID_BYTES
                            && HexFormat.of()
                                    .withUpperCase()
                                    .formatHex(u.bytes())
                                    .equals(want.get(1)))) {
                        wrong.add(cs + " byte " + want.get(1) + ": the server has no character, decoded " + got);
                    }
                } else if (!text.equals(got)) {
                    wrong.add(cs + " byte " + want.get(1) + ": server " + text + " (U+"
                            + Integer.toHexString(text.codePointAt(0)) + "), decoded " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(undefined).as("bytes some charset leaves undefined").isGreaterThan(10);
    }

    @Test
    void aSampleTextInEveryMultiByteCharsetDecodesAsTheServerConvertsIt() {
        assertThat(multiByte).contains("utf8mb4", "ucs2", "utf16", "utf32", "sjis", "gbk", "big5", "ujis");
        Map<String, List<Row>> rows = rowsByTable();
        for (String cs : multiByte) {
            String expected = utf8(db.query("SELECT HEX(CONVERT(v USING utf8mb4)) FROM cs." + cs)
                    .get(0)
                    .get(0));
            assertThat(expected).as(cs).startsWith("A");
            assertThat(rows.get(cs).get(0).get("v")).as(cs).isEqualTo(expected);
        }
    }

    private static Map<String, List<Row>> rowsByTable() {
        Map<String, List<Row>> rows = new HashMap<>();
        readAll(config(db).onlyEvents(WriteRowsEvent.class).build())
                .forEach(e -> rows.computeIfAbsent(((WriteRowsEvent) e).table().table(), t -> new ArrayList<>())
                        .addAll(((WriteRowsEvent) e).rows()));
        return rows;
    }

    private static String utf8(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
