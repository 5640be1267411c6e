package org.mysqlreplication.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventReader;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.io.Payload;
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
 * blocking, it waits for new events until {@link #close()}. With an {@code endLogPos} it ends, in either mode,
 * after the event that reaches that position ({@link BinLogStreamReaderConfig.Builder#endLogPos(long)}).
 * {@link #position()} is where the next event starts: a reader configured to start there continues with exactly
 * that event.
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
 * <p>What it does itself is the session (connect, where to start), reconnecting and the GTID position; the events'
 * framing, selection, decoding and positions are its {@link EventReader}'s, the same a binlog file is read with.
 *
 * <p>Not thread-safe: one thread reads. {@link #close()} may be called from another thread to end a
 * blocked read.
 */
public final class BinLogStreamReader implements Iterable<BinlogEvent>, AutoCloseable {

    private final BinLogStreamReaderConfig config;
    private final InformationSchemaResolver schemaResolver;
    private final EventReader reader;
    private final SpillFiles spillFiles;
    /** Used by the thread reading the socket: the read-ahead thread when there is one. */
    private final EventSpill spill;

    private volatile ReplicationSession session;
    private volatile PacketPrefetcher prefetcher;
    private volatile boolean closed;
    /** Read buffer of the events when there is no read-ahead thread; see {@code ServerConnection.readEvent}. */
    private final byte[] readBuffer = new byte[PacketPrefetcher.BUFFER_SIZE];

    private boolean ended;
    private final MariadbGtidTracker gtids;
    private final MysqlGtidTracker mysqlGtids;
    private final Reconnector reconnector;
    /** Aborts a connect or login in progress when {@link #close()} comes from another thread. */
    private final ConnectAbort connecting = new ConnectAbort();
    /** What the next session opens: the config, or after a lost connection the config resuming at position. */
    private BinLogStreamReaderConfig sessionConfig;

    private boolean connectedOnce;
    private boolean resuming;

    public BinLogStreamReader(BinLogStreamReaderConfig config) {
        this.config = config;
        this.schemaResolver = new InformationSchemaResolver(config);
        StartPosition start = config.start() instanceof StartPosition.Resume r ? r.session() : config.start();
        this.gtids = new MariadbGtidTracker(start instanceof StartPosition.AfterMariadbGtid g ? g.position() : null);
        this.mysqlGtids = new MysqlGtidTracker(start instanceof StartPosition.AfterMysqlGtidSet m ? m.set() : null);
        DecodeContext context = new DecodeContext(schemaResolver, config.decodeOptions());
        this.reader = EventReader.forStream(context, config.selector(), this::observe);
        if (config.start() instanceof StartPosition.Resume r) {
            reader.resumeWithin(r.position().skipEvents(), r.position().skipRows());
        }
        this.spillFiles = new SpillFiles(config.spillDirectory());
        this.spill = new EventSpill(spillFiles, config.decodeOptions().largeValueThreshold());
        this.reconnector = new Reconnector(config.reconnect(), config.peer());
        this.sessionConfig = config.startingAt(start);
    }

    /** Every decoded event, handed out or not: the GTID position and the schema cache follow them. */
    private void observe(BinlogEvent event) {
        gtids.onEvent(event);
        mysqlGtids.onEvent(event);
        if (event instanceof QueryEvent q) {
            schemaResolver.onQuery(q, reader.position()); // the observer runs once the position is past the event
        }
    }

    /**
     * The next event, or {@code null} when the stream has ended (non-blocking mode at the end of the binlog,
     * or after {@link #close()}).
     */
    public BinlogEvent fetchOne() {
        while (!closed) {
            BinlogEvent event = reader.poll();
            if (event != null) {
                return event;
            }
            if (ended) {
                return null;
            }
            try {
                readOne();
            } catch (RuntimeException e) {
                if (closed) {
                    break; // close() from another thread ended the read (or released the spill file being decoded)
                }
                if (e instanceof ConnectionException lost
                        && connectedOnce
                        && reconnector.retry(lost, reader.position())) {
                    dropSession();
                    continue;
                }
                if (closed) {
                    break; // close() came while waiting to reconnect
                }
                throw e instanceof ServerErrorException refused ? ReplicationErrors.onDump(refused, sessionConfig) : e;
            }
        }
        return null;
    }

    /** Reads the next payload from the server into the event reader; at the end of the stream, marks it ended. */
    private void readOne() {
        ReplicationSession s = session();
        PacketPrefetcher p = prefetcher;
        Payload payload = p != null ? p.next() : spill.read(s.connection(), readBuffer);
        reconnector.connected();
        if (payload == null && config.blocking() && !closed) {
            // a blocking dump has no end: MariaDB sends this EOF when it shuts down
            throw new ConnectionException("the server ended the blocking binlog dump (EOF) at " + reader.position());
        }
        if (payload == null) {
            ended = true;
            return;
        }
        reader.read(payload, -1);
        if (reachedEnd(reader.header())) {
            ended = true; // what this event gave is still handed out; the server need not send more
            closeConnection();
        }
    }

    /**
     * Whether the event just read reaches the config's {@code endLogPos}. Events whose log position is not a
     * position in the file being read do not: the server's artificial events (the first ROTATE, heartbeats, which
     * say where the server is), a ROTATE (its position is in the file it closes, the stream continues in the next)
     * and those with no position (the format description a dump repeats).
     */
    private boolean reachedEnd(EventHeader h) {
        return h != null
                && h.logPos() > 0
                && !EventReader.isArtificial(h)
                && h.eventType() != EventType.ROTATE_EVENT
                && h.eventType() != EventType.HEARTBEAT_LOG_EVENT
                && h.eventType() != EventType.HEARTBEAT_LOG_EVENT_V2
                && config.dump().endsAt(h.logPos());
    }

    private ReplicationSession session() {
        ReplicationSession s = session;
        if (s == null) {
            s = ReplicationSession.open(sessionConfig, connecting);
            connectedOnce = true;
            // the start is null when starting at a GTID position, until the server's ROTATE
            reader.startSession(s.start(), s.checksum(), resuming);
            schemaResolver.start(s.start());
            if (config.readAheadBytes() > 0) {
                prefetcher = new PacketPrefetcher(
                        s.connection(), spill, config.readAheadBytes(), "binlog-read-ahead-" + config.peer());
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
        BinlogPosition position = reader.position();
        if (position != null) { // else a GTID start before the server's first ROTATE: nothing was read yet
            sessionConfig = config.resumingAt(position);
            resuming = true;
        }
    }

    /**
     * How many TABLE_MAP events had a schema that disagreed with them and gave positional names (with
     * {@link org.mysqlreplication.schema.SchemaMismatchPolicy#POSITIONAL_NAMES}). May be read from any thread.
     */
    public long schemaMismatches() {
        return schemaResolver.mismatches();
    }

    /**
     * How many times this reader has tried to connect again after losing its connection (see
     * {@link BinLogStreamReaderConfig.Builder#reconnect(int, java.time.Duration)}); 0 without a reconnect policy.
     * May be read from any thread.
     */
    public long reconnectAttempts() {
        return reconnector.attempts();
    }

    /**
     * How many text values this reader has given as {@link org.mysqlreplication.value.UndecodedText} (a
     * charset it could not know, or bytes not valid in the column's charset) rather than ending the stream.
     * May be read from any thread.
     */
    public long undecodedTextValues() {
        return reader.context().undecodedText().sum();
    }

    /**
     * Where the next event starts, or {@code null} before the first read. A reader started there continues with that
     * event; inside a transaction its rows events then lack their TABLE_MAPs: resume at {@link #resumePosition()}.
     */
    public BinlogPosition position() {
        return reader.position();
    }

    /**
     * Where to resume after the event handed out last, exactly, also inside a transaction: give it to
     * {@link BinLogStreamReaderConfig.Builder#startAt(ResumePosition)} (or {@code startAtByGtid}, by the GTID
     * position before the transaction). {@code null} before the first read. See {@link ResumePosition}.
     */
    public ResumePosition resumePosition() {
        ResumePosition p = reader.resumePosition();
        return p == null ? null : identify(p);
    }

    /**
     * Where to resume after row {@code row} (0-based) of the rows event handed out last: a reader started there
     * hands out the rest of that event's rows first, with no duplicate and no gap.
     *
     * @throws IllegalStateException when the event handed out last is not a rows event, or the reader did not see
     *     where its transaction began (it was started inside it at a bare binlog position)
     */
    public ResumePosition resumePositionAfterRow(int row) {
        return identify(reader.resumePositionAfterRow(row));
    }

    /** The position with the server's UUID and the GTID position before its transaction (MariaDB). */
    private ResumePosition identify(ResumePosition p) {
        ReplicationSession s = session;
        MariadbGtidPosition gtid = gtids.position();
        String text = !gtid.isEmpty()
                ? gtid.toString()
                : mysqlGtids.executed().isEmpty() ? null : mysqlGtids.executed().toString();
        return p.with(p.serverId(), s == null ? null : s.serverUuid(), text);
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
     * file on otherwise; empty before any of these. For MySQL's GTIDs see {@link #mysqlGtidSet()}.
     */
    public MariadbGtidPosition gtidPosition() {
        return gtids.position();
    }

    /**
     * The MySQL GTID set executed after the last transaction this reader has read to its end, the MySQL
     * counterpart of {@link #gtidPosition()} with the same timing: the start set ({@code startAtGtid}), plus the
     * PREVIOUS_GTIDS of each binlog file read, plus each transaction read. A reader started there continues with
     * exactly the next transaction. Complete when the reader started at a GTID set or at the start of a binlog
     * file; empty on a MariaDB server.
     */
    public MysqlGtidSet mysqlGtidSet() {
        return mysqlGtids.executed();
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
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Closes the connections (a read blocked in another thread ends) and releases the spill files: large values
     * read afterwards fail with {@link org.mysqlreplication.io.SpillFileClosedException}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        connecting.abort();
        reconnector.close();
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
        return reader.context().tableMap(tableId);
    }
}
