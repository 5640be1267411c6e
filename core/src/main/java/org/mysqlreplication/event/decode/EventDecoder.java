package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * Decodes whole binlog events (common header, body, checksum) into {@link BinlogEvent} records, one small
 * {@code XxxDecoder} per event type, and keeps the stream state in its {@link DecodeContext}: a
 * FORMAT_DESCRIPTION_EVENT sets the post-header lengths and the checksum algorithm, a ROTATE_EVENT the file name, a
 * TABLE_MAP_EVENT registers its table and resolved schema.
 *
 * <p>Strict: a decoder must consume exactly its body, leftovers are an error; a CRC32 mismatch is a
 * {@link ChecksumException} when verification is on; an event type without a decoder becomes an
 * {@link UnknownEvent} or an {@link UnsupportedEventException} by the context's {@link UnknownEventPolicy}. Every
 * failure is an {@link EventDecodeException} naming file, position, event type and offset.
 *
 * <p>Not thread-safe: one decoder and one context per stream.
 */
public final class EventDecoder {

    private static final int FDE_VERSION_OFFSET = EventHeader.SIZE + 2;
    private static final int CHECKSUM_LENGTH = 4;

    private final DecodeContext ctx;
    private final Map<EventType, BodyDecoder> decoders = new EnumMap<>(EventType.class);

    public EventDecoder(DecodeContext ctx) {
        this.ctx = java.util.Objects.requireNonNull(ctx, "ctx");
        BodyDecoder fde = new FormatDescriptionDecoder();
        decoders.put(EventType.FORMAT_DESCRIPTION_EVENT, fde);
        decoders.put(EventType.START_EVENT_V3, fde);
        decoders.put(EventType.ROTATE_EVENT, new RotateDecoder());
        decoders.put(EventType.QUERY_EVENT, new QueryDecoder());
        decoders.put(EventType.XID_EVENT, new XidDecoder());
        decoders.put(EventType.TABLE_MAP_EVENT, new TableMapDecoder());
        decoders.put(EventType.INTVAR_EVENT, new IntVarDecoder());
        decoders.put(EventType.RAND_EVENT, new RandDecoder());
        decoders.put(EventType.USER_VAR_EVENT, new UserVarDecoder());
        decoders.put(EventType.STOP_EVENT, new StopDecoder());
        BodyDecoder heartbeat = new HeartbeatDecoder();
        decoders.put(EventType.HEARTBEAT_LOG_EVENT, heartbeat);
        decoders.put(EventType.HEARTBEAT_LOG_EVENT_V2, heartbeat);
        decoders.put(EventType.MARIADB_ANNOTATE_ROWS_EVENT, new MariadbAnnotateRowsDecoder());
        decoders.put(EventType.MARIADB_BINLOG_CHECKPOINT_EVENT, new MariadbBinlogCheckpointDecoder());
        decoders.put(EventType.MARIADB_GTID_EVENT, new MariadbGtidDecoder());
        decoders.put(EventType.MARIADB_GTID_LIST_EVENT, new MariadbGtidListDecoder());
        BodyDecoder gtid = new GtidDecoder();
        decoders.put(EventType.GTID_LOG_EVENT, gtid);
        decoders.put(EventType.ANONYMOUS_GTID_LOG_EVENT, gtid);
        decoders.put(EventType.PREVIOUS_GTIDS_LOG_EVENT, new PreviousGtidsDecoder());
        decoders.put(EventType.XA_PREPARE_LOG_EVENT, new XaPrepareDecoder());
        decoders.put(EventType.ROWS_QUERY_LOG_EVENT, new RowsQueryDecoder());
        BodyDecoder block = new BeginLoadQueryDecoder();
        decoders.put(EventType.BEGIN_LOAD_QUERY_EVENT, block);
        decoders.put(EventType.APPEND_BLOCK_EVENT, block);
        decoders.put(EventType.EXECUTE_LOAD_QUERY_EVENT, new ExecuteLoadQueryDecoder());
        decoders.put(EventType.INCIDENT_EVENT, new IncidentDecoder());
        BodyDecoder rows = new RowsDecoder();
        for (EventType t : EventType.values()) {
            if (t.isRowsEvent()) {
                decoders.put(t, rows);
            }
        }
        decoders.put(EventType.PARTIAL_UPDATE_ROWS_EVENT, rows); // an update whose JSON may come as changes
        decoders.put(EventType.TRANSACTION_PAYLOAD_EVENT, new TransactionPayloadDecoder(this::decodePayload));
        decoders.put(EventType.MARIADB_QUERY_COMPRESSED_EVENT, new MariadbCompressedQueryDecoder());
        BodyDecoder compressedRows = new MariadbCompressedRowsDecoder();
        for (EventType t : EventType.values()) {
            if (t != t.uncompressed() && t.uncompressed().isRowsEvent()) {
                decoders.put(t, compressedRows);
            }
        }
    }

    public DecodeContext context() {
        return ctx;
    }

    /**
     * Reads the common header at the reader's position <b>without advancing</b> it, so a caller can look at the
     * type and size and then call {@link #decode} or {@link #skip} on the same reader. Throws
     * {@link org.mysqlreplication.io.ByteReaderOverrunException} when fewer than 19 bytes remain.
     */
    public static EventHeader readHeader(ByteReader eventBytes) {
        ByteReader h = ByteReader.of(eventBytes.array(), eventBytes.arrayOffset(),
                Math.min(EventHeader.SIZE, eventBytes.remaining()));
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
        return run(eventBytes, position, false, false);
    }

    /**
     * Passes over one event the user filtered out: verifies its checksum and applies the stream state of
     * FORMAT_DESCRIPTION, ROTATE and TABLE_MAP events, but decodes no rows and builds no event.
     */
    public void skip(ByteReader eventBytes) {
        run(eventBytes, -1, true, false);
    }

    /** As {@link #skip(ByteReader)} with the event's known position. */
    public void skip(ByteReader eventBytes, long position) {
        run(eventBytes, position, true, false);
    }

    /**
     * Decodes a rows event whose bytes are in a spill file from {@code offset} (a reader spills rows events larger
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
        return new SpilledEventDecoder(this, file, offset).run(position, false);
    }

    /** As {@link #skip(ByteReader, long)} for a rows event in a spill file, which is released. */
    public void skipSpilled(SpillFile file, long offset, long position) {
        new SpilledEventDecoder(this, file, offset).run(position, true);
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
                if (in.remaining() > 4 && in.peekUint8(4) == EventType.TRANSACTION_PAYLOAD_EVENT.code()) {
                    throw new EventDecodeException("a transaction payload inside another", ctx.binlogFile(),
                            position, EventType.TRANSACTION_PAYLOAD_EVENT.name(), -1, null);
                }
                events.add(run(in, position, false, true));
            } catch (EventDecodeException e) {
                throw new EventDecodeException("event at offset " + at + " of the uncompressed payload: "
                        + e.getMessage(), ctx.binlogFile(), position, EventType.TRANSACTION_PAYLOAD_EVENT.name(), -1,
                        e);
            }
        }
        ctx.setEventPosition(position);
        return events;
    }

    /** Decodes (or skips) one event; {@code inner}: an event inside a transaction payload, without checksum. */
    private BinlogEvent run(ByteReader in, long knownPosition, boolean skip, boolean inner) {
        EventHeader h;
        try {
            h = readHeader(in);
        } catch (BinlogException e) {
            throw new EventDecodeException("event header truncated: " + e.getMessage(), ctx.binlogFile(),
                    knownPosition, "<unknown>", 0, e);
        }
        long position = positionOf(h, knownPosition);
        ctx.setEventPosition(position);
        int headerLength = headerLength(h);
        if (h.eventSize() < headerLength || h.eventSize() > in.remaining()) {
            throw sizeOutside(h, headerLength, in.remaining(), position);
        }
        ByteReader event = in.slice((int) h.eventSize());
        int checksum = inner ? 0 : checksumLength(h, event, position);
        verifyChecksum(h, event, checksum, position);
        event.skip(headerLength);
        ByteReader body = event.slice(event.remaining() - checksum);
        if (skip && !carriesState(h.eventType())) {
            return null;
        }
        return decodeBody(h, body, headerLength, position);
    }

    /** The event's position: the one the caller knows, else the header's log position less the event size. */
    static long positionOf(EventHeader h, long knownPosition) {
        return knownPosition >= 0 ? knownPosition : h.logPos() >= h.eventSize() ? h.logPos() - h.eventSize() : -1;
    }

    /** The length of this event's common header, as the format description says. */
    int headerLength(EventHeader h) {
        return ctx.formatDescription() == null || h.eventType() == EventType.FORMAT_DESCRIPTION_EVENT
                ? EventHeader.SIZE : ctx.formatDescription().headerLength();
    }

    EventDecodeException sizeOutside(EventHeader h, int headerLength, long available, long position) {
        return new EventDecodeException("event size " + h.eventSize() + " outside " + headerLength + ".."
                + available + " (bytes available)", ctx.binlogFile(), position, h.typeName(), 9, null);
    }

    /** Events a skip must still decode: they change how the following events are read. */
    private static boolean carriesState(EventType t) {
        return t == EventType.FORMAT_DESCRIPTION_EVENT || t == EventType.START_EVENT_V3
                || t == EventType.ROTATE_EVENT || t == EventType.TABLE_MAP_EVENT
                || t == EventType.MARIADB_START_ENCRYPTION_EVENT || t == EventType.PERCONA_START_5_7_ENCRYPTION_EVENT;
    }

    private BinlogEvent decodeBody(EventHeader h, ByteReader body, int headerLength, long position) {
        if (h.eventType() == EventType.MARIADB_START_ENCRYPTION_EVENT
                || h.eventType() == EventType.PERCONA_START_5_7_ENCRYPTION_EVENT) {
            throw new UnsupportedEventException("encrypted binlog: the events after this one cannot be read "
                    + "without decryption, which is not supported", ctx.binlogFile(), position, h.typeName());
        }
        BodyDecoder decoder = decoders.get(h.eventType());
        if (decoder == null) {
            if (ctx.unknownEventPolicy() == UnknownEventPolicy.FAIL) {
                throw new UnsupportedEventException("event type " + h.typeCode() + " is not decoded",
                        ctx.binlogFile(), position, h.typeName());
            }
            return new UnknownEvent(h, body.readRemainingBytes());
        }
        BinlogEvent event;
        try {
            event = decoder.decode(h, body, ctx);
        } catch (EventDecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // ByteReader overruns, value decoding errors, a resolver's failure: all get the event's location
            throw new EventDecodeException(e.getMessage() != null ? e.getMessage() : e.toString(),
                    ctx.binlogFile(), position, h.typeName(), headerLength + body.position(), e);
        }
        if (body.hasRemaining()) {
            throw new EventDecodeException(body.remaining() + " byte(s) left over after the event body",
                    ctx.binlogFile(), position, h.typeName(), headerLength + body.position(), null);
        }
        apply(event);
        return event;
    }

    private void apply(BinlogEvent event) {
        if (event instanceof FormatDescriptionEvent fde) {
            ctx.setFormatDescription(fde);
        } else if (event instanceof RotateEvent rotate) {
            ctx.setBinlogFile(rotate.nextBinlog());
        }
    }

    /**
     * The checksum length of this event. A FORMAT_DESCRIPTION_EVENT says its own: from MySQL 5.6.1 / MariaDB 5.3
     * it ends with the algorithm byte and 4 checksum bytes, whatever the algorithm; other events follow the
     * context.
     */
    private int checksumLength(EventHeader h, ByteReader event, long position) {
        if (h.eventType() != EventType.FORMAT_DESCRIPTION_EVENT) {
            return ctx.checksumAlgorithm().length();
        }
        if (event.remaining() < FDE_VERSION_OFFSET + FormatDescriptionDecoder.SERVER_VERSION_LENGTH) {
            throw new EventDecodeException("format description of " + event.remaining() + " byte(s) is too short",
                    ctx.binlogFile(), position, h.typeName(), -1, null);
        }
        ByteReader v = ByteReader.of(event.array(), event.arrayOffset() + FDE_VERSION_OFFSET,
                FormatDescriptionDecoder.SERVER_VERSION_LENGTH);
        return ServerVersion.hasChecksumAlgorithm(FormatDescriptionDecoder.readServerVersion(v))
                ? CHECKSUM_LENGTH : 0;
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
