package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.event.decode.ChecksumException;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventDecoder;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.ByteReader;

class BinlogFileReaderTest {

    private static final String SEQ_10_3 = "ottok-mariadb-10.3/mysql-test/std_data/rpl/master-bin-seq_10.3.36.000001";

    @TempDir
    Path tmp;

    @Test
    void positionsFollowTheEventsAndMatchTheirHeaders() {
        List<Long> starts = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(Fixtures.file(SEQ_10_3))) {
            assertThat(r.position().position()).isEqualTo(4);
            BinlogEvent e;
            while ((e = r.next()) != null) {
                starts.add(r.position().position() - e.header().eventSize());
                assertThat(e.header().logPos()).isEqualTo(r.position().position());
            }
            assertThat(r.position().position()).isEqualTo(1245); // the file size
        }
        assertThat(starts).startsWith(4L, 256L, 285L, 329L);
    }

    /**
     * The reader decodes in place from one reused buffer. Every event it returned must still equal, after the
     * whole file went through that buffer, the event decoded from a private copy of the file: nothing an event
     * keeps may point into the buffer. The files have events larger than the buffer's 64 KiB block (131,095
     * bytes in ver_trunk_row_v2.001) and many blocks (the sakila binlog, 1.4 MB of rows events).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "enhancedformysql-mysql-8.0.40/mysql-test/suite/binlog/std_data/ver_trunk_row_v2.001",
                "osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.sakila",
                SEQ_10_3
            })
    void eventsOutliveTheReusedBuffer(String fixture) throws IOException {
        List<BinlogEvent> read = Fixtures.readAll(fixture);
        byte[] file = Files.readAllBytes(Fixtures.file(fixture));
        EventDecoder decoder = new EventDecoder(new DecodeContext(UnknownEventPolicy.DELIVER));
        ByteReader in = ByteReader.of(file, 4, file.length - 4);
        List<String> expected = new ArrayList<>();
        while (in.hasRemaining()) {
            long at = 4L + in.position();
            expected.add(decoder.decode(in, at).dump());
        }
        assertThat(read).hasSizeGreaterThan(10);
        assertThat(read.stream().map(BinlogEvent::dump).toList()).isEqualTo(expected);
    }

    @Test
    void aFileWithoutTheMagicIsRejectedByName() throws IOException {
        Path f = Files.writeString(tmp.resolve("notes.txt"), "hello, not a binlog");
        assertThatThrownBy(() -> new BinlogFileReader(f))
                .isInstanceOf(BinlogFileException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("fe 62 69 6e")
                .hasMessageContaining("68 65 6c 6c");
    }

    @Test
    void aTruncatedLastEventNamesFileAndPosition() throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.file(SEQ_10_3));
        Path f = Files.write(tmp.resolve("cut.000001"), java.util.Arrays.copyOf(all, 310));
        try (BinlogFileReader r = new BinlogFileReader(f)) {
            assertThat(r.next()).isNotNull();
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next)
                    .isInstanceOf(BinlogFileException.class)
                    .hasMessageContaining("cut.000001")
                    .hasMessageContaining("position 285")
                    .hasMessageContaining("says 44 bytes, 25 remain");
        }
    }

    /** One flipped bit in the first ANNOTATE_ROWS event (at 500, 47 bytes) of a real MariaDB binlog. */
    @Test
    void aFlippedBitRaisesChecksumExceptionNamingFileAndPosition() throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.file(SEQ_10_3));
        all[500 + 19 + 3] ^= 0x04;
        Path f = Files.write(tmp.resolve("master-bin.000001"), all);
        List<BinlogEvent> before = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(f)) {
            assertThatThrownBy(() -> r.forEach(before::add))
                    .isInstanceOfSatisfying(ChecksumException.class, e -> {
                        assertThat(e.binlogFile()).isEqualTo("master-bin.000001");
                        assertThat(e.position()).isEqualTo(500);
                        assertThat(e.eventType()).isEqualTo("MARIADB_ANNOTATE_ROWS_EVENT");
                        assertThat(e.expected()).isNotEqualTo(e.found());
                    })
                    .hasMessageContaining("master-bin.000001")
                    .hasMessageContaining("position 500");
        }
        assertThat(before).hasSize(6).noneMatch(e -> e instanceof MariadbAnnotateRowsEvent);
    }

    @Test
    void iteratesOnce() {
        try (BinlogFileReader r = new BinlogFileReader(Fixtures.file(SEQ_10_3))) {
            r.iterator();
            assertThatThrownBy(r::iterator).isInstanceOf(IllegalStateException.class);
        }
    }
}
