package org.mysqlreplication.jsonl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TransactionBoundary;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.value.json.JsonText;

/**
 * Writes binlog events as JSON lines in Maxwell's shape: one object per changed row, one per line, so that
 * consumers of Maxwell read them unchanged:
 *
 * <pre>
 * {"database":"shop","table":"items","type":"update","ts":1764633600,"xid":8812,"commit":true,
 *  "position":"mysql-bin.000003:1530","gtid":"0-1-42","primary_key":[7],"primary_key_columns":["id"],
 *  "data":{"id":7,"qty":3},"old":{"qty":2}}
 * </pre>
 *
 * ({@code type} is {@code insert}, {@code update} or {@code delete}; {@code ts} the event's time in epoch seconds;
 * {@code data} the row after the change, the deleted row for a delete; {@code old}, for an update, the previous
 * values of the columns that changed; {@code position}, when the caller gives it, where a reader resumes after the
 * row's event; {@code gtid} the transaction's GTID when a GTID event announced it; {@code primary_key} when the
 * table's key is known.) Values are encoded as the README's table says.
 *
 * <p><b>xid and commit.</b> A transaction's end (its XID event, or a {@code COMMIT} query) comes after its last
 * row, so the writer holds back the last row it was given (and, with {@link #allEvents}, the events after it)
 * until it knows whether another row follows: the last row of a transaction gets {@code "commit":true} and, when
 * the transaction ended with an XID event, {@code "xid"}. Rows before it are written as soon as the next row
 * arrives and carry neither (Maxwell buffers a whole transaction to give every row the xid; this writer holds one
 * row, so its memory does not grow with the transaction). Call {@link #finish()} at the end of the input to write
 * what is held back; a row whose transaction's end was never seen is written without {@code commit}.
 *
 * <p>With {@code allEvents}, every other event is written too, as an object with an {@code "event"} field (its
 * class name) and its fields: see {@link #toJson(BinlogEvent)}.
 *
 * <p>The text goes to the {@link Appendable} given, or as UTF-8 bytes to the {@link OutputStream} given to
 * {@link #utf8(OutputStream, boolean)} (faster: no string per line), line by line, each ended by {@code \n}; the
 * writer does not flush it. Rows that keep their bytes (lazy rows) have their common values written from the event's
 * bytes without a Java object per value, the same text as from decoded values ({@link Row#raw}). Not thread-safe: one
 * writer per stream.
 */
public final class JsonLines {

    private static final byte[] COMMIT = ",\"commit\":true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XID = ",\"xid\":".getBytes(StandardCharsets.US_ASCII);

    /** Where the text goes: one of the two is set. */
    private final Appendable out;

    private final OutputStream bytesOut;
    private final boolean allEvents;
    /** An event that is not a row change, as text (EventObjects). */
    private final StringBuilder line = new StringBuilder(1024);
    /** The row held back (and events after it), in UTF-8. */
    private final JsonBytes held = new JsonBytes(4096);
    /** Scratch for the UTF-8 of a line that is not held. */
    private final JsonBytes scratch = new JsonBytes(1024);

    private final RowLines rowLines = new RowLines();
    /** Where {@code xid}/{@code commit} go in {@link #held}, -1 when nothing is held. */
    private int heldInsert = -1;

    private String gtid;
    private String escapedFile;
    private byte[] escapedFileBytes;

    /**
     * A writer of row changes to {@code out}.
     *
     * @param allEvents also write the events that are not row changes, as objects with an {@code event} field
     */
    public JsonLines(Appendable out, boolean allEvents) {
        this.out = Objects.requireNonNull(out, "out");
        this.bytesOut = null;
        this.allEvents = allEvents;
    }

    private JsonLines(OutputStream out, boolean allEvents) {
        this.out = null;
        this.bytesOut = Objects.requireNonNull(out, "out");
        this.allEvents = allEvents;
    }

    /**
     * A writer of row changes to a byte stream, in UTF-8: the same lines as {@link #JsonLines(Appendable, boolean)}
     * with a UTF-8 writer, written as bytes without a string per line or per value (the faster way to a file, a
     * socket or stdout; give it a buffered stream, it writes each line's bytes in one to three calls).
     *
     * @param allEvents also write the events that are not row changes, as objects with an {@code event} field
     */
    public static JsonLines utf8(OutputStream out, boolean allEvents) {
        return new JsonLines(out, allEvents);
    }

    /** Writes the lines of {@code event}, without a position. */
    public void write(BinlogEvent event) {
        write(event, null, 0);
    }

    /**
     * Writes the lines of {@code event}: a line per row of a rows event (the last held back, see above), a line
     * for another event when writing all events.
     *
     * @param file     the binlog file of the event, {@code null} to write no {@code position}
     * @param position the position in {@code file} after the event (where a reader resumes)
     * @throws JsonLinesException when {@code out} fails
     * @throws org.mysqlreplication.event.RowValueException when a value cannot be read (lazy rows, spill files)
     */
    public void write(BinlogEvent event, String file, long position) {
        if (event instanceof RowsEvent rows) {
            rows(rows, file, position);
            return;
        }
        String pos = file == null ? null : file + ":" + position;
        boolean ends = endsTransaction(event);
        if (ends) {
            complete(
                    event instanceof XidEvent x ? Long.toUnsignedString(x.xid()) : null,
                    TransactionBoundary.commits(event));
        } else if (event instanceof GtidEvent g) {
            complete(null, false);
            gtid = g.anonymous() ? null : g.gtid();
        } else if (event instanceof MariadbGtidEvent g) {
            complete(null, false);
            gtid = g.gtid();
        }
        if (allEvents) {
            line.setLength(0);
            EventObjects.append(line, event, pos);
            line.append('\n');
            if (heldInsert >= 0) {
                held.utf8(line);
            } else if (out != null) {
                emit(line);
            } else {
                scratch.setLength(0);
                scratch.utf8(line);
                emit(scratch, 0, scratch.length());
            }
        }
        if (ends) {
            gtid = null;
        }
    }

    /** Writes what is held back: the last row (without {@code commit}: its transaction's end was not seen). */
    public void finish() {
        complete(null, false);
    }

    /**
     * One event as one JSON object (no newline): for a rows event its header fields, {@code database},
     * {@code table}, {@code type} and {@code "rows":[{"data":{..},"old":{..}},...]}; for another event
     * {@code "event"} (the class name), {@code type_code}, {@code ts}, {@code server_id}, {@code log_pos} and each
     * field of the event record in snake case. What python-mysql-replication's {@code to_dict()}/{@code to_json()}
     * give for an event. Query text passes through the same password redaction as {@code dump()}.
     */
    public static String toJson(BinlogEvent event) {
        StringBuilder sb = new StringBuilder(256);
        if (event instanceof RowsEvent rows) {
            RowJson.event(sb, rows, null);
        } else {
            EventObjects.append(sb, event, null);
        }
        return sb.toString();
    }

    /**
     * {@link #toJson(BinlogEvent)} as a map, the JSON read back: objects as {@code Map}s with their keys in order,
     * arrays as {@code List}s, strings, booleans and {@code null}; numbers exactly as written, integers as
     * {@code Long} ({@code BigInteger} past its range: BIGINT UNSIGNED), others as {@code BigDecimal} (a DECIMAL
     * with its scale, a FLOAT or DOUBLE as its shortest decimal). What python's {@code to_dict()} gives for an event.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(BinlogEvent event) {
        return (Map<String, Object>) JsonText.parse(toJson(event));
    }

    /**
     * Appends {@code s} as a JSON string literal, escaped as every string this writer writes (quotes, backslashes,
     * control characters, lone surrogates), for programs that build JSON around these lines.
     */
    public static void appendString(StringBuilder sb, CharSequence s) {
        JsonValues.string(sb, s);
    }

    /** How many values were written from their bytes (lazy rows), not decoded first: for tests. */
    long valuesFromBytes() {
        return rowLines.fromBytes;
    }

    private void rows(RowsEvent e, String file, long position) {
        int n = e.rowCount();
        for (int i = 0; i < n; i++) {
            complete(null, false);
            Row data = RowJson.after(e, i);
            Row before = RowJson.before(e, i);
            rowLines.opening(held, e);
            held.number(e.header().timestamp());
            heldInsert = held.length();
            if (file != null) {
                held.ascii(",\"position\":\"").bytes(escaped(file)).ascii(':');
                held.number(position).ascii('"');
            }
            if (gtid != null) {
                held.ascii(",\"gtid\":").string(gtid);
            }
            rowLines.primaryKey(held, data, before);
            held.ascii(',');
            rowLines.dataAndOld(held, data, before);
            held.ascii("}\n");
        }
    }

    /** The file name as it is inside a JSON string literal, in UTF-8 (kept for the next rows of that file). */
    private byte[] escaped(String file) {
        if (!file.equals(escapedFile)) {
            scratch.setLength(0);
            scratch.string(file);
            escapedFileBytes = Arrays.copyOfRange(scratch.array(), 1, scratch.length() - 1);
            escapedFile = file;
        }
        return escapedFileBytes;
    }

    /** Writes the held row (with {@code xid} and {@code commit} when given) and the events after it. */
    private void complete(String xid, boolean commit) {
        if (heldInsert < 0) {
            return;
        }
        if (xid == null && !commit) {
            emit(held, 0, held.length());
        } else {
            int tail = held.length();
            if (xid != null) {
                held.bytes(XID).ascii(xid);
            }
            if (commit) {
                held.bytes(COMMIT);
            }
            emit(held, 0, heldInsert);
            emit(held, tail, held.length());
            emit(held, heldInsert, tail);
        }
        held.setLength(0);
        heldInsert = -1;
    }

    /**
     * Whether the held row's group has ended: by the rule of {@link TransactionBoundary}, without its state (the
     * writer may be given a filtered stream without the GTID events): an event that ends a transaction by itself, or
     * any other query that opens none (a DDL; a statement between rows has no row after it in this group either).
     */
    private static boolean endsTransaction(BinlogEvent e) {
        return TransactionBoundary.endsByItself(e)
                || e instanceof QueryEvent q && !TransactionBoundary.opensExplicitly(q.query());
    }

    private void emit(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void emit(JsonBytes b, int from, int to) {
        try {
            if (bytesOut != null) {
                b.writeTo(bytesOut, from, to);
            } else {
                b.appendTo(out, from, to);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static JsonLinesException failed(IOException e) {
        return new JsonLinesException("writing JSON lines failed: " + e.getMessage(), e);
    }
}
