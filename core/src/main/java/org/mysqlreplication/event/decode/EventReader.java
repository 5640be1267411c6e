package org.mysqlreplication.event.decode;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;

/**
 * Turns one event's {@link Payload} after another, from a live stream or a binlog file, into the events to hand
 * out, and keeps where the stream is. For each payload it reads the common header once, computes the event's
 * position once, decides from the header and the {@link EventSelector} whether to decode the event, skip it
 * (checksum verified, nothing built) or decode it for its stream state only, decodes it in memory or from its spill
 * file, and opens a TRANSACTION_PAYLOAD into the events inside. It is the only writer of the context's file name.
 *
 * <p>Positions: {@link #position()} is where the next event not yet handed out starts, so a reader started there
 * continues with exactly that event. It moves past an event when the event is read (handed out or dropped), but for
 * a compressed transaction, whose events have no position of their own: it stays at the payload's start until the
 * last of its events is handed out. In a live stream ({@link #forStream}) it follows the header's log position and
 * ROTATE events; in a file ({@link #forFile}) it is the offset in that file, whose name it keeps (a relay log's
 * ROTATEs name the source's binlog).
 *
 * <p>Not thread-safe: one reader per stream, used by one thread.
 */
public final class EventReader {

    /** Header flag of events the server made up for the replica (the first ROTATE of a dump, heartbeats). */
    public static final int LOG_EVENT_ARTIFICIAL_F = 0x20;

    private final EventDecoder decoder;
    private final DecodeContext ctx;
    private final EventSelector selector;
    private final Consumer<BinlogEvent> observer;
    /** A file's name, which positions keep; null for a live stream, whose ROTATE events name the file. */
    private final String fileName;

    private final ArrayDeque<BinlogEvent> out = new ArrayDeque<>();
    private EventHeader header;
    private long start = -1;
    private BinlogPosition position;
    /** The position after the compressed transaction being handed out, or null. */
    private BinlogPosition afterPayload;
    /** After a reconnect, the position resumed at until an event at or after it arrives; null otherwise. */
    private BinlogPosition resumeAt;

    private final TransactionTracker tx = new TransactionTracker();
    /**
     * Resuming to the row: events of the transaction resumed with an index below this are not handed out, and the
     * event with this index loses its first {@link #resumeRows} rows; -1 once done (or when not resuming).
     */
    private long resumeEvents = -1;

    private long resumeRows;
    /** Where the event read last stands in its transaction (a compressed transaction's events: {@link #marks}). */
    private BinlogPosition readTx;

    private long readIndex;
    private int readRowOffset;
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    /** The event handed out last, and where it stands in its transaction. */
    private BinlogEvent handed;

    private BinlogPosition handedTx;
    private long handedIndex;
    private int handedRowOffset;

    /** Where an event of a compressed transaction stands in it. */
    private record Mark(BinlogPosition tx, long index, int rowOffset) {}

    private EventReader(DecodeContext ctx, EventSelector selector, Consumer<BinlogEvent> observer, String fileName) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.decoder = new EventDecoder(ctx);
        this.selector = Objects.requireNonNull(selector, "selector");
        ctx.setSelector(selector);
        this.observer = observer == null ? e -> {} : observer;
        this.fileName = fileName;
    }

    /**
     * A reader of a live stream.
     *
     * @param observer sees every event decoded, handed out or not (those decoded for their state too), outer events
     *                 before the events of a compressed transaction; null for none
     */
    public static EventReader forStream(DecodeContext ctx, EventSelector selector, Consumer<BinlogEvent> observer) {
        return new EventReader(ctx, selector, observer, null);
    }

    /** A reader of the binlog file {@code fileName}, whose events start at offset 4. */
    public static EventReader forFile(String fileName, DecodeContext ctx, EventSelector selector) {
        EventReader r = new EventReader(ctx, selector, null, Objects.requireNonNull(fileName, "fileName"));
        r.position = new BinlogPosition(fileName, BinlogPosition.FIRST_EVENT);
        ctx.setBinlogFile(fileName);
        return r;
    }

    /**
     * A live stream's (new) session starts: at {@code start} (null when the server's first ROTATE will say, as
     * for a start at a GTID position), with the checksum algorithm negotiated with the server. When
     * {@code resuming}, the session continues one that was lost: the server's ROTATE and FORMAT_DESCRIPTION before
     * {@code start}, and any event that starts before it, are decoded for their state but not handed out.
     */
    public void startSession(BinlogPosition start, ChecksumAlgorithm checksum, boolean resuming) {
        position = start;
        resumeAt = resuming ? start : null;
        out.clear();
        marks.clear();
        afterPayload = null;
        if (!resuming) {
            tx.reset(); // a reconnect continues the transaction it was in, with its table maps
        }
        ctx.setBinlogFile(start != null ? start.file() : null);
        ctx.setChecksumAlgorithm(checksum);
    }

    public DecodeContext context() {
        return ctx;
    }

    /** The decoder behind this reader (for tests and tools). */
    public EventDecoder decoder() {
        return decoder;
    }

    /** Where the next event not yet handed out starts; null in a stream before the server said. */
    public BinlogPosition position() {
        return position;
    }

    /** The header of the payload read last, or null. */
    public EventHeader header() {
        return header;
    }

    /** Whether events read are still to be handed out by {@link #poll()}. */
    public boolean hasPending() {
        return !out.isEmpty();
    }

    /**
     * The next event to hand out from what was read, or null when there is none; the position moves past a
     * compressed transaction when its last event is taken.
     */
    public BinlogEvent poll() {
        BinlogEvent e = out.poll();
        if (e == null) {
            return null;
        }
        Mark m = marks.poll();
        handed = e;
        handedTx = m != null ? m.tx() : readTx;
        handedIndex = m != null ? m.index() : readIndex;
        handedRowOffset = m != null ? m.rowOffset() : readRowOffset;
        if (out.isEmpty() && afterPayload != null) {
            position = afterPayload;
            afterPayload = null;
        }
        return e;
    }

    /**
     * Resume to the row (see {@link ResumePosition}): the session about to start begins at the transaction's first
     * event; of that transaction, the first {@code skipEvents} events are read for their state only, and the next
     * loses its first {@code skipRows} rows.
     */
    public void resumeWithin(long skipEvents, long skipRows) {
        resumeEvents = skipEvents > 0 ? skipEvents : -1;
        resumeRows = skipRows;
    }

    /**
     * The position after the event handed out last: a reader started there hands out the next event. Inside a
     * transaction it is the transaction's start and the events to pass over; without the server's identity and
     * GTID, which the caller adds.
     */
    public ResumePosition resumePosition() {
        if (handed == null || handedTx == null) {
            return position == null ? null : ResumePosition.at(position);
        }
        return new ResumePosition(handedTx, handedIndex + 1, 0, handed.header().serverId(), null, null);
    }

    /**
     * The position after row {@code row} (0-based, of its {@link RowsEvent#rows() rows}) of the rows event handed
     * out last: a reader started there hands out the rest of that event's rows, then what follows.
     *
     * @throws IllegalStateException when the event handed out last is not a rows event, or the reader did not see
     *     where its transaction began (it started inside it at a bare binlog position)
     * @throws IllegalArgumentException when the event has no such row
     */
    public ResumePosition resumePositionAfterRow(int row) {
        if (!(handed instanceof RowsEvent r)) {
            throw new IllegalStateException("the event handed out last is not a rows event: " + handed);
        }
        if (row < 0 || row >= r.rowCount()) {
            throw new IllegalArgumentException("row " + row + " of an event of " + r.rowCount() + " row(s)");
        }
        if (row == r.rowCount() - 1) {
            return resumePosition();
        }
        if (handedTx == null) {
            throw new IllegalStateException("the reader did not see where the transaction of this rows event began"
                    + " (it started inside it): no position to its rows");
        }
        return new ResumePosition(
                handedTx, handedIndex, handedRowOffset + row + 1L, r.header().serverId(), null, null);
    }

    /**
     * Reads the event of {@code payload}; what is to be handed out then comes from {@link #poll()}. The payload's
     * spill file, if any, is the decoder's from here on (released when no value refers to it).
     *
     * @param knownPosition the event's offset in its file when the source knows it (a file), else -1
     * @throws EventDecodeException when the event cannot be read, naming file, position and type
     */
    public void read(Payload payload, long knownPosition) {
        header = header(payload, knownPosition);
        start = positionOf(header, knownPosition);
        if (fileName != null) {
            ctx.setBinlogFile(fileName);
        }
        boolean replayed = replayed();
        boolean wanted = !skippedOnResume(header) && wanted(header, payload.bytes());
        BinlogEvent event = payload.isSpilled()
                ? decoder.decodeSpilled(header, payload.spill(), payload.spillOffset(), start, !wanted)
                : decoder.decode(header, payload.bytes(), start, !wanted, false);
        if (replayed && event instanceof RotateEvent r && !r.nextBinlog().equals(resumeAt.file())) {
            resumeAt = null; // the file resumed in ended without a ROTATE (a server that crashed): the next is new
            replayed = false;
        }
        if (replayed) {
            return; // decoded for the stream state it carries (format description), handed out before
        }
        BinlogPosition before = position;
        String file = before != null ? before.file() : fileName;
        advance(event);
        if (event instanceof TransactionPayloadEvent transaction) {
            observer.accept(event);
            unpack(transaction, before, file);
            return;
        }
        long index = tx.count(header, event, file, start);
        if (event == null) {
            return;
        }
        observer.accept(event);
        if (event instanceof MariadbStartEncryptionEvent && fileName != null) {
            throw new UnsupportedEventException(
                    "encrypted binlog: the events after this one cannot be read"
                            + " without decryption, which is not supported",
                    ctx.binlogFile(),
                    start,
                    header.typeName());
        }
        int rowOffset = resumedRows(index);
        if (rowOffset >= 0 && selector.accepts(event)) {
            out.add(rowOffset > 0 ? ((RowsEvent) event).withoutFirstRows(rowOffset) : event);
            readTx = tx.lastOpen();
            readIndex = index;
            readRowOffset = rowOffset;
        }
    }

    /**
     * Resuming to the row, for the event of {@code index} in its transaction: -1 when it was handed out before the
     * position resumed at, else how many of its first rows were (0 for all but the one event the position names).
     */
    private int resumedRows(long index) {
        if (resumeEvents < 0 || index < 0) {
            return 0;
        }
        if (index < resumeEvents) {
            return -1;
        }
        int rows = index == resumeEvents ? (int) Math.min(resumeRows, Integer.MAX_VALUE) : 0;
        resumeEvents = -1;
        return rows;
    }

    /** Whether, resuming to the row, the event is one handed out before: read for its state only. */
    private boolean skippedOnResume(EventHeader h) {
        return resumeEvents >= 0
                && tx.start() != null
                && tx.next() < resumeEvents
                && TransactionTracker.counted(h)
                && !EventRegistry.carriesState(h.eventType());
    }

    /** Queues the wanted events of a transaction payload; the position stays at its start until they are out. */
    private void unpack(TransactionPayloadEvent payload, BinlogPosition before, String file) {
        for (BinlogEvent event : payload.events()) {
            long index = tx.count(event.header(), event, file, start);
            observer.accept(event);
            int rowOffset = resumedRows(index);
            if (rowOffset >= 0 && selector.accepts(event)) {
                out.add(rowOffset > 0 ? ((RowsEvent) event).withoutFirstRows(rowOffset) : event);
                marks.add(new Mark(tx.lastOpen(), index, rowOffset));
            }
        }
        if (!out.isEmpty()) {
            afterPayload = position;
            position = before;
        }
    }

    private EventHeader header(Payload payload, long knownPosition) {
        ByteReader bytes = payload.bytes();
        if (bytes.remaining() >= EventHeader.SIZE) {
            return EventDecoder.readHeader(bytes);
        }
        if (payload.isSpilled()) {
            payload.spill().release();
        }
        throw new EventDecodeException(
                "event header truncated: " + bytes.remaining() + " of 19 bytes",
                ctx.binlogFile(),
                knownPosition,
                "<unknown>",
                0,
                null);
    }

    /**
     * Whether, after a reconnect, an event is one the server sends before the position resumed at: its artificial
     * ROTATE, the format description it repeats (with no position), or anything starting before it. Artificial
     * events (heartbeats) until then are not handed out either.
     */
    private boolean replayed() {
        if (resumeAt == null) {
            return false;
        }
        if (start >= 0 && start >= resumeAt.position()) {
            resumeAt = null;
            return false;
        }
        return true;
    }

    private void advance(BinlogEvent event) {
        if (fileName != null) {
            position = new BinlogPosition(fileName, start + header.eventSize());
        } else if (event instanceof RotateEvent r) {
            position = new BinlogPosition(r.nextBinlog(), r.position());
            ctx.setBinlogFile(r.nextBinlog());
        } else if (header.logPos() > 0 && position != null && !isArtificial(header)) {
            position = new BinlogPosition(position.file(), header.logPos());
        }
    }

    /**
     * Whether an event is worth decoding: a cheap check on the header (and, for rows events, the table id, read by
     * the rule of {@link RowsPostHeader}) before any row is decoded. Events that carry stream state are always
     * decoded, and so are those of a type without a decoder (the unknown-event policy decides).
     */
    private boolean wanted(EventHeader h, ByteReader bytes) {
        Class<? extends BinlogEvent> type = EventRegistry.recordClass(h.eventType());
        if (type == null || EventRegistry.carriesState(h.eventType())) {
            return true;
        }
        if (!selector.acceptsClass(type) || !selector.acceptsTimestamp(h.timestamp())) {
            return false;
        }
        if (!selector.filtersTables() || !EventRegistry.isRowsType(h.eventType())) {
            return true;
        }
        int headerLength = decoder.headerLength(h);
        int idLength = RowsPostHeader.tableIdLength(ctx.postHeaderLength(h.typeCode(), 8));
        if (bytes.remaining() < headerLength + idLength) {
            return true; // too short to say: decoding reports it
        }
        ByteReader id = ByteReader.of(bytes.array(), bytes.arrayOffset() + headerLength, idLength);
        long tableId = idLength == 4 ? id.readUint32() : id.readUint48();
        TableMapEvent map = ctx.tableMap(tableId);
        return map == null || selector.acceptsTable(map.schema(), map.table());
    }

    /**
     * An event's position in its file: the one the source knows, else the header's log position less the event's
     * size; -1 for events the server made up (artificial) and when the header has no position.
     */
    static long positionOf(EventHeader h, long knownPosition) {
        if (knownPosition >= 0) {
            return knownPosition;
        }
        return h.logPos() >= h.eventSize() && h.logPos() > 0 && !isArtificial(h) ? h.logPos() - h.eventSize() : -1;
    }

    /** Whether the server made the event up for the replica (the first ROTATE of a dump, heartbeats). */
    public static boolean isArtificial(EventHeader header) {
        return (header.flags() & LOG_EVENT_ARTIFICIAL_F) != 0;
    }
}
