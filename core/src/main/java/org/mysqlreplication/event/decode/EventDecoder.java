package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * Decodes one framed binlog event (common header, body, checksum) into a {@link BinlogEvent} record, by the
 * {@link EventRegistry}'s decoder for its type, and applies the stream state it carries to its
 * {@link DecodeContext}: a FORMAT_DESCRIPTION_EVENT sets the post-header lengths and the checksum algorithm, a
 * TABLE_MAP_EVENT registers its table and resolved schema.
 *
 * <p>The {@link EventReader} is the way events normally come here: it has read the header and knows the event's
 * position. The public {@code decode}, {@code skip} and {@code decodeSpilled} methods are for tests and tools that
 * hold one event's bytes: they read the header themselves.
 *
 * <p>Strict: the event size must cover the common header and the checksum (a FORMAT_DESCRIPTION's must be exactly
 * what its own post-header length says), a decoder must consume exactly its body, leftovers are an error; a CRC32
 * mismatch is a {@link ChecksumException} when verification is on; an event type without a decoder becomes an
 * {@link UnknownEvent} or an {@link UnsupportedEventException} by the context's {@link UnknownEventPolicy} (Percona's
 * encryption start and MariaDB's PARTIAL_ROW_DATA fragments are refused whatever the policy: what follows them, or
 * the rows in them, cannot be read, and must not be lost unnoticed). Every
 * failure is an {@link EventDecodeException} naming file, position, event type and offset, but for a schema
 * resolver's own typed failure (a {@link BinlogException} such as a lost connection to the server it asks), which
 * comes out as it is, so that the reader can treat it as what it is. A decoder may give an {@link UnknownEvent} for
 * a layout of its type it does not know (MySQL's tagged PREVIOUS_GTIDS, say).
 *
 * <p>Not thread-safe: one decoder and one context per stream.
 */
public final class EventDecoder {

    private static final int FDE_VERSION_OFFSET = EventHeader.SIZE + 2;
    /** The FORMAT_DESCRIPTION's own entry in its post-header lengths: after binlog version, server version, time. */
    private static final int FDE_OWN_POST_HEADER_OFFSET = EventHeader.SIZE
            + 2
            + FormatDescriptionDecoder.SERVER_VERSION_LENGTH
            + 4
            + 1
            + EventType.FORMAT_DESCRIPTION_EVENT.code()
            - 1;

    private static final int CHECKSUM_LENGTH = 4;

    private final DecodeContext ctx;

    public EventDecoder(DecodeContext ctx) {
        this.ctx = java.util.Objects.requireNonNull(ctx, "ctx");
        ctx.setInnerEvents(this::decodePayload);
    }

    public DecodeContext context() {
        return ctx;
    }

    /**
     * Reads the common header at the reader's position <b>without advancing</b> it. Throws
     * {@link org.mysqlreplication.io.ByteReaderOverrunException} when fewer than 19 bytes remain.
     */
    public static EventHeader readHeader(ByteReader eventBytes) {
        ByteReader h = ByteReader.of(
                eventBytes.array(), eventBytes.arrayOffset(), Math.min(EventHeader.SIZE, eventBytes.remaining()));
        long timestamp = h.readUint32();
        int type = h.readUint8();
        long serverId = h.readUint32();
        long size = h.readUint32();
        long logPos = h.readUint32();
        int flags = h.readUint16();
        return new EventHeader(timestamp, EventType.ofCode(type), type, serverId, size, logPos, flags);
    }

    /**
     * Decodes one whole event (header, body, checksum) from the reader's position and advances past it. The
     * event's position in its file is taken as header log position minus event size.
     */
    public BinlogEvent decode(ByteReader eventBytes) {
        return decode(eventBytes, -1);
    }

    /** As {@link #decode(ByteReader)}, with the event's position in its binlog file when the caller knows it. */
    public BinlogEvent decode(ByteReader eventBytes, long position) {
        EventHeader h = header(eventBytes, position);
        return decode(h, eventBytes, EventReader.positionOf(h, position), false, false);
    }

    /**
     * Passes over one event: verifies its checksum and applies the stream state of the event types that carry
     * some ({@link EventRegistry#carriesState}), but decodes nothing else and builds no event.
     */
    public void skip(ByteReader eventBytes) {
        skip(eventBytes, -1);
    }

    /** As {@link #skip(ByteReader)} with the event's known position. */
    public void skip(ByteReader eventBytes, long position) {
        EventHeader h = header(eventBytes, position);
        decode(h, eventBytes, EventReader.positionOf(h, position), true, false);
    }

    /**
     * Decodes a rows event whose bytes are in a spill file from {@code offset} (readers spill rows events larger
     * than {@link DecodeContext#largeValueThreshold()}): header, CRC32 (verified by reading the file through),
     * post-header, and the rows, whose BLOB-family values above the threshold are
     * {@link org.mysqlreplication.value.LargeValue}s reading from the file. The file is released here when the
     * event holds no large value or decoding fails; otherwise when nothing refers to the event's large values any
     * more, or when its {@link org.mysqlreplication.io.SpillFiles} is closed.
     *
     * @param position the event's position in its binlog file, -1 when not known
     * @throws EventDecodeException (and its {@link ChecksumException}) as {@link #decode(ByteReader, long)}, also
     *     for an event that is not a rows event
     */
    public BinlogEvent decodeSpilled(SpillFile file, long offset, long position) {
        EventHeader h = SpilledEventDecoder.readHeader(file, offset, ctx, position);
        return decodeSpilled(h, file, offset, EventReader.positionOf(h, position), false);
    }

    /** As {@link #decodeSpilled} for a rows event the caller does not want: checked, not decoded, released. */
    public void skipSpilled(SpillFile file, long offset, long position) {
        EventHeader h = SpilledEventDecoder.readHeader(file, offset, ctx, position);
        decodeSpilled(h, file, offset, EventReader.positionOf(h, position), true);
    }

    /** The spilled event at {@code offset} of {@code file}, its header already read; null for a skip. */
    BinlogEvent decodeSpilled(EventHeader h, SpillFile file, long offset, long position, boolean skip) {
        SpilledEventDecoder spilled = new SpilledEventDecoder(this, file, offset, h, position);
        return EventRegistry.endsWithText(h.eventType()) ? spilled.runTruncated(skip) : spilled.run(skip);
    }

    private EventHeader header(ByteReader in, long knownPosition) {
        try {
            if (in.remaining() < EventHeader.SIZE) {
                throw new BodyFormatException(in.remaining() + " byte(s), fewer than the 19 of a header");
            }
            return readHeader(in);
        } catch (BinlogException e) {
            throw new EventDecodeException(
                    "event header truncated: " + e.getMessage(), ctx.binlogFile(), knownPosition, "<unknown>", 0, e);
        }
    }

    /**
     * Decodes the events of a TRANSACTION_PAYLOAD's uncompressed payload, one after another to its end: whole
     * events, their common header first and no checksum, in this decoder's context (their TABLE_MAPs register).
     * An error names the payload's position and the offset of the failing event in the payload.
     */
    private List<BinlogEvent> decodePayload(byte[] payload) {
        long position = ctx.eventPosition();
        ByteReader in = ByteReader.of(payload);
        List<BinlogEvent> events = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            try {
                EventHeader h = header(in, position);
                if (h.eventType() == EventType.TRANSACTION_PAYLOAD_EVENT) {
                    throw new EventDecodeException(
                            "a transaction payload inside another",
                            ctx.binlogFile(),
                            position,
                            EventType.TRANSACTION_PAYLOAD_EVENT.name(),
                            -1,
                            null);
                }
                events.add(decode(h, in, position, false, true));
            } catch (EventDecodeException e) {
                throw new EventDecodeException(
                        "event at offset " + at + " of the uncompressed payload: " + e.getMessage(),
                        ctx.binlogFile(),
                        position,
                        EventType.TRANSACTION_PAYLOAD_EVENT.name(),
                        -1,
                        e);
            }
        }
        ctx.setEventPosition(position);
        return events;
    }

    /**
     * Decodes (or skips) the event at the reader's position, whose header {@code h} is, and advances past it.
     *
     * @param position the event's position, as {@link EventReader#positionOf} gives it
     * @param inner    an event inside a transaction payload, without checksum
     * @return the event, or null for a skip of an event that carries no state
     */
    BinlogEvent decode(EventHeader h, ByteReader in, long position, boolean skip, boolean inner) {
        ctx.setEventPosition(position);
        int headerLength = headerLength(h);
        if (h.eventSize() < headerLength || h.eventSize() > in.remaining()) {
            throw sizeOutside(h, headerLength, in.remaining(), position);
        }
        ByteReader event = in.slice((int) h.eventSize());
        int checksum = inner ? 0 : checksumLength(h, event, position);
        if (h.eventSize() < headerLength + checksum) {
            throw sizeOutside(h, headerLength + checksum, in.remaining() + h.eventSize(), position);
        }
        verifyChecksum(h, event, checksum, position);
        event.skip(headerLength);
        ByteReader body = event.slice(event.remaining() - checksum);
        if (skip && !EventRegistry.carriesState(h.eventType())) {
            return null;
        }
        return decodeBody(h, body, headerLength, position);
    }

    /** The length of this event's common header, as the format description says. */
    int headerLength(EventHeader h) {
        return ctx.formatDescription() == null || h.eventType() == EventType.FORMAT_DESCRIPTION_EVENT
                ? EventHeader.SIZE
                : ctx.formatDescription().headerLength();
    }

    EventDecodeException sizeOutside(EventHeader h, int smallest, long available, long position) {
        return new EventDecodeException(
                "event size " + h.eventSize() + " outside " + smallest + ".." + available
                        + " (the header and checksum .. the bytes available)",
                ctx.binlogFile(),
                position,
                h.typeName(),
                9,
                null);
    }

    BinlogEvent decodeBody(EventHeader h, ByteReader body, int headerLength, long position) {
        if (h.eventType() == EventType.PERCONA_START_5_7_ENCRYPTION_EVENT) {
            throw new UnsupportedEventException(
                    "encrypted binlog (Percona): the events after this one cannot be"
                            + " read without decryption, which is not supported",
                    ctx.binlogFile(),
                    position,
                    h.typeName());
        }
        if (h.eventType() == EventType.MARIADB_PARTIAL_ROW_DATA_EVENT) {
            throw new UnsupportedEventException(
                    "MariaDB 12.3+ split a rows event larger than binlog_row_event_fragment_threshold into"
                            + " PARTIAL_ROW_DATA fragments, which are not reassembled: its rows cannot be read"
                            + " (raise binlog_row_event_fragment_threshold on the source above its largest rows event)",
                    ctx.binlogFile(),
                    position,
                    h.typeName());
        }
        EventRegistry.Entry entry = EventRegistry.entry(h.eventType());
        if (entry == null) {
            if (ctx.unknownEventPolicy() == UnknownEventPolicy.FAIL) {
                throw new UnsupportedEventException(
                        "event type " + h.typeCode() + " is not decoded", ctx.binlogFile(), position, h.typeName());
            }
            return new UnknownEvent(h, body.readRemainingBytes());
        }
        BinlogEvent event;
        try {
            event = entry.decoder().decode(h, body, ctx);
        } catch (RuntimeException e) {
            throw failure(e, h, position, headerLength + body.position());
        }
        if (body.hasRemaining()) {
            throw new EventDecodeException(
                    body.remaining() + " byte(s) left over after the event body",
                    ctx.binlogFile(),
                    position,
                    h.typeName(),
                    headerLength + body.position(),
                    null);
        }
        if (!entry.recordClass().isInstance(event) && !(event instanceof UnknownEvent)) {
            throw new IllegalStateException(
                    h.typeName() + " decoded to " + event.getClass().getSimpleName() + ", registered as "
                            + entry.recordClass().getSimpleName());
        }
        if (event instanceof FormatDescriptionEvent fde) {
            ctx.setFormatDescription(fde);
        }
        return event;
    }

    /**
     * What a decoder's failure becomes: an {@link EventDecodeException} with the event's location (ByteReader
     * overruns, value decoding errors and the like), or a schema resolver's own failure as it is.
     */
    EventDecodeException failure(RuntimeException e, EventHeader h, long position, int offset) {
        if (e instanceof SchemaResolverFailure f) {
            throw f.failure();
        }
        if (e instanceof EventDecodeException d) {
            return d;
        }
        return new EventDecodeException(
                e.getMessage() != null ? e.getMessage() : e.toString(),
                ctx.binlogFile(),
                position,
                h.typeName(),
                offset,
                e);
    }

    /**
     * The checksum length of this event. A FORMAT_DESCRIPTION_EVENT says its own: from MySQL 5.6.1 / MariaDB 5.3
     * it ends with the algorithm byte and 4 checksum bytes, whatever the algorithm; other events follow the
     * context. A FORMAT_DESCRIPTION's size must be exactly its own post-header length after the common header, plus
     * those 5 bytes: a corrupt size would otherwise read as a valid event that swallows the ones after it.
     */
    private int checksumLength(EventHeader h, ByteReader event, long position) {
        if (h.eventType() != EventType.FORMAT_DESCRIPTION_EVENT) {
            return ctx.checksumAlgorithm().length();
        }
        if (event.remaining() <= FDE_OWN_POST_HEADER_OFFSET) {
            throw new EventDecodeException(
                    "format description of " + event.remaining() + " byte(s) is too short",
                    ctx.binlogFile(),
                    position,
                    h.typeName(),
                    -1,
                    null);
        }
        ByteReader v = ByteReader.of(
                event.array(),
                event.arrayOffset() + FDE_VERSION_OFFSET,
                FormatDescriptionDecoder.SERVER_VERSION_LENGTH);
        boolean algorithm = ServerVersion.hasChecksumAlgorithm(FormatDescriptionDecoder.readServerVersion(v));
        int own = event.peekUint8(FDE_OWN_POST_HEADER_OFFSET);
        long expected = EventHeader.SIZE + own + (algorithm ? 1 + CHECKSUM_LENGTH : 0);
        if (h.eventSize() != expected) {
            throw new EventDecodeException(
                    "format description of " + h.eventSize() + " bytes, but its own" + " post-header length " + own
                            + " makes it " + expected,
                    ctx.binlogFile(),
                    position,
                    h.typeName(),
                    9,
                    null);
        }
        return algorithm ? CHECKSUM_LENGTH : 0;
    }

    private void verifyChecksum(EventHeader h, ByteReader event, int checksum, long position) {
        if (checksum == 0 || !ctx.verifyChecksum()) {
            return;
        }
        byte[] a = event.array();
        int start = event.arrayOffset();
        int end = start + event.remaining() - CHECKSUM_LENGTH;
        if (h.eventType() == EventType.FORMAT_DESCRIPTION_EVENT && a[end - 1] != ChecksumAlgorithm.CRC32.code()) {
            return; // an FDE of a NONE binlog: its trailing 4 bytes are not a checksum to check
        }
        CRC32 crc = new CRC32();
        int flagsAt = start + 17;
        crc.update(a, start, 17);
        int flagsLow = a[flagsAt] & 0xFF;
        if (h.eventType() == EventType.FORMAT_DESCRIPTION_EVENT) {
            flagsLow &= ~EventHeader.LOG_EVENT_BINLOG_IN_USE_F; // the server computes it with the flag cleared
        }
        crc.update(flagsLow);
        crc.update(a, flagsAt + 1, end - flagsAt - 1);
        long expected = ByteReader.of(a, end, CHECKSUM_LENGTH).readUint32();
        if (crc.getValue() != expected) {
            throw new ChecksumException(ctx.binlogFile(), position, h.typeName(), expected, crc.getValue());
        }
    }
}
