package org.mysqlreplication.value.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.io.ByteReader;

/**
 * Fuzz target: MySQL's binary JSON, as a JSON column's document ({@link MysqlJson}: its text and its tree) and as
 * the diffs of a partial update ({@link JsonPartialUpdate}). The first input byte picks: bit 0 clear, a document of
 * the rest; set, a partial update whose length prefix is {@code (byte >> 1 & 3) + 1} bytes wide. Seeds: every JSON
 * document of the fixture files that have JSON columns (PROVENANCE.md, "JSON columns"), read at run time.
 *
 * <p>Bound: 256 KiB + 2048 bytes per input byte: a double of 9 bytes is printed as MySQL prints it, the shortest
 * digits that read back found by trying shorter ones (Double.toString, BigDecimal, parsing): 6.4 KiB a document of
 * one double on average, 13.2 KiB at most, for its text and its tree, over 300,000 random doubles; the
 * text of a document of one-byte literals is about 6 characters a byte, its tree a boxed value and a list or map
 * entry a byte, in growing arrays.
 */
class MysqlJsonFuzzTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "binlogs");
    private static final List<String> JSON_FILES = List.of(
            "blackbeam-rust_mysql_common/test-data/binlogs/json-opaque.binlog",
            "blackbeam-rust_mysql_common/test-data/binlogs/json.binlog.000001",
            "rusuly-MySqlCdc/samples/MySqlCdc.Sample/mysql-bin.000001");

    private static final FuzzContract CONTRACT = new FuzzContract("binary JSON", 256 << 10, 2048);

    @MethodSource("fixtureDocuments")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void json(byte[] input) {
        if (input.length == 0) {
            return;
        }
        CONTRACT.check(input.length, () -> decode(input));
    }

    private static void decode(byte[] input) {
        int mode = input[0] & 0xFF;
        byte[] rest = java.util.Arrays.copyOfRange(input, 1, input.length);
        if ((mode & 1) == 0) {
            MysqlJson json = MysqlJson.decode(rest);
            json.text();
            String.valueOf(json.tree());
        } else {
            JsonPartialUpdate update = JsonPartialUpdate.read(ByteReader.of(rest), (mode >> 1 & 3) + 1);
            update.sql("@col");
        }
    }

    /** The distinct JSON documents of the fixture files, each behind a 0 byte. */
    static Stream<byte[]> fixtureDocuments() {
        if (!Files.isDirectory(FIXTURES)) {
            return Stream.empty();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<byte[]> seeds = new ArrayList<>();
        // a partial update with a 1-byte length: REPLACE of $."'" by false (JsonPartialUpdateTest's example)
        seeds.add(java.util.HexFormat.of().parseHex("01" + "0a" + "00" + "05242e222722" + "020402"));
        for (String f : JSON_FILES) {
            try (BinlogFileReader r = new BinlogFileReader(FIXTURES.resolve(f))) {
                for (BinlogEvent e : r) {
                    for (Row row : rows(e)) {
                        for (Object v : row.asMap().values()) {
                            if (v instanceof MysqlJson j && seen.add(j.text())) {
                                byte[] b = j.binary();
                                byte[] seed = new byte[b.length + 1];
                                System.arraycopy(b, 0, seed, 1, b.length);
                                seeds.add(seed);
                            }
                        }
                    }
                }
            }
        }
        return seeds.stream();
    }

    private static List<Row> rows(BinlogEvent e) {
        if (e instanceof WriteRowsEvent w) {
            return w.rows();
        }
        if (e instanceof UpdateRowsEvent u) {
            return u.rows().stream().map(UpdateRow::before).toList();
        }
        return List.of();
    }
}
