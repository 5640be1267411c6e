package org.mysqlreplication.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Keeps the comparison honest: on a tiny workload (2,000 rows), every reader of the benchmark sees the
 * workload's row count, the value checksums agree where the two libraries decode a type alike, and the values
 * themselves agree with the server's own SELECT and, column by column, between the two libraries (TEXT and
 * JSON included, by decoding the connector's bytes as UTF-8). No timing is asserted.
 */
class WorkloadAgreementIT {

    private static final Workload WORKLOAD = new Workload(2000);
    private static LocalMariaDb db;
    private static Target target;

    @BeforeAll
    static void writeWorkload() {
        db = BenchMain.startServer();
        WORKLOAD.run(BenchMain.settings(db));
        Target t = BenchMain.target(db);
        target = new Target(
                t.host(),
                t.port(),
                t.user(),
                t.password(),
                4242,
                t.startFile(),
                t.endFile(),
                t.endPosition(),
                t.files());
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyReaderSeesEveryRowAndTheComparedChecksumsAgree() {
        ReadResult oursNet = OurReaders.network(target, false, false);
        ReadResult oursLazy = OurReaders.network(target, true, false);
        ReadResult keys = OurReaders.network(target, false, true);
        ReadResult lazyKeys = OurReaders.network(target, true, true);
        ReadResult connNet = ConnectorReaders.network(target);
        ReadResult oursFile = OurReaders.files(target);
        ReadResult connFile = ConnectorReaders.files(target);
        ReadResult raw = RawPacketReader.read(target);
        ReadResult json = OurReaders.json(target);

        assertThat(WORKLOAD.expectedRowCount()).isEqualTo(2000 + 400 + 200);
        for (ReadResult r : List.of(oursNet, oursLazy, connNet, oursFile, connFile)) {
            assertThat(r.rows()).isEqualTo(WORKLOAD.expectedRowCount());
            assertThat(r.comparedChecksum()).isEqualTo(oursNet.comparedChecksum());
        }
        assertThat(oursFile.allChecksum()).isEqualTo(oursNet.allChecksum());
        assertThat(oursLazy.allChecksum()).isEqualTo(oursNet.allChecksum());
        assertThat(keys.rows()).isEqualTo(WORKLOAD.expectedRowCount());
        assertThat(lazyKeys.allChecksum()).isEqualTo(keys.allChecksum()).isNotEqualTo(oursNet.allChecksum());
        assertThat(connFile.allChecksum()).isEqualTo(connNet.allChecksum());
        // neither library asks for ANNOTATE_ROWS by default: the three see the same events
        assertThat(raw.events()).isEqualTo(oursNet.events()).isEqualTo(connNet.events());
        assertThat(raw.bytes()).isGreaterThan(2000L * 300);
        // one JSON line per row change, each at least as long as its TEXT column
        assertThat(json.rows()).isEqualTo(WORKLOAD.expectedRowCount());
        assertThat(json.bytes()).isGreaterThan(WORKLOAD.expectedRowCount() * 200);
        assertThat(json.events()).isEqualTo(oursNet.events());
    }

    @Test
    void insertedValuesAgreeWithTheServerAndBetweenLibraries() throws IOException {
        Map<Long, Row> ours = new HashMap<>();
        for (Path f : target.files()) {
            try (BinlogFileReader r = new BinlogFileReader(f)) {
                for (BinlogEvent e; (e = r.next()) != null; ) {
                    if (e instanceof WriteRowsEvent w) {
                        w.rows().forEach(row -> ours.put((Long) row.get(0), row));
                    }
                }
            }
        }
        Map<Long, Serializable[]> theirs = new HashMap<>();
        for (Path f : target.files()) {
            try (BinaryLogFileReader r = new BinaryLogFileReader(f.toFile(), new EventDeserializer())) {
                for (Event e; (e = r.readEvent()) != null; ) {
                    if (e.getData() instanceof WriteRowsEventData w) {
                        w.getRows().forEach(row -> theirs.put((Long) row[0], row));
                    }
                }
            }
        }
        assertThat(ours).hasSize(2000);
        assertThat(theirs).hasSize(2000);

        // the server's own view of a row never updated nor deleted
        List<String> sel = db.query("SELECT id, qty, name, title, price, created, updated, ratio, body, doc, flags "
                        + "FROM bench.t WHERE id = 1501")
                .get(0);
        Row r = ours.get(1501L);
        assertThat(r.get(1)).isEqualTo(Integer.parseInt(sel.get(1)));
        assertThat(r.get(2)).isEqualTo(sel.get(2));
        assertThat(r.get(3)).isEqualTo(sel.get(3)).isEqualTo("títle ✓ 😀 1501 …");
        assertThat(r.get(4)).isEqualTo(new BigDecimal(sel.get(4))).isEqualTo(new BigDecimal("-2056.37"));
        assertThat(r.get(5)).isEqualTo(LocalDateTime.parse(sel.get(5).replace(' ', 'T')));
        assertThat(r.get(6))
                .isEqualTo(LocalDateTime.parse(sel.get(6).replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        assertThat((Double) r.get(7)).isEqualTo(Double.parseDouble(sel.get(7)));
        assertThat(r.get(8)).isEqualTo(sel.get(8));
        assertThat(r.get(9)).isEqualTo(sel.get(9));
        assertThat(r.get(10)).isEqualTo(Integer.parseInt(sel.get(10)));

        for (long k = 1; k <= 2000; k++) {
            Row o = ours.get(k);
            Serializable[] t = theirs.get(k);
            assertThat(t[1]).isEqualTo(o.get(1));
            assertThat(t[2]).isEqualTo(o.get(2));
            assertThat(t[3]).isEqualTo(o.get(3));
            assertThat(t[4]).isEqualTo(o.get(4));
            LocalDateTime created = (LocalDateTime) o.get(5);
            assertThat(((java.util.Date) t[5]).getTime())
                    .isEqualTo(created.toInstant(ZoneOffset.UTC).toEpochMilli());
            assertThat(((java.sql.Timestamp) t[6]).toInstant()).isEqualTo((Instant) o.get(6));
            assertThat(t[7]).isEqualTo(o.get(7));
            assertThat(new String((byte[]) t[8], StandardCharsets.UTF_8)).isEqualTo(o.get(8));
            assertThat(new String((byte[]) t[9], StandardCharsets.UTF_8)).isEqualTo(o.get(9));
            assertThat(t[10]).isEqualTo(o.get(10));
        }
    }
}
