package org.mysqlreplication.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TransactionBoundary;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.jsonl.JsonLines;

/**
 * What {@code summary} tells of one binlog file, counted by reading it through {@link BinlogFileReader}: the
 * server version, binlog format version and checksum algorithm of its first FORMAT_DESCRIPTION, the first and last
 * event time (header timestamps other than 0), the transactions committed ({@link TransactionBoundary#commits}), the
 * rows inserted, updated and deleted per table, and the events per type code of the event header. The events inside a
 * MySQL compressed transaction count under their own codes and the TRANSACTION_PAYLOAD itself under 40: the reader
 * hands out the inner events in its place, its position staying at the payload's start until the last of them,
 * with which it moves past the whole payload (not by that event's own size), which is how the payload is seen
 * here. A file that cannot be read to its end keeps the counts up to the failing event,
 * its offset and the reason.
 *
 * <p>Not thread-safe.
 */
final class BinlogSummary {

    private static final int TRANSACTION_PAYLOAD = 40;

    private final String file;
    private String serverVersion;
    private int binlogVersion;
    private String checksum;
    private long firstTs = -1;
    private long lastTs = -1;
    private long transactions;
    private long events;
    private final Map<Integer, Long> eventTypes = new TreeMap<>();
    /** Per {@code database.table}: rows inserted, updated, deleted. */
    private final Map<String, long[]> rows = new TreeMap<>();

    private long failedAt = -1;
    private String failure;

    private BinlogSummary(String file) {
        this.file = file;
    }

    /** Reads {@code path} to its end, or to the first event that cannot be read. */
    static BinlogSummary of(Path path) {
        BinlogSummary s = new BinlogSummary(path.toString());
        long at = 0;
        try (BinlogFileReader reader = new BinlogFileReader(path)) {
            while (true) {
                at = reader.position().position();
                BinlogEvent e = reader.next();
                if (e == null) {
                    break;
                }
                long advanced = reader.position().position() - at;
                if (advanced > 0 && advanced != e.header().eventSize()) {
                    s.count(TRANSACTION_PAYLOAD); // the position moved past a whole payload: e is its last event
                }
                s.add(e);
            }
        } catch (BinlogException ex) {
            s.failedAt = at;
            s.failure = ex.getMessage() == null
                    ? ex.getClass().getSimpleName()
                    : ex.getMessage().replace('\n', ' ');
        }
        return s;
    }

    private void add(BinlogEvent e) {
        count(e.header().typeCode());
        long ts = e.header().timestamp();
        if (ts != 0) {
            firstTs = firstTs < 0 ? ts : firstTs;
            lastTs = ts;
        }
        if (e instanceof FormatDescriptionEvent f && serverVersion == null) {
            serverVersion = f.serverVersion();
            binlogVersion = f.binlogVersion();
            checksum = f.checksumAlgorithm().name();
        } else if (TransactionBoundary.commits(e)) {
            transactions++;
        } else if (e instanceof RowsEvent r) {
            long[] n =
                    rows.computeIfAbsent(r.table().database() + "." + r.table().table(), k -> new long[3]);
            n[e instanceof WriteRowsEvent ? 0 : e instanceof UpdateRowsEvent ? 1 : 2] += r.rowCount();
        }
    }

    private void count(int typeCode) {
        events++;
        eventTypes.merge(typeCode, 1L, Long::sum);
    }

    /** Whether the file was read to its end. */
    boolean complete() {
        return failure == null;
    }

    /** The one-line error of a file not read to its end: file, offset and reason. */
    String error() {
        return file + ": cannot be read past offset " + failedAt + ": " + failure;
    }

    /** Events per type code. */
    Map<Integer, Long> eventTypes() {
        return eventTypes;
    }

    /** The summary as one JSON object (no newline). */
    String json() {
        StringBuilder sb = new StringBuilder(256).append("{\"file\":");
        JsonLines.appendString(sb, file);
        sb.append(",\"server_version\":");
        if (serverVersion == null) {
            sb.append("null");
        } else {
            JsonLines.appendString(sb, serverVersion);
        }
        sb.append(",\"binlog_version\":")
                .append(serverVersion == null ? "null" : binlogVersion)
                .append(",\"checksum\":")
                .append(checksum == null ? "null" : "\"" + checksum + "\"")
                .append(",\"first_event_ts\":")
                .append(firstTs < 0 ? "null" : firstTs)
                .append(",\"last_event_ts\":")
                .append(lastTs < 0 ? "null" : lastTs)
                .append(",\"transactions\":")
                .append(transactions)
                .append(",\"tables\":{");
        boolean first = true;
        for (Map.Entry<String, long[]> t : rows.entrySet()) {
            sb.append(first ? "" : ",");
            JsonLines.appendString(sb, t.getKey());
            long[] n = t.getValue();
            sb.append(":{\"inserted\":")
                    .append(n[0])
                    .append(",\"updated\":")
                    .append(n[1])
                    .append(",\"deleted\":")
                    .append(n[2])
                    .append('}');
            first = false;
        }
        sb.append("},\"events\":").append(events).append(",\"event_types\":{");
        first = true;
        for (Map.Entry<Integer, Long> t : eventTypes.entrySet()) {
            sb.append(first ? "\"" : ",\"").append(t.getKey()).append("\":").append(t.getValue());
            first = false;
        }
        sb.append("},\"complete\":").append(complete());
        if (!complete()) {
            sb.append(",\"failed_at\":").append(failedAt);
        }
        return sb.append('}').toString();
    }

    /** The summary as text, a few lines ending with an empty one. */
    String text() {
        StringBuilder sb = new StringBuilder(256).append("file: ").append(file).append('\n');
        sb.append("server version: ")
                .append(serverVersion == null ? "-" : serverVersion)
                .append('\n');
        sb.append("binlog format version: ")
                .append(serverVersion == null ? "-" : binlogVersion)
                .append('\n');
        sb.append("checksum algorithm: ")
                .append(checksum == null ? "-" : checksum)
                .append('\n');
        sb.append("first event: ")
                .append(firstTs < 0 ? "-" : Instant.ofEpochSecond(firstTs))
                .append('\n');
        sb.append("last event: ")
                .append(lastTs < 0 ? "-" : Instant.ofEpochSecond(lastTs))
                .append('\n');
        sb.append("transactions: ").append(transactions).append('\n');
        for (Map.Entry<String, long[]> t : rows.entrySet()) {
            long[] n = t.getValue();
            sb.append("rows ")
                    .append(t.getKey())
                    .append(": ")
                    .append(n[0])
                    .append(" inserted, ")
                    .append(n[1])
                    .append(" updated, ")
                    .append(n[2])
                    .append(" deleted\n");
        }
        sb.append("events: ").append(events).append('\n');
        for (Map.Entry<Integer, Long> t : eventTypes.entrySet()) {
            sb.append("  type ")
                    .append(t.getKey())
                    .append(' ')
                    .append(typeName(t.getKey()))
                    .append(": ")
                    .append(t.getValue())
                    .append('\n');
        }
        if (!complete()) {
            sb.append("incomplete: read up to offset ").append(failedAt).append('\n');
        }
        return sb.append('\n').toString();
    }

    private static String typeName(int code) {
        EventType t = EventType.ofCode(code);
        return t == EventType.NOT_LISTED ? "?" : t.name();
    }
}
