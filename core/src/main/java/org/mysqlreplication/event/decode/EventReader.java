package org.mysqlreplication.event.decode;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFiles;

/**
 * Turns one event's {@link Payload} after another, from a live stream or a binlog file, into the events to hand
 * out, and keeps where the stream is. For each payload it reads the common header once, computes the event's
 * position once, decides from the header and the {@link EventSelector} whether to decode the event, skip it
 * (checksum verified, nothing built) or decode it for its stream state only, decodes it in memory or from its spill
 * file, and opens a TRANSACTION_PAYLOAD into the events inside. It is the only writer of the context's file name.
 *
 * <p>Compressed transactions: a TRANSACTION_PAYLOAD's events are decompressed and decoded as a stream, one at a time
 * as {@link #poll()} takes them (and one ahead, to know which is the last to hand out), never the whole transaction
 * at once: an event inside it larger than the large-value threshold goes to a spill file and is decoded from there as
 * any such event is, and the compressed payload, when larger than the threshold, is read from its own spill file
 * (given with the reader's {@link SpillFiles}; without them, the parts larger than the threshold are decompressed into
 * the heap). A failure decoding the event after the one handed out last comes with the next {@link #poll()}, so that
 * nothing decoded before it is lost.
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

    /** The events to hand out, each with where it stands in its transaction. */
    private final ArrayDeque<Queued> out = new ArrayDeque<>();

    private EventHeader header;
    private long start = -1;
    private BinlogPosition position;
    /** The position after the compressed transaction being handed out, or null. */
    private BinlogPosition afterPayload;
    /** The compressed transaction whose events are being handed out, or null. */
    private PayloadEvents transaction;
    /** The binlog file of that transaction. */
    private String payloadFile;
    /** A failure decoding the event after the one handed out last: the next {@link #poll()} throws it. */
    private RuntimeException pending;
    /** After a reconnect, the position resumed at until an event at or after it arrives; null otherwise. */
    private BinlogPosition resumeAt;

    private final TransactionTracker tx = new TransactionTracker();
    private final RowPositions rows = new RowPositions();

    private record Queued(BinlogEvent event, RowPositions.Mark mark) {}

    private EventReader(
            DecodeContext ctx,
            EventSelector selector,
            Consumer<BinlogEvent> observer,
            String fileName,
            SpillFiles spillFiles) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.decoder = new EventDecoder(ctx);
        this.selector = Objects.requireNonNull(selector, "selector");
        ctx.setSelector(selector);
        ctx.setSpillFiles(spillFiles);
        this.observer = observer == null ? e -> {} : observer;
        this.fileName = fileName;
    }

    /** A reader of a live stream without spill files: compressed events are decompressed into the heap. */
    public static EventReader forStream(DecodeContext ctx, EventSelector selector, Consumer<BinlogEvent> observer) {
        return forStream(ctx, selector, observer, null);
    }

    /**
     * A reader of a live stream.
     *
     * @param observer   sees every event decoded, handed out or not (those decoded for their state too), and the
     *                   events of a compressed transaction as they are decoded (not the TRANSACTION_PAYLOAD itself,
     *                   which is never handed out either); null for none
     * @param spillFiles where the decompressed parts of compressed events larger than the large-value threshold go;
     *                   null to decompress them into the heap
     */
    public static EventReader forStream(
            DecodeContext ctx, EventSelector selector, Consumer<BinlogEvent> observer, SpillFiles spillFiles) {
        return new EventReader(ctx, selector, observer, null, spillFiles);
    }

    /** A reader of a binlog file without spill files: compressed events are decompressed into the heap. */
    public static EventReader forFile(String fileName, DecodeContext ctx, EventSelector selector) {
        return forFile(fileName, ctx, selector, null);
    }

    /**
     * A reader of the binlog file {@code fileName}, whose events start at offset 4.
     *
     * @param spillFiles where the decompressed parts of compressed events larger than the large-value threshold go;
     *                   null to decompress them into the heap
     */
    public static EventReader forFile(
            String fileName, DecodeContext ctx, EventSelector selector, SpillFiles spillFiles) {
        EventReader r = new EventReader(ctx, selector, null, Objects.requireNonNull(fileName, "fileName"), spillFiles);
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
        afterPayload = null;
        closePayload();
        pending = null;
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

    /** Whether events read are still to be handed out by {@link #poll()} (or a failure to throw). */
    public boolean hasPending() {
        return !out.isEmpty() || pending != null;
    }

    /**
     * The next event to hand out from what was read, or null when there is none; the position moves past a
     * compressed transaction when its last event is taken. Of a compressed transaction, the event after this one is
     * decoded here.
     *
     * @throws EventDecodeException when the event after the one the previous call handed out could not be decoded
     */
    public BinlogEvent poll() {
        Queued q = out.poll();
        if (q == null) {
            if (pending != null) {
                RuntimeException failure = pending;
                pending = null;
                throw failure;
            }
            return null;
        }
        rows.handedOut(q.event(), q.mark());
        if (out.isEmpty() && transaction != null) {
            try {
                fill(false); // the next event of the transaction, to know whether this one is its last
            } catch (RuntimeException failure) {
                pending = failure; // after this event, which is handed out
            }
        }
        if (out.isEmpty() && afterPayload != null && transaction == null && pending == null) {
            position = afterPayload;
            afterPayload = null;
        }
        return q.event();
    }

    /**
     * Resume to the row (see {@link ResumePosition}): the session about to start begins at the transaction's first
     * event; of that transaction, the first {@code skipEvents} events are read for their state only, and the next
     * loses its first {@code skipRows} rows.
     */
    public void resumeWithin(long skipEvents, long skipRows) {
        rows.resumeWithin(skipEvents, skipRows);
    }

    /**
     * The position after the event handed out last: a reader started there hands out the next event. Inside a
     * transaction it is the transaction's start and the events to pass over; without the server's identity and
     * GTID, which the caller adds.
     */
    public ResumePosition resumePosition() {
        return rows.resumePosition(position);
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
        return rows.resumePositionAfterRow(row, position);
    }

    /**
     * Reads the event of {@code payload}; what is to be handed out then comes from {@link #poll()}. The payload's
     * spill file, if any, is the decoder's from here on (released when no value refers to it; a compressed
     * transaction's once its events are read). A compressed transaction's bytes in the heap are copied: the source
     * may reuse its array while the transaction's events are taken.
     *
     * @param knownPosition the event's offset in its file when the source knows it (a file), else -1
     * @throws EventDecodeException when the event cannot be read, naming file, position and type
     */
    public void read(Payload payload, long knownPosition) {
        if (transaction != null) {
            try {
                fill(true); // read before the compressed transaction's events were taken: they come first, all
            } catch (RuntimeException e) {
                if (payload.isSpilled()) {
                    payload.spill().release();
                }
                throw e;
            }
        }
        header = header(payload, knownPosition);
        start = positionOf(header, knownPosition);
        if (fileName != null) {
            ctx.setBinlogFile(fileName);
        }
        boolean replayed = replayed();
        boolean wanted = !rows.skipped(tx, header) && wanted(header, payload.bytes());
        if (header.eventType() == EventType.TRANSACTION_PAYLOAD_EVENT) {
            open(payload, replayed);
            return;
        }
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
        queue(event, index);
    }

    /** Queues the event, the {@code index}-th of its transaction, if it is to be handed out (resuming: its rows). */
    private void queue(BinlogEvent event, long index) {
        int rowOffset = rows.resumedRows(index);
        if (rowOffset >= 0 && selector.accepts(event)) {
            BinlogEvent e = rowOffset > 0 ? ((RowsEvent) event).withoutFirstRows(rowOffset) : event;
            out.add(new Queued(e, new RowPositions.Mark(tx.lastOpen(), index, rowOffset)));
        }
    }

    /**
     * Opens a compressed transaction, whose events {@link #poll()} then hands out, decoding the first wanted one now;
     * the position stays at its start until they are out. One the server sends again after a reconnect is read for
     * the state its events carry only.
     */
    private void open(Payload p, boolean replayed) {
        PayloadEvents events = decoder.openPayload(header, p, start);
        BinlogPosition before = position;
        if (!replayed) {
            advance(null);
            afterPayload = position;
            position = before;
        }
        transaction = events;
        payloadFile = before != null ? before.file() : fileName;
        if (replayed) {
            skipAll();
        } else {
            fill(false);
        }
    }

    /**
     * Decodes the compressed transaction's events until one is to be handed out ({@code all}: to its end), or to
     * its end, when the position moves past it if nothing is left to hand out. On a failure the transaction is
     * closed and the position stays at its start.
     */
    private void fill(boolean all) {
        while (transaction != null && (all || out.isEmpty())) {
            boolean more;
            try {
                more = transaction.readNext(this::readInner);
            } catch (RuntimeException e) {
                transaction = null; // closed
                afterPayload = null;
                throw e;
            }
            if (!more) {
                transaction = null;
                if (out.isEmpty()) {
                    position = afterPayload;
                    afterPayload = null;
                }
            }
        }
    }

    /** Decodes a replayed compressed transaction's events for their state only (its TABLE_MAPs). */
    private void skipAll() {
        PayloadEvents events = transaction;
        transaction = null;
        while (events.readNext(p -> decoder.decodeInner(EventDecoder.readHeader(p.bytes()), p, start, true))) {
            // each event decoded for its state, or checked
        }
    }

    /** Reads one event of the compressed transaction, as {@link #read} reads one outside it, at the payload's start. */
    private void readInner(Payload p) {
        EventHeader h = EventDecoder.readHeader(p.bytes());
        boolean wanted = !rows.skipped(tx, h) && wanted(h, p.bytes());
        BinlogEvent event = decoder.decodeInner(h, p, start, !wanted);
        long index = tx.count(h, event, payloadFile, start);
        if (event == null) {
            return;
        }
        observer.accept(event);
        queue(event, index);
    }

    private void closePayload() {
        if (transaction != null) {
            transaction.close();
            transaction = null;
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
