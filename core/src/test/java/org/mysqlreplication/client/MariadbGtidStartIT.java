package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.protocol.ServerErrorException;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * Starting at a MariaDB GTID position and {@link BinLogStreamReader#gtidPosition()}, checked against the server's
 * own {@code @@gtid_binlog_pos} and the rows it wrote. One server per test: the tests change domains and files.
 */
class MariadbGtidStartIT {

    private LocalMariaDb db;

    @BeforeEach
    void start() {
        db = LocalMariaDb.builder().start();
        db.execute("CREATE DATABASE g", "CREATE TABLE g.t (id INT PRIMARY KEY)");
    }

    @AfterEach
    void stop() {
        db.close();
    }

    /** What a reader read to the end of the binlog: the ids inserted into g.t, and where it ended. */
    private record Read(List<BinlogEvent> events, List<Long> ids, MariadbGtidPosition gtid, BinlogPosition position) {}

    private Read readAll(BinLogStreamReaderConfig.Builder config) {
        return readUntil(config, e -> false);
    }

    /** Reads until {@code stop} accepts an event (that event included) or the binlog ends. */
    private Read readUntil(BinLogStreamReaderConfig.Builder config, Predicate<BinlogEvent> stop) {
        List<BinlogEvent> events = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (BinLogStreamReader reader = new BinLogStreamReader(config.build())) {
            for (BinlogEvent e; (e = reader.fetchOne()) != null; ) {
                events.add(e);
                if (e instanceof WriteRowsEvent w) {
                    w.rows().forEach(r -> ids.add(r.getLong("id")));
                }
                if (stop.test(e)) {
                    break;
                }
            }
            return new Read(events, ids, reader.gtidPosition(), reader.position());
        }
    }

    private MariadbGtidPosition binlogPos() {
        return MariadbGtidPosition.parse(
                db.query("SELECT @@gtid_binlog_pos").get(0).get(0));
    }

    private BinlogPosition masterStatus() {
        List<String> row = db.query("SHOW MASTER STATUS").get(0);
        return new BinlogPosition(row.get(0), Long.parseLong(row.get(1)));
    }

    private void insert(int... ids) {
        for (int id : ids) {
            db.execute("INSERT INTO g.t VALUES (" + id + ")");
        }
    }

    @Test
    void aReaderStartedAtAnotherReadersGtidPositionGetsExactlyTheLaterTransactions() {
        insert(1, 2);
        MariadbGtidPosition afterTwo = binlogPos();
        insert(3);
        db.execute("CREATE TABLE g.u (id INT)");
        MariadbGtidPosition afterDdl = binlogPos();
        insert(4);

        int[] xids = {0};
        Read first = readUntil(config(db), e -> e instanceof XidEvent && ++xids[0] == 2);
        assertThat(first.ids()).containsExactly(1L, 2L);
        assertThat(first.gtid()).isEqualTo(afterTwo);
        Read ddl = readUntil(
                config(db), e -> e instanceof QueryEvent q && q.query().contains("g.u"));
        assertThat(ddl.gtid()).isEqualTo(afterDdl);

        insert(5, 6);
        Read rest = readAll(config(db).startAtGtid(first.gtid()));
        assertThat(rest.ids()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(rest.events())
                .filteredOn(QueryEvent.class::isInstance)
                .map(e -> ((QueryEvent) e).query())
                .anyMatch(q -> q.contains("CREATE TABLE g.u"));
        assertThat(rest.gtid()).isEqualTo(binlogPos());
        assertThat(rest.position()).isEqualTo(masterStatus());

        assertThat(readAll(config(db).startAtGtid(ddl.gtid())).ids()).containsExactly(4L, 5L, 6L);
        assertThat(readAll(config(db).startAtGtid(rest.gtid())).ids()).isEmpty();
    }

    @Test
    void theTrackedPositionDoesNotDependOnTheEventFiltersAndEndsAtACommitQuery() {
        insert(1, 2, 3);
        db.execute("CREATE TABLE g.m (id INT) ENGINE=MyISAM", "INSERT INTO g.m VALUES (9)"); // ends with COMMIT
        Read rows = readAll(config(db).onlyEvents(WriteRowsEvent.class));
        assertThat(rows.events()).allMatch(WriteRowsEvent.class::isInstance).hasSize(4);
        assertThat(rows.gtid()).isEqualTo(binlogPos());
    }

    @Test
    void xaTransactionsAndRolledBackNonTransactionalChangesEndTheirGroups() {
        // in statement format the kept MyISAM insert is logged with the ROLLBACK (in row format, alone with COMMIT)
        db.execute(
                "CREATE TABLE g.m (id INT) ENGINE=MyISAM",
                "SET SESSION binlog_format = 'STATEMENT'",
                "BEGIN",
                "INSERT INTO g.m VALUES (1)",
                "INSERT INTO g.t VALUES (99)",
                "ROLLBACK");
        MariadbGtidPosition afterRollback = binlogPos();
        db.execute("XA START 'x1'", "INSERT INTO g.t VALUES (7)", "XA END 'x1'", "XA PREPARE 'x1'");
        MariadbGtidPosition afterPrepare = binlogPos();
        db.execute("XA COMMIT 'x1'");
        assertThat(afterPrepare).isNotEqualTo(afterRollback).isNotEqualTo(binlogPos());

        Read all = readAll(config(db));
        assertThat(all.ids()).containsExactly(7L); // the XA insert; g.m's 1 is a statement, 99 was rolled back
        assertThat(all.events())
                .anyMatch(e -> e instanceof QueryEvent q && q.query().contains("g.m VALUES (1)"));
        assertThat(all.gtid()).isEqualTo(binlogPos());
        assertThat(readUntil(
                                config(db),
                                e -> e instanceof QueryEvent q && q.query().equals("ROLLBACK"))
                        .gtid())
                .isEqualTo(afterRollback);
        assertThat(readUntil(config(db), e -> e instanceof XaPrepareEvent).gtid())
                .isEqualTo(afterPrepare);
        Read rest = readAll(config(db).startAtGtid(afterRollback));
        assertThat(rest.ids()).containsExactly(7L);
        Read commit = readAll(config(db).startAtGtid(afterPrepare));
        assertThat(commit.ids()).isEmpty();
        assertThat(commit.events())
                .anyMatch(e -> e instanceof QueryEvent q && q.query().startsWith("XA COMMIT"));
        assertThat(commit.gtid()).isEqualTo(binlogPos());
    }

    @Test
    void startsAtAGtidInAnOlderBinlogFileAndFollowsTheRotations() {
        insert(1);
        MariadbGtidPosition afterOne = binlogPos();
        insert(2);
        MariadbGtidPosition afterTwo = binlogPos();
        String firstFile = masterStatus().file();
        db.execute("FLUSH BINARY LOGS");
        insert(3);
        db.execute("FLUSH BINARY LOGS");
        insert(4);
        assertThat(masterStatus().file()).isNotEqualTo(firstFile);

        Read fromOne = readAll(config(db).startAtGtid(afterOne));
        assertThat(fromOne.ids()).containsExactly(2L, 3L, 4L);
        assertThat(fromOne.gtid()).isEqualTo(binlogPos());
        assertThat(fromOne.position()).isEqualTo(masterStatus());
        assertThat(readAll(config(db).startAtGtid(afterTwo)).ids()).containsExactly(3L, 4L);
    }

    @Test
    void aGtidTheServerNeverHadIsNotAvailableAndAMysqlSetIsRefused() {
        insert(1);
        long serverId = db.serverId();
        MariadbGtidPosition never = MariadbGtidPosition.parse("0-" + serverId + "-999999");
        assertThatThrownBy(() -> readAll(config(db).startAtGtid(never)))
                .isInstanceOfSatisfying(
                        PositionNotAvailableException.class,
                        e -> assertThat(e.getCause())
                                .isInstanceOfSatisfying(
                                        ServerErrorException.class,
                                        s -> assertThat(s.errorCode()).isEqualTo(1236)));
        assertThatThrownBy(() ->
                        readAll(config(db).startAtGtid(MysqlGtidSet.parse("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"))))
                .isInstanceOf(BinlogConfigurationException.class);
    }

    @Test
    void twoDomainsKeepOneGtidEach() {
        insert(1);
        db.execute("SET gtid_domain_id = 2", "INSERT INTO g.t VALUES (2)");
        MariadbGtidPosition afterTwo = binlogPos();
        insert(3);
        assertThat(binlogPos().gtids()).hasSize(2);

        Read all = readAll(config(db));
        assertThat(all.ids()).containsExactly(1L, 2L, 3L);
        assertThat(all.gtid()).isEqualTo(binlogPos());

        long[] domain = {-1};
        Read untilTwo = readUntil(config(db), e -> {
            if (e instanceof MariadbGtidEvent g) {
                domain[0] = g.domainId();
            }
            return e instanceof XidEvent && domain[0] == 2;
        });
        assertThat(untilTwo.gtid()).isEqualTo(afterTwo);

        db.execute("SET gtid_domain_id = 2", "INSERT INTO g.t VALUES (4)");
        insert(5);
        Read later = readAll(config(db).startAtGtid(all.gtid()));
        assertThat(later.ids()).containsExactly(4L, 5L);
        assertThat(later.gtid()).isEqualTo(binlogPos()).isNotEqualTo(all.gtid());
        assertThat(readAll(config(db).startAtGtid(afterTwo)).ids()).containsExactly(3L, 4L, 5L);
    }
}
