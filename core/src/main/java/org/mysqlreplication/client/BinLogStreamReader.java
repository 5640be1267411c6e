package org.mysqlreplication.client;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventDecoder;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.protocol.ConnectAbort;
import org.mysqlreplication.protocol.ServerErrorException;

/**
 * Reads a server's binary log as a replica and hands out its events, as python-mysql-replication's
 * {@code BinLogStreamReader} does:
 *
 * <pre>{@code
 * BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
 *         .connection("127.0.0.1", 3306, "root", "")
 *         .serverId(100)
 *         .build();
 * try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
 *     for (BinlogEvent event : stream) {
 *         System.out.print(event.dump());
 *     }
 * }
 * }</pre>
 *
 * <p>It connects on the first read. Non-blocking (the default), iteration ends at the end of the binlog;
 * blocking, it waits for new events until {@link #close()}. {@link #position()} is where the next event
 * starts: a reader configured to start there continues with exactly that event.
 *
 * <p>Rows events larger than the config's {@code largeValueThreshold} go to spill files, not the heap (see
 * {@link BinLogStreamReaderConfig.Builder#largeValueThreshold(int)}); {@link #close()} releases those that are
 * left, after which their {@link org.mysqlreplication.value.LargeValue}s can no longer be read.
 *
 * <p>A MySQL TRANSACTION_PAYLOAD (a compressed transaction) is never handed out itself: its events are, one by one,
 * filtered like any other. Until the last of them is handed out, {@link #position()} stays at the payload's start
 * (a position cannot point inside it): a reader started from a position saved in the middle of a compressed
 * transaction gets the whole transaction again.
 *
 * <p>Reconnect ({@link BinLogStreamReaderConfig.Builder#reconnect(int, java.time.Duration)}, blocking mode): when
 * the dump connection is lost, the reader connects again at {@link #position()}, the position after the last event
 * it handed out (or dropped by a filter), also when it started at a GTID position. Events the read-ahead thread had
 * read but not handed out are read again; nothing handed out comes again: the server's artificial ROTATE and the
 * format description it repeats before that position are decoded but not handed out. In the middle of a
 * transaction this is exact too: the reader keeps the table maps it has, so the rows events after the position
 * decode without their transaction's TABLE_MAPs being sent again.
 *
 * <p>Not thread-safe: one thread reads. {@link #close()} may be called from another thread to end a
 * blocked read.
 */
public final class BinLogStreamReader implements Iterable<BinlogEvent>, AutoCloseable {

    /** A spilled packet's event starts after its {@code 0x00}. */
    private static final long SPILLED_EVENT_OFFSET = 1;

    private final BinLogStreamReaderConfig config;
    private final EventFilter filter;
    private final InformationSchemaResolver schemaResolver;
    private final DecodeContext context;
    private final EventDecoder decoder;
    private final SpillFiles spillFiles;
    /** Used by the thread reading the socket: the read-ahead thread when there is one. */
    private final EventSpill spill;
    private volatile ReplicationSession session;
    private volatile PacketPrefetcher prefetcher;
    private volatile boolean closed;
    /** Read buffer of the events when there is no read-ahead thread; see {@code readEventPacket(byte[])}. */
    private final byte[] readBuffer = new byte[PacketPrefetcher.BUFFER_SIZE];
    private BinlogPosition position;
    private boolean ended;
    /** The spill file of the packet {@link #nextPacket()} returned last, or null. */
    private SpillFile spilled;
    /** The wanted events of the transaction payload being handed out, and the position after the payload. */
    private final ArrayDeque<BinlogEvent> payloadEvents = new ArrayDeque<>();
    private BinlogPosition afterPayload;
    private final MariadbGtidTracker gtids;
    private final Reconnector reconnector;
    /** The socket being connected, for {@link #close()} to abort a connect or login in progress. */
    private final ConnectAbort connecting = new ConnectAbort();
    /** What the next session opens: the config, or after a lost connection the config resuming at position. */
    private BinLogStreamReaderConfig sessionConfig;
    private boolean connectedOnce;
    /** After a reconnect, the position resumed at until an event at or after it arrives; null otherwise. */
    private BinlogPosition resumeAt;

    public BinLogStreamReader(BinLogStreamReaderConfig config) {
        this.config = config;
        this.filter = new EventFilter(config);
        this.schemaResolver = new InformationSchemaResolver(config, filter);
        this.context = new DecodeContext(schemaResolver, config.unknownEventPolicy());
        this.context.setVerifyChecksum(config.verifyChecksum());
        this.context.setLazyRows(config.lazyRows());
        this.context.setLargeValueThreshold(config.largeValueThreshold());
        this.decoder = new EventDecoder(context);
        this.spillFiles = new SpillFiles(config.spillDirectory());
        this.spill = new EventSpill(spillFiles, config.largeValueThreshold());
        this.gtids = new MariadbGtidTracker(config.startGtid());
        this.reconnector = new Reconnector(config.reconnect(), config.host() + ":" + config.port());
        this.sessionConfig = config;
    }

    /**
     * The next event, or {@code null} when the stream has ended (non-blocking mode at the end of the binlog,
     * or after {@link #close()}).
     */
    public BinlogEvent fetchOne() {
        while (!ended && !closed) {
            if (!payloadEvents.isEmpty()) {
                BinlogEvent event = payloadEvents.poll();
                position = payloadEvents.isEmpty() ? afterPayload : position;
                return event;
            }
            ByteReader packet;
            try {
                packet = nextPacket();
                if (packet == null && config.blocking() && !closed) {
                    // a blocking dump has no end: MariaDB sends this EOF when it shuts down
                    throw new ConnectionException("the server ended the blocking binlog dump (EOF) at " + position);
                }
            } catch (RuntimeException e) {
                if (closed) {
                    break; // close() from another thread ended the read: the stream has ended
                }
                if (e instanceof ConnectionException lost && connectedOnce && reconnector.retry(lost, position)) {
                    dropSession();
                    continue;
                }
                if (closed) {
                    break;
                }
                throw e instanceof ServerErrorException refused ? ReplicationErrors.onDump(refused, sessionConfig) : e;
            }
            reconnector.connected();
            if (packet == null) {
                ended = true;
                break;
            }
            SpillFile file = spilled;
            spilled = null; // the reader keeps no reference: the file lives as long as its large values
            BinlogEvent event;
            try {
                event = handle(packet, file);
            } catch (RuntimeException e) {
                if (closed && file != null) {
                    break; // close() released the spill file being decoded: the stream has ended
                }
                throw e;
            }
            if (event != null) {
                return event;
            }
        }
        return null;
    }

    private ByteReader nextPacket() {
        ReplicationSession s = session();
        PacketPrefetcher p = prefetcher;
        spilled = null;
        ByteReader packet = p != null ? p.next() : spill.read(s.connection(), readBuffer);
        spilled = p != null ? p.takeSpilled() : spill.takeSpilled();
        return packet;
    }

    /** Decodes (or skips) the event of {@code packet}: all of it, or its first bytes when it was spilled. */
    private BinlogEvent handle(ByteReader packet, SpillFile spilled) {
        EventHeader header = EventDecoder.readHeader(packet);
        long eventStart = startOf(header);
        boolean replayed = replayed(eventStart);
        if (!wanted(header, packet)) {
            if (spilled != null) {
                decoder.skipSpilled(spilled, SPILLED_EVENT_OFFSET, eventStart);
            } else {
                decoder.skip(packet, eventStart);
            }
            if (!replayed) {
                advance(header, null);
            }
            return null;
        }
        BinlogEvent event = spilled != null ? decoder.decodeSpilled(spilled, SPILLED_EVENT_OFFSET, eventStart)
                : decoder.decode(packet, eventStart);
        if (replayed && resumeAt != null && event instanceof RotateEvent r && !r.nextBinlog().equals(resumeAt.file())) {
            resumeAt = null; // the file resumed in ended (a server that crashed writes no ROTATE): the next one is new
            replayed = false;
        }
        if (replayed) {
            return null; // decoded for the stream state it carries (format description), handed out before
        }
        BinlogPosition start = position;
        advance(header, event);
        gtids.onEvent(event);
        if (event instanceof TransactionPayloadEvent payload) {
            unpack(payload, start);
            return null;
        }
        if (event instanceof QueryEvent q) {
            schemaResolver.onQuery(q);
        }
        return deliverable(event) ? event : null;
    }

    /** Queues the wanted events of a transaction payload; the position stays at its start until they are out. */
    private void unpack(TransactionPayloadEvent payload, BinlogPosition start) {
        for (BinlogEvent event : payload.events()) {
            if (event instanceof QueryEvent q) {
                schemaResolver.onQuery(q);
            }
            if (deliverable(event)) {
                payloadEvents.add(event);
            }
        }
        if (!payloadEvents.isEmpty()) {
            afterPayload = position;
            position = start;
        }
    }

    /**
     * Whether, after a reconnect, an event is one the server sends before the position resumed at: its artificial
     * ROTATE, the format description it repeats (with no position), or anything starting before it. Artificial
     * events (heartbeats) until then are not handed out either.
     */
    private boolean replayed(long eventStart) {
        if (resumeAt == null) {
            return false;
        }
        if (eventStart >= 0 && eventStart >= resumeAt.position()) {
            resumeAt = null;
            return false;
        }
        return true;
    }

    /** Where the event starts in its file, when the header says ({@code -1} for artificial events). */
    private static long startOf(EventHeader header) {
        return header.logPos() > 0 && !EventClassOf.isArtificial(header) ? header.logPos() - header.eventSize() : -1;
    }

    /**
     * Whether an event is worth decoding: a cheap check on the header (and, for row events, the table id) before
     * any row is decoded. Events that carry stream state are always decoded.
     */
    private boolean wanted(EventHeader header, ByteReader packet) {
        Class<? extends BinlogEvent> type = EventClassOf.type(header.eventType());
        if (type == null || EventClassOf.carriesStreamState(type)) {
            return true;
        }
        if (!filter.acceptsClass(type) || !filter.acceptsTimestamp(header.timestamp())) {
            return false;
        }
        EventType rowsType = header.eventType().uncompressed();
        if ((rowsType.isRowsEvent() || rowsType == EventType.PARTIAL_UPDATE_ROWS_EVENT)
                && packet.remaining() >= EventHeader.SIZE + 6) {
            long tableId = ByteReader.of(packet.array(), packet.arrayOffset() + EventHeader.SIZE, 6).readUint48();
            TableMapEvent map = filter.filtersTables() ? context.tableMap(tableId) : null;
            return map == null || filter.acceptsTable(map.schema(), map.table());
        }
        return true;
    }

    private boolean deliverable(BinlogEvent event) {
        if (!filter.acceptsClass(event.getClass()) || !filter.acceptsTimestamp(event.header().timestamp())) {
            return false;
        }
        if (!filter.filtersTables()) {
            return true;
        }
        String[] table = EventClassOf.table(event);
        return table == null || filter.acceptsTable(table[0], table[1]);
    }

    private void advance(EventHeader header, BinlogEvent event) {
        if (event instanceof RotateEvent r) {
            position = new BinlogPosition(r.nextBinlog(), r.position());
            context.setBinlogFile(r.nextBinlog());
        } else if (header.logPos() > 0 && position != null && !EventClassOf.isArtificial(header)) {
            position = new BinlogPosition(position.file(), header.logPos());
        }
    }

    private ReplicationSession session() {
        ReplicationSession s = session;
        if (s == null) {
            s = ReplicationSession.open(sessionConfig, filter, connecting);
            connectedOnce = true;
            position = s.start(); // null when starting at a GTID position, until the server's ROTATE
            context.setBinlogFile(position != null ? position.file() : null);
            context.setChecksumAlgorithm(s.checksum());
            if (config.readAheadBytes() > 0) {
                prefetcher = new PacketPrefetcher(s.connection(), spill, config.readAheadBytes(),
                        "binlog-read-ahead-" + config.host() + ":" + config.port());
            }
            session = s;
            if (closed) {
                close();
            }
        }
        return s;
    }

    /**
     * Closes the lost session and its read-ahead thread (whose unread packets are dropped: the next session reads
     * them again from {@link #position()}), so that the next read opens a session there.
     */
    private void dropSession() {
        closeConnection();
        prefetcher = null;
        session = null;
        spilled = null;
        if (position != null) { // else a GTID start before the server's first ROTATE: nothing was read yet
            sessionConfig = config.resumingAt(position);
            resumeAt = position;
        }
    }

    /**
     * How many times this reader has tried to connect again after losing its connection (see
     * {@link BinLogStreamReaderConfig.Builder#reconnect(int, java.time.Duration)}); 0 without a reconnect policy.
     * May be read from any thread.
     */
    public long reconnectAttempts() {
        return reconnector.attempts();
    }

    /** Where the next event starts, or {@code null} before the first read. */
    public BinlogPosition position() {
        return position;
    }

    /**
     * The MariaDB GTID position after the last transaction (event group) this reader has read to its end: a reader
     * started there ({@link BinLogStreamReaderConfig.Builder#startAtGtid}) continues with exactly the next
     * transaction of each domain. It moves when a transaction's last event (XID, COMMIT, or a DDL's query) has
     * been read, before that event is handed out, whether or not the filters let that event through; while a
     * transaction is being handed out it is still the position before it, so resuming there replays the whole
     * transaction.
     *
     * <p>It has one GTID per domain: the start position's, replaced by each transaction read, plus those of
     * the GTID_LIST event that starts each binlog file for domains not seen yet. So it is complete when the
     * reader started at a GTID position or at the start of a binlog file (the default), and from the next binlog
     * file on otherwise; empty before any of these. MySQL GTIDs are not tracked yet.
     */
    public MariadbGtidPosition gtidPosition() {
        return gtids.position();
    }

    /** Iterates over the events until the stream ends; the iterator reads from this reader. */
    @Override
    public Iterator<BinlogEvent> iterator() {
        return new Iterator<>() {
            private BinlogEvent next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = fetchOne();
                }
                return next != null;
            }

            @Override
            public BinlogEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the binlog stream has ended");
                }
                BinlogEvent e = next;
                next = null;
                return e;
            }
        };
    }

    /** The events as a sequential {@link Stream}; closing the stream does not close this reader. */
    public Stream<BinlogEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Closes the connections (a read blocked in another thread ends) and releases the spill files: large values
     * read afterwards fail with {@link org.mysqlreplication.io.SpillFileClosedException}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        reconnector.close();
        connecting.abort();
        closeConnection();
        schemaResolver.close();
        spillFiles.close();
    }

    /** Stops the read-ahead thread and closes the dump connection, if there are. */
    private void closeConnection() {
        PacketPrefetcher p = prefetcher;
        if (p != null) {
            p.close();
        }
        ReplicationSession s = session;
        if (s != null) {
            s.connection().close();
        }
    }

    /** For tests and tools: the table map of a table id seen in this stream, or null. */
    TableMapEvent tableMap(long tableId) {
        return context.tableMap(tableId);
    }
}
