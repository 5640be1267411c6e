package org.mysqlreplication.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.file.BinlogFileReader;

/**
 * The one rule for transaction boundaries, on binlogs MySQL 8.0's own test suite wrote (std_data/binlog_recovery,
 * see PROVENANCE.md; the event sequences as the files hold them: a BEGIN transaction, an XA transaction prepared,
 * then its XA COMMIT as a transaction of its own; and a transaction cut short before the next GTID).
 */
class TransactionBoundaryTest {

    private static final Path DIR = Path.of(
            "..",
            "..",
            "shared",
            "fixtures",
            "binlogs",
            "enhancedformysql-mysql-8.0.40",
            "mysql-test",
            "std_data",
            "binlog_recovery");

    private record Seen(BinlogEvent event, TransactionBoundary.Step step, ResumePosition resume, long at) {}

    private static List<Seen> read(String file) {
        List<Seen> seen = new ArrayList<>();
        TransactionBoundary boundary = new TransactionBoundary();
        try (BinlogFileReader r = new BinlogFileReader(DIR.resolve(file))) {
            long at = r.position().position();
            for (BinlogEvent e = r.next(); e != null; e = r.next()) {
                seen.add(new Seen(e, boundary.next(e), r.resumePosition(), at));
                at = r.position().position();
            }
        }
        return seen;
    }

    private static String name(Seen s) {
        return s.event() instanceof QueryEvent q
                ? q.query()
                : s.event().getClass().getSimpleName();
    }

    @Test
    void anXaTransactionEndsAtItsPrepareAndItsCommitIsATransactionOfItsOwn() {
        List<Seen> seen = read("duplicate_xid_xa_commit.000001");
        List<String> ends = seen.stream()
                .filter(s -> s.step() == TransactionBoundary.Step.ENDS)
                .map(TransactionBoundaryTest::name)
                .toList();
        assertThat(ends)
                .containsExactly("XidEvent", "XaPrepareEvent", "XA COMMIT X'78',X'',1", "XA COMMIT X'78',X'',1");
        List<String> begins = seen.stream()
                .filter(s -> s.step() == TransactionBoundary.Step.BEGINS)
                .map(s -> ((GtidEvent) s.event()).gtid())
                .toList();
        assertThat(begins)
                .containsExactly(
                        "8aeeb092-8dcf-11ec-905c-0010e0dc7238:1",
                        "8aeeb092-8dcf-11ec-905c-0010e0dc7238:2",
                        "8aeeb092-8dcf-11ec-905c-0010e0dc7238:3",
                        "8aeeb092-8dcf-11ec-905c-0010e0dc7238:5");
        // the XA transaction's rows: a position to the row restarts at its GTID and passes over what was read
        Seen gtid2 = seen.stream()
                .filter(s -> s.event() instanceof GtidEvent g && g.gno() == 2)
                .findFirst()
                .get();
        Seen xaRows = seen.stream()
                .filter(s -> s.event() instanceof WriteRowsEvent && s.at() > gtid2.at())
                .findFirst()
                .get();
        assertThat(xaRows.step()).isEqualTo(TransactionBoundary.Step.INSIDE);
        assertThat(xaRows.resume().restart().position()).isEqualTo(gtid2.at());
        assertThat(xaRows.resume().skipEvents()).isEqualTo(4); // GTID, XA START, TABLE_MAP, WRITE_ROWS
        Seen prepare = seen.stream()
                .filter(s -> s.event() instanceof XaPrepareEvent)
                .findFirst()
                .get();
        assertThat(prepare.resume().skipEvents()).isZero(); // between transactions: a bare position
        assertThat(prepare.resume().restart().position())
                .isEqualTo(prepare.event().header().logPos());
    }

    @Test
    void aGtidAfterATransactionCutShortBeginsTheNextOne() {
        List<Seen> seen = read("orphan_begin_start.000001");
        Seen gtid2 = seen.stream()
                .filter(s -> s.event() instanceof GtidEvent g && g.gno() == 2)
                .findFirst()
                .get();
        assertThat(gtid2.step()).isEqualTo(TransactionBoundary.Step.BEGINS);
        Seen xaStart = seen.get(seen.indexOf(gtid2) + 1);
        assertThat(name(xaStart)).isEqualTo("XA START X'78',X'',1");
        assertThat(xaStart.step()).isEqualTo(TransactionBoundary.Step.INSIDE);
        assertThat(xaStart.resume().restart().position()).isEqualTo(gtid2.at());
        assertThat(xaStart.resume().skipEvents()).isEqualTo(2);
        assertThat(seen.get(seen.size() - 1).step()).isEqualTo(TransactionBoundary.Step.ENDS); // its XA_PREPARE
    }
}
