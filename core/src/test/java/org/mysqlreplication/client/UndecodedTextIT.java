package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.value.UndecodedText;

/**
 * Text that cannot become a {@link String} comes out as an {@link UndecodedText} with the bytes the server
 * stored (checked against its {@code SELECT HEX(...)}) and the reason, is counted, and never ends the stream:
 * the rows after it are read as usual.
 *
 * <ul>
 * <li>A charset the reader cannot know ({@code binlog_row_metadata=NO_LOG}): a binlog file read from disk, a
 *     table dropped before it is read over the network, a replication user without SELECT. A latin1
 *     {@code café} used to end the stream as invalid UTF-8.</li>
 * <li>A utf8mb4 column holding bytes Java's UTF-8 decoder rejects (UTF-8-encoded surrogates, which MariaDB's
 *     utf8mb4 accepts, as in python-mysql-replication's {@code test_ignore_decode_errors}), with the charset
 *     known from FULL metadata, eager and lazy rows.</li>
 * </ul>
 */
class UndecodedTextIT {

    /** The rows of each table: an ASCII row, the hard one, an ASCII row after it. */
    private static final String LATIN1_ROWS = "(1, 'plain'), (2, 'café'), (3, 'after')";
    /** {@code ?? Some} with U+D83D U+DC4D (a surrogate pair) each encoded on its own in 3 bytes. */
    private static final String SURROGATES = "EDA0BD20EDB18D20536F6D65";

    private static LocalMariaDb noMetadata;
    private static LocalMariaDb fullMetadata;

    @BeforeAll
    static void start() {
        noMetadata = LocalMariaDb.builder().binlogRowMetadata("NO_LOG").start();
        noMetadata.execute(
                "CREATE DATABASE u",
                "CREATE TABLE u.kept (id INT PRIMARY KEY, v VARCHAR(20) CHARACTER SET latin1)",
                "INSERT INTO u.kept VALUES " + LATIN1_ROWS,
                "CREATE TABLE u.dropped_true (id INT PRIMARY KEY, v VARCHAR(20) CHARACTER SET latin1)",
                "INSERT INTO u.dropped_true VALUES " + LATIN1_ROWS,
                "CREATE TABLE u.dropped_false LIKE u.dropped_true",
                "INSERT INTO u.dropped_false VALUES " + LATIN1_ROWS,
                "CREATE USER 'noselect'@'%' IDENTIFIED BY 'pw'",
                "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'noselect'@'%'");
        fullMetadata = LocalMariaDb.builder().binlogRowMetadata("FULL").start();
        fullMetadata.execute(
                "CREATE DATABASE u",
                "CREATE TABLE u.bad (id INT PRIMARY KEY, v VARCHAR(50) CHARACTER SET utf8mb4, t TEXT CHARACTER SET"
                        + " utf8mb4)",
                "INSERT INTO u.bad VALUES (1, 'plain', 'plain'), (2, _utf8mb4 x'" + SURROGATES + "', _utf8mb4 x'"
                        + SURROGATES + "'), (3, 'after', 'after')");
    }

    @AfterAll
    static void stop() {
        noMetadata.close();
        fullMetadata.close();
    }

    /** The bytes the server holds for row 2 of a table's column, from its own SELECT. */
    private static byte[] stored(LocalMariaDb db, String table, String column) {
        return HexFormat.of()
                .parseHex(db.query("SELECT HEX(" + column + ") FROM u." + table + " WHERE id = 2")
                        .get(0)
                        .get(0));
    }

    @ParameterizedTest(name = "lazy rows: {0}")
    @ValueSource(booleans = {false, true})
    void aLatin1ValueReadFromAFileWithoutMetadataIsUndecodedTextOfUnknownCharset(boolean lazy) {
        noMetadata.execute("FLUSH BINARY LOGS");
        DecodeContext ctx = new DecodeContext(
                DecodeOptions.defaults(UnknownEventPolicy.FAIL).withLazyRows(lazy));
        List<Row> rows = new ArrayList<>();
        int all = 0;
        try (BinlogFileReader file = new BinlogFileReader(firstBinlog(noMetadata), ctx)) {
            for (BinlogEvent e : file) {
                if (e instanceof WriteRowsEvent w) {
                    w.rows().forEach(r -> r.get(1)); // lazy rows decode (and count) when read
                    all += w.rows().size();
                    if (w.table().table().equals("kept")) {
                        rows.addAll(w.rows());
                    }
                }
            }
        }
        long counted = ctx.undecodedText().sum();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(1))
                .isEqualTo(
                        new UndecodedText(stored(noMetadata, "kept", "v"), -1, UndecodedText.Reason.UNKNOWN_CHARSET));
        assertThat(HexFormat.of().formatHex(stored(noMetadata, "kept", "v"))).isEqualTo("636166e9"); // latin1
        // no charset is guessed, not even for ASCII, and the row after is read
        assertThat(rows.get(2).get(0)).isEqualTo(3);
        assertThat(rows.get(2).get(1)).isInstanceOf(UndecodedText.class);
        assertThat(counted).isEqualTo(all).isEqualTo(9);
    }

    @ParameterizedTest(name = "lazy rows: {0}")
    @ValueSource(booleans = {false, true})
    void aDroppedTableAndAUserWithoutSelectGiveUndecodedTextOfUnknownCharset(boolean lazy) {
        String dropped = "dropped_" + lazy;
        byte[] cafe = stored(noMetadata, dropped, "v");
        noMetadata.execute("DROP TABLE u." + dropped);
        for (String user : List.of(noMetadata.user(), "noselect")) {
            BinLogStreamReaderConfig cfg = config(noMetadata)
                    .user(user)
                    .password(user.equals("noselect") ? "pw" : noMetadata.password())
                    .onlyEvents(WriteRowsEvent.class)
                    .onlyTables(user.equals("noselect") ? "kept" : dropped)
                    .lazyRows(lazy)
                    .build();
            List<Row> rows = new ArrayList<>();
            long counted;
            try (BinLogStreamReader stream = new BinLogStreamReader(cfg)) {
                stream.forEach(e -> rows.addAll(((WriteRowsEvent) e).rows()));
                rows.forEach(r -> r.get(1)); // lazy rows decode (and count) when read
                counted = stream.undecodedTextValues();
            }
            assertThat(rows).as(user).hasSize(3);
            assertThat(rows.get(1).get(1))
                    .as(user)
                    .isEqualTo(new UndecodedText(cafe, -1, UndecodedText.Reason.UNKNOWN_CHARSET));
            assertThat(rows.get(2).get(0)).as(user).isEqualTo(3);
            assertThat(counted).as(user).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "lazy rows: {0}")
    @ValueSource(booleans = {false, true})
    void utf8mb4BytesJavaCannotDecodeAreUndecodedTextOfInvalidBytes(boolean lazy) {
        List<Row> rows = new ArrayList<>();
        long counted;
        try (BinLogStreamReader stream = new BinLogStreamReader(config(fullMetadata)
                .onlyEvents(WriteRowsEvent.class)
                .lazyRows(lazy)
                .build())) {
            stream.forEach(e -> rows.addAll(((WriteRowsEvent) e).rows()));
            rows.forEach(r -> {
                r.get(1);
                r.get(2);
            });
            counted = stream.undecodedTextValues();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("v")).isEqualTo("plain");
        for (String column : List.of("v", "t")) {
            byte[] bytes = stored(fullMetadata, "bad", column);
            assertThat(HexFormat.of().withUpperCase().formatHex(bytes)).isEqualTo(SURROGATES);
            Object v = rows.get(1).get(column);
            assertThat(v).as(column).isInstanceOf(UndecodedText.class);
            UndecodedText u = (UndecodedText) v;
            assertThat(u.bytes()).isEqualTo(bytes);
            assertThat(u.reason()).isEqualTo(UndecodedText.Reason.INVALID_BYTES);
            assertThat(u.reasonText()).isEqualTo("not valid utf8mb4");
        }
        assertThat(rows.get(2).get("v")).isEqualTo("after");
        assertThat(counted).isEqualTo(2);
    }

    private static Path firstBinlog(LocalMariaDb db) {
        return db.binlogDir().resolve("mysql-bin.000001");
    }
}
