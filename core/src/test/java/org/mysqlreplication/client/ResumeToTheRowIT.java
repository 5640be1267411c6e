package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Positions to the row: a consumer that stops after any row (inside a rows event of 60,000 rows, or between the
 * rows events of one statement) and starts a new reader at the position it saved gets every following row once,
 * in order, by binlog position and by GTID; the rows of both readers together are what the server's SELECT has.
 */
class ResumeToTheRowIT {

    /** One rows event holds all 60,000 rows of the big statement (binlog_row_event_max_size is 16 MiB). */
    private static LocalMariaDb db;
    /** The default 8 KiB rows events: the small statement's 400 rows are cut into many events. */
    private static LocalMariaDb smallEvents;

    private static List<String> selectedBig;
    private static List<String> selectedSmall;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder()
                .serverOption("binlog_row_event_max_size", "16777216")
                .start();
        db.execute(
                "CREATE DATABASE r",
                "CREATE TABLE r.big (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO r.big SELECT seq, CONCAT('v', seq) FROM r.seq_1_to_60000",
                "INSERT INTO r.big VALUES (60001, 'after')");
        selectedBig = db.query("SELECT id FROM r.big ORDER BY id").stream()
                .map(r -> r.get(0))
                .toList();
        smallEvents = LocalMariaDb.builder().start();
        smallEvents.execute(
                "CREATE DATABASE r",
                "CREATE TABLE r.small (id INT PRIMARY KEY, v VARCHAR(200))",
                "INSERT INTO r.small SELECT seq, REPEAT('x', 150) FROM r.seq_1_to_400",
                "INSERT INTO r.small VALUES (401, 'last')");
        selectedSmall = smallEvents.query("SELECT id FROM r.small ORDER BY id").stream()
                .map(r -> r.get(0))
                .toList();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (smallEvents != null) {
            smallEvents.close();
        }
    }

    private static BinLogStreamReaderConfig.Builder rows() {
        return config(db).onlyEvents(WriteRowsEvent.class).onlyTables("big");
    }

    private static BinLogStreamReaderConfig.Builder smallRows() {
        return config(smallEvents).onlyEvents(WriteRowsEvent.class).onlyTables("small");
    }

    /** The ids of the rows of {@code table} from {@code stream} to its end. */
    private static List<String> idsToTheEnd(BinLogStreamReader stream, String table) {
        List<String> ids = new ArrayList<>();
        for (BinlogEvent e; (e = stream.fetchOne()) != null; ) {
            if (e instanceof WriteRowsEvent w && w.table().table().equals(table)) {
                w.rows().forEach(r -> ids.add(r.get("id").toString()));
            }
        }
        return ids;
    }

    @Test
    void aConsumerStoppingInsideARowsEventOf60000RowsResumesAtTheNextRow() {
        for (boolean byGtid : new boolean[] {false, true}) {
            List<String> handled = new ArrayList<>();
            ResumePosition saved = null;
            try (BinLogStreamReader a = new BinLogStreamReader(rows().build())) {
                for (BinlogEvent e; saved == null && (e = a.fetchOne()) != null; ) {
                    if (e instanceof WriteRowsEvent w && w.table().table().equals("big") && w.rowCount() == 60_000) {
                        for (int k = 0; k <= 31_337; k++) {
                            handled.add(w.rows().get(k).get("id").toString());
                        }
                        saved = a.resumePositionAfterRow(31_337);
                    } else if (e instanceof WriteRowsEvent w
                            && w.table().table().equals("big")) {
                        w.rows().forEach(r -> handled.add(r.get("id").toString()));
                    }
                }
            }
            assertThat(saved).as("a rows event of all 60,000 rows").isNotNull();
            assertThat(saved.skipRows()).isEqualTo(31_338);
            assertThat(saved.gtid()).isNotNull();
            assertThat(ResumePosition.parse(saved.toJson())).isEqualTo(saved);
            BinLogStreamReaderConfig.Builder again = rows();
            try (BinLogStreamReader b =
                    new BinLogStreamReader((byGtid ? again.startAtByGtid(saved) : again.startAt(saved)).build())) {
                handled.addAll(idsToTheEnd(b, "big"));
            }
            assertThat(handled).as(byGtid ? "by GTID" : "by position").isEqualTo(selectedBig);
        }
    }

    /**
     * An INSERT ... SELECT of 400 rows is many rows events after one TABLE_MAP: a reader started at the bare position
     * after the 3rd used to fail with TableMapMissingException. Its resume position continues with the 4th.
     */
    @Test
    void aConsumerStoppingBetweenTheRowsEventsOfOneStatementResumesWithTheNext() {
        List<String> handled = new ArrayList<>();
        ResumePosition saved = null;
        int events = 0;
        try (BinLogStreamReader a = new BinLogStreamReader(smallRows().build())) {
            for (BinlogEvent e; saved == null && (e = a.fetchOne()) != null; ) {
                WriteRowsEvent w = (WriteRowsEvent) e;
                w.rows().forEach(r -> handled.add(r.get("id").toString()));
                if (++events == 3) {
                    saved = a.resumePosition();
                }
            }
        }
        assertThat(saved).isNotNull();
        assertThat(saved.insideTransaction()).isTrue();
        assertThat(handled).hasSizeLessThan(400);
        try (BinLogStreamReader b =
                new BinLogStreamReader(smallRows().startAt(saved).build())) {
            handled.addAll(idsToTheEnd(b, "small"));
        }
        assertThat(handled).isEqualTo(selectedSmall);
    }

    /** Between transactions the position is the next event's, with nothing to skip; a row's own values come back. */
    @Test
    void betweenTransactionsThePositionIsTheNextEvent() {
        ResumePosition saved = null;
        try (BinLogStreamReader a =
                new BinLogStreamReader(config(db).onlyTables("big").build())) {
            for (BinlogEvent e; saved == null && (e = a.fetchOne()) != null; ) {
                if (e instanceof org.mysqlreplication.event.XidEvent) {
                    saved = a.resumePosition();
                }
            }
        }
        assertThat(saved).isNotNull();
        assertThat(saved.insideTransaction()).isFalse();
        // the first XID ends the 60,000-row statement: what follows is the one row inserted after it
        try (BinLogStreamReader b = new BinLogStreamReader(rows().startAt(saved).build())) {
            Row row = ((WriteRowsEvent) b.fetchOne()).rows().get(0);
            assertThat(row.get("id").toString()).isEqualTo(selectedBig.get(selectedBig.size() - 1));
            assertThat(row.get("v"))
                    .isEqualTo(db.query("SELECT v FROM r.big WHERE id = 60001")
                            .get(0)
                            .get(0));
            assertThat(b.fetchOne()).isNull();
        }
    }
}
