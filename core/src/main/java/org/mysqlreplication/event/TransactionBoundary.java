package org.mysqlreplication.event;

/**
 * The one rule for where a transaction (an event group) of a binlog begins and ends, which the position to the
 * row, the MariaDB and MySQL GTID positions, the JSON lines' {@code commit} and the file summary all follow.
 *
 * <p>A transaction begins with a GTID event (MariaDB's, or MySQL's GTID, tagged GTID or ANONYMOUS_GTID) or,
 * without GTIDs, with a {@code BEGIN} query. It ends with:
 * <ul>
 *   <li>its XID event, or the XA_PREPARE of an XA transaction (MySQL logs {@code XA START}, the rows,
 *       {@code XA END}, then XA_PREPARE; the later {@code XA COMMIT} or {@code XA ROLLBACK} is a transaction of its
 *       own);
 *   <li>a {@code COMMIT}, {@code ROLLBACK}, {@code XA COMMIT} or {@code XA ROLLBACK} query (non-transactional
 *       engines end with a {@code COMMIT} query);
 *   <li>for a statement that is its own group (DDL), that statement: the first query after a MariaDB GTID flagged
 *       standalone, or the first query after a MySQL GTID when it is not {@code BEGIN} or {@code XA START}.
 * </ul>
 * Events between (table maps, rows, ANNOTATE_ROWS, the statement queries of a mixed-format transaction) are inside.
 * A GTID event while a transaction is open (one cut short, as after a crash) begins a new one.
 *
 * <p>Not thread-safe: one per stream, fed its events in binlog order.
 */
public final class TransactionBoundary {

    /** What an event is to the transactions of the stream. */
    public enum Step {
        /** Outside any transaction (a DDL without GTIDs, a ROTATE between transactions, ...). */
        OUTSIDE,
        /** The first event of a transaction. */
        BEGINS,
        /** Inside a transaction, neither its first event nor its last. */
        INSIDE,
        /** The last event of a transaction. */
        ENDS
    }

    private boolean open;
    /**
     * The open transaction began with a GTID that makes its first query a group of its own unless that query is
     * {@code BEGIN} / {@code XA START}: MariaDB's flagged standalone, or any of MySQL's (whose DDL has no BEGIN).
     */
    private boolean firstQueryAlone;
    /** Whether a query of the open transaction was seen (its BEGIN counts). */
    private boolean queried;

    /** Feeds the next event of the stream and says what it is. */
    public Step next(BinlogEvent event) {
        if (event instanceof GtidEvent || event instanceof MariadbGtidEvent) {
            open = true;
            firstQueryAlone = event instanceof GtidEvent || ((MariadbGtidEvent) event).standalone();
            queried = false;
            return Step.BEGINS;
        }
        if (!open) {
            if (event instanceof QueryEvent q && opensExplicitly(q.query())) {
                open = true;
                firstQueryAlone = false;
                queried = true;
                return Step.BEGINS;
            }
            return Step.OUTSIDE;
        }
        if (ends(event)) {
            open = false;
            return Step.ENDS;
        }
        return Step.INSIDE;
    }

    /** Whether a transaction is open: the last event fed began it or was inside it. */
    public boolean inTransaction() {
        return open;
    }

    /** Forgets the open transaction (a new session whose first transaction begins afresh). */
    public void reset() {
        open = false;
    }

    private boolean ends(BinlogEvent event) {
        if (event instanceof XidEvent || event instanceof XaPrepareEvent) {
            return true;
        }
        if (!(event instanceof QueryEvent q)) {
            return false;
        }
        boolean first = !queried;
        queried = true;
        if (closes(q.query())) {
            return true;
        }
        return first && firstQueryAlone && !opensExplicitly(q.query());
    }

    /**
     * Whether an event ends the transaction it is in by itself, whatever came before: an XID, an XA_PREPARE, or a
     * {@code COMMIT}, {@code ROLLBACK}, {@code XA COMMIT} or {@code XA ROLLBACK} query. (A DDL statement ends its
     * group too, which only the events before it tell.)
     */
    public static boolean endsByItself(BinlogEvent event) {
        return event instanceof XidEvent
                || event instanceof XaPrepareEvent
                || event instanceof QueryEvent q && closes(q.query());
    }

    /** Whether an event commits its transaction's changes: an XID, a {@code COMMIT} or an {@code XA COMMIT} query. */
    public static boolean commits(BinlogEvent event) {
        if (event instanceof XidEvent) {
            return true;
        }
        if (!(event instanceof QueryEvent q)) {
            return false;
        }
        return is(q.query(), "COMMIT") || startsWith(q.query(), "XA COMMIT");
    }

    /** Whether a query opens a transaction: {@code BEGIN} or {@code XA START ...}. */
    public static boolean opensExplicitly(String query) {
        return is(query, "BEGIN") || startsWith(query, "XA START");
    }

    private static boolean closes(String query) {
        return is(query, "COMMIT")
                || is(query, "ROLLBACK")
                || startsWith(query, "XA COMMIT")
                || startsWith(query, "XA ROLLBACK");
    }

    /** Whether the query is {@code word}, in any case, with white space around it (no copy of a long query). */
    private static boolean is(String query, String word) {
        int from = start(query);
        int to = query.length();
        while (to > from && Character.isWhitespace(query.charAt(to - 1))) {
            to--;
        }
        return to - from == word.length() && query.regionMatches(true, from, word, 0, word.length());
    }

    private static boolean startsWith(String query, String prefix) {
        return query.regionMatches(true, start(query), prefix, 0, prefix.length());
    }

    private static int start(String query) {
        int i = 0;
        while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
            i++;
        }
        return i;
    }
}
