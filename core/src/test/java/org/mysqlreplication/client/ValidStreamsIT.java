package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.UnsupportedEventException;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Binlogs a real server writes that used to end in an error: rows events whose column count is larger than the bytes
 * after it (NULL columns take no bytes), plain and compressed, and a server with an encrypted binlog.
 */
class ValidStreamsIT {

    @TempDir
    Path tmp;

    private static String columns(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        IntStream.rangeClosed(1, n)
                .forEach(i -> sb.append(", ").append(prefix).append(i).append(" INT NULL"));
        return sb.toString();
    }

    /** The row's values as the server's text: "1", or "NULL". */
    private static List<String> text(Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            out.add(v == null ? "NULL" : v.toString());
        }
        return out;
    }

    private static List<String> asText(List<String> selected) {
        return selected.stream().map(v -> v == null ? "NULL" : v).toList();
    }

    @ParameterizedTest(name = "log_bin_compress={0}")
    @ValueSource(strings = {"OFF", "ON"})
    void rowsWithMoreColumnsThanBytesAfterTheCountDecode(String compress) {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("log_bin_compress", compress)
                .serverOption("log_bin_compress_min_len", "10")
                .start()) {
            db.execute(
                    "CREATE DATABASE w",
                    "CREATE TABLE w.wide (id INT PRIMARY KEY" + columns("c", 30) + ")",
                    "INSERT INTO w.wide (id) VALUES (1)");
            List<String> wide = asText(db.query("SELECT * FROM w.wide").get(0));
            db.execute(
                    "CREATE TABLE w.t23 (id INT PRIMARY KEY" + columns("d", 22) + ")",
                    "INSERT INTO w.t23 (id) VALUES (2)");
            List<String> t23 = asText(db.query("SELECT * FROM w.t23").get(0));
            db.execute("UPDATE w.t23 SET d22 = 5 WHERE id = 2");
            List<String> updated = asText(db.query("SELECT * FROM w.t23").get(0));
            db.execute("DELETE FROM w.t23 WHERE id = 2");

            List<BinlogEvent> network = readAll(config(db).build());
            List<BinlogEvent> file = new ArrayList<>();
            String binlog = db.query("SHOW BINARY LOGS").get(0).get(0);
            try (BinlogFileReader r = new BinlogFileReader(db.binlogDir().resolve(binlog))) {
                r.forEach(file::add);
            }
            for (List<BinlogEvent> events : List.of(network, file)) {
                List<RowsEvent> rows = events.stream()
                        .filter(e -> e instanceof RowsEvent)
                        .map(e -> (RowsEvent) e)
                        .toList();
                assertThat(rows).hasSize(4);
                assertThat(text(((WriteRowsEvent) rows.get(0)).rows().get(0)))
                        .isEqualTo(wide)
                        .hasSize(31);
                assertThat(text(((WriteRowsEvent) rows.get(1)).rows().get(0)))
                        .isEqualTo(t23)
                        .hasSize(23);
                UpdateRowsEvent u = (UpdateRowsEvent) rows.get(2);
                assertThat(text(u.rows().get(0).before())).isEqualTo(t23);
                assertThat(text(u.rows().get(0).after())).isEqualTo(updated);
                assertThat(text(((DeleteRowsEvent) rows.get(3)).rows().get(0))).isEqualTo(updated);
            }
        }
    }

    /**
     * With {@code encrypt_binlog=ON} the server writes its binlog encrypted from a START_ENCRYPTION event on and
     * streams it to a replica decrypted: the stream goes on past that event, with every row. From the file, without
     * the key, the reader stops at it with a typed error.
     */
    @Test
    void anEncryptedBinlogStreamsDecryptedAndItsFileStopsWithATypedError() throws IOException {
        Path keys = Files.writeString(
                tmp.resolve("keys.txt"), "1;a7addd9adea9978fda19f21e6be987880e68ac92632ca052e5bb42b1a506939a\n");
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("plugin_load_add", "file_key_management")
                .serverOption("file_key_management_filename", keys.toString())
                .serverOption("encrypt_binlog", "ON")
                .start()) {
            db.execute(
                    "CREATE DATABASE e",
                    "CREATE TABLE e.t (id INT PRIMARY KEY, secret VARCHAR(20))",
                    "INSERT INTO e.t VALUES (1, 'hidden'), (2, 'also')");
            List<List<String>> selected = db.query("SELECT id, secret FROM e.t ORDER BY id");

            List<BinlogEvent> network = readAll(config(db).build());
            assertThat(network)
                    .filteredOn(e -> e instanceof MariadbStartEncryptionEvent)
                    .singleElement()
                    .satisfies(e -> assertThat(((MariadbStartEncryptionEvent) e).keyVersion())
                            .isEqualTo(1));
            List<List<String>> streamed = new ArrayList<>();
            network.stream()
                    .filter(e -> e instanceof WriteRowsEvent)
                    .flatMap(e -> ((WriteRowsEvent) e).rows().stream())
                    .forEach(r -> streamed.add(
                            List.of(r.get("id").toString(), r.get("secret").toString())));
            assertThat(streamed).isEqualTo(selected);

            String binlog = db.query("SHOW BINARY LOGS").get(0).get(0);
            List<BinlogEvent> fromFile = new ArrayList<>();
            assertThatThrownBy(() -> {
                        try (BinlogFileReader r =
                                new BinlogFileReader(db.binlogDir().resolve(binlog))) {
                            r.forEach(fromFile::add);
                        }
                    })
                    .isInstanceOf(UnsupportedEventException.class)
                    .hasMessageContaining("encrypted binlog")
                    .hasMessageContaining(binlog);
            assertThat(fromFile).isNotEmpty(); // what came before the encryption start was handed out
        }
    }
}
