package org.mysqlreplication.event.decode;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.event.RotateEvent;
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

    private EventReader(DecodeContext ctx, EventSelector selector, Consumer<BinlogEvent> observer, String fileName) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.decoder = new EventDecoder(ctx);
        this.selector = Objects.requireNonNull(selector, "selector");
        this.observer = observer == null ? e -> { } : observer;
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
        afterPayload = null;
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
        if (e != null && out.isEmpty() && afterPayload != null) {
            position = afterPayload;
            afterPayload = null;
        }
        return e;
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
        boolean wanted = wanted(header, payload.bytes());
        BinlogEvent event = payload.isSpilled()
                ? decoder.decodeSpilled(header, payload.spill(), payload.spillOffset(), start, !wanted)
                : decoder.decode(header, payload.bytes(), start, !wanted, false);
        if (replayed) {
            return; // decoded for the stream state it carries (format description), handed out before
        }
        BinlogPosition before = position;
        advance(event);
        if (event == null) {
            return;
        }
        observer.accept(event);
        if (event instanceof TransactionPayloadEvent transaction) {
            unpack(transaction, before);
        } else if (event instanceof MariadbStartEncryptionEvent && fileName != null) {
            throw new UnsupportedEventException("encrypted binlog: the events after this one cannot be read"
                    + " without decryption, which is not supported", ctx.binlogFile(), start, header.typeName());
        } else if (selector.accepts(event)) {
            out.add(event);
        }
    }

    /** Queues the wanted events of a transaction payload; the position stays at its start until they are out. */
    private void unpack(TransactionPayloadEvent payload, BinlogPosition before) {
        for (BinlogEvent event : payload.events()) {
            observer.accept(event);
            if (selector.accepts(event)) {
                out.add(event);
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
        throw new EventDecodeException("event header truncated: " + bytes.remaining() + " of 19 bytes",
                ctx.binlogFile(), knownPosition, "<unknown>", 0, null);
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
