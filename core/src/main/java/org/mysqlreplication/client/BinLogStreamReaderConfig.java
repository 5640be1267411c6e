package org.mysqlreplication.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.X509TrustManager;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.EventSelector;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.SslMode;
import org.mysqlreplication.schema.SchemaHistoryStore;
import org.mysqlreplication.schema.SchemaMismatchPolicy;

/**
 * Everything a {@link BinLogStreamReader} needs, built with {@link #builder()}. The options mirror
 * python-mysql-replication's {@code BinLogStreamReader(...)} arguments; each builder method names the
 * python argument it stands for.
 *
 * <p>{@link #toString()} never shows the password. Immutable and thread-safe.
 *
 * @param connection    where and as whom to connect for the dump (and the schema queries, unless ctlConnection)
 * @param ctlConnection where and as whom to connect for the {@code information_schema} queries that name columns
 *                      (python's {@code ctl_connection_settings}); {@code null} is taken as {@code connection}
 * @param selector      which events to hand out ({@code only_events}, {@code only_schemas}, ...)
 * @param start         where to start: one of the {@link StartPosition}s
 * @param dump          what the reader reports and asks of the dump (report, UUID, heartbeat, ANNOTATE_ROWS, end)
 * @param decodeOptions how events are decoded (checksums, unknown events, lazy rows, large values)
 * @param reconnect     how a blocking reader reconnects after a lost connection; {@code null}: it does not
 * @param schemaMismatchPolicy what a schema that disagrees with a TABLE_MAP does (default: fail the event)
 * @param schemaHistory where the reader keeps its schema history; {@code null}: it keeps none
 * @param readTimeout   how long a connection may deliver nothing before it is dead; {@code null}: derived from the
 *                      heartbeat ({@link #effectiveReadTimeout()}); zero: never
 */
public record BinLogStreamReaderConfig(
        ConnectionSettings connection,
        ConnectionSettings ctlConnection,
        long serverId,
        EventSelector selector,
        StartPosition start,
        boolean blocking,
        DumpOptions dump,
        boolean freezeSchema,
        DecodeOptions decodeOptions,
        int readAheadBytes,
        Path spillDirectory,
        ReconnectPolicy reconnect,
        SchemaMismatchPolicy schemaMismatchPolicy,
        SchemaHistoryStore schemaHistory,
        Duration readTimeout) {

    /** Default of {@link Builder#readAheadBytes(int)}. */
    public static final int DEFAULT_READ_AHEAD_BYTES = 4 * 1024 * 1024;

    /** Default of {@link Builder#largeValueThreshold(int)}: 8 MiB. */
    public static final int DEFAULT_LARGE_VALUE_THRESHOLD = DecodeContext.DEFAULT_LARGE_VALUE_THRESHOLD;

    /** Default of {@link Builder#slaveHeartbeat(Duration)}: half MariaDB's default {@code slave_net_timeout}. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    public BinLogStreamReaderConfig {
        Objects.requireNonNull(connection, "connection");
        ctlConnection = ctlConnection != null ? ctlConnection : connection;
        dump = dump != null ? dump : DumpOptions.NONE;
        if (readTimeout != null && readTimeout.isNegative()) {
            throw new IllegalArgumentException("read timeout " + readTimeout + " is negative");
        }
        if (serverId < 1 || serverId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("server id " + serverId
                    + " not in 1..4294967295 (it must differ from the server's and other replicas' ids)");
        }
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(decodeOptions, "decodeOptions");
        if (readAheadBytes < 0) {
            throw new IllegalArgumentException("read-ahead " + readAheadBytes + " bytes is negative");
        }
        schemaMismatchPolicy = schemaMismatchPolicy == null ? SchemaMismatchPolicy.FAIL : schemaMismatchPolicy;
        spillDirectory = spillDirectory != null ? spillDirectory : Path.of(System.getProperty("java.io.tmpdir"));
        if (reconnect != null && !blocking) {
            throw new IllegalArgumentException("reconnect needs blocking mode: a non-blocking reader ends at the end"
                    + " of the binlog, and a new reader started at its position() continues it");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code host:port} of the server, as messages and thread names say it. */
    public String peer() {
        return connection.peer();
    }

    /**
     * How long a connection may deliver no byte (no event and no heartbeat) before the reader takes it for dead: the
     * {@linkplain Builder#readTimeout(Duration) read timeout} if set, else twice the heartbeat period and 5 s more
     * (65 s with the default 30 s heartbeat: a MariaDB replica gives up after its {@code slave_net_timeout}, 60 s,
     * twice its heartbeat), else (no heartbeat, so a quiet server cannot be told from a dead one) zero: never.
     */
    public Duration effectiveReadTimeout() {
        if (readTimeout != null) {
            return readTimeout;
        }
        Duration heartbeat = dump.slaveHeartbeat();
        return heartbeat == null ? Duration.ZERO : heartbeat.multipliedBy(2).plusSeconds(5);
    }

    /** This config starting at {@code position} instead of its own start: what a reconnect opens. */
    BinLogStreamReaderConfig resumingAt(BinlogPosition position) {
        return startingAt(StartPosition.at(position));
    }

    /** This config with another start. */
    BinLogStreamReaderConfig startingAt(StartPosition newStart) {
        return new BinLogStreamReaderConfig(
                connection,
                ctlConnection,
                serverId,
                selector,
                newStart,
                blocking,
                dump,
                freezeSchema,
                decodeOptions,
                readAheadBytes,
                spillDirectory,
                reconnect,
                schemaMismatchPolicy,
                schemaHistory,
                readTimeout);
    }

    @Override
    public String toString() {
        return "BinLogStreamReaderConfig[" + connection
                + (ctlConnection.equals(connection) ? "" : ", ctlConnection=" + ctlConnection) + ", serverId="
                + serverId + ", start=" + start + ", blocking=" + blocking + ", " + selector + ", " + dump
                + ", freezeSchema=" + freezeSchema + ", " + decodeOptions + ", readAheadBytes="
                + readAheadBytes + ", spillDirectory=" + spillDirectory + ", reconnect=" + reconnect
                + ", schemaMismatchPolicy=" + schemaMismatchPolicy + ", schemaHistory=" + schemaHistory
                + ", readTimeout=" + readTimeout + "]";
    }

    /**
     * Builds a {@link BinLogStreamReaderConfig}. Defaults: 127.0.0.1:3306, user root, no password, connect
     * timeout 10 s, start at the beginning of the server's current binlog file, non-blocking, checksums
     * verified, unknown events delivered as {@link org.mysqlreplication.event.UnknownEvent}, no TLS. The server id
     * must be set. Not thread-safe.
     */
    public static final class Builder {

        private final ConnectionSettings.Builder connection =
                ConnectionSettings.builder().user("root");
        private long serverId;
        private final EventSelector.Builder selector = EventSelector.builder();
        private StartPosition start = StartPosition.CURRENT_FILE;
        /** Set when two ways to start were chosen: build() refuses the config with it. */
        private String startConflict;

        private boolean blocking;
        private ConnectionSettings ctlConnection;
        private CtlLogin ctlLogin;

        private ReportSlave reportSlave;
        private String slaveUuid;
        private Duration slaveHeartbeat = DEFAULT_HEARTBEAT;
        private boolean annotateRowsEvent;
        private long endLogPos;
        private Duration readTimeout;
        private boolean verifyChecksum = true;
        private boolean freezeSchema;
        private UnknownEventPolicy unknownEventPolicy = UnknownEventPolicy.DELIVER;
        private int readAheadBytes = DEFAULT_READ_AHEAD_BYTES;
        private boolean lazyRows;
        private int largeValueThreshold = DEFAULT_LARGE_VALUE_THRESHOLD;
        private Path spillDirectory;
        private ReconnectPolicy reconnect;
        private SchemaMismatchPolicy schemaMismatchPolicy = SchemaMismatchPolicy.FAIL;
        private SchemaHistoryStore schemaHistory;

        private Builder() {}

        /** {@code connection_settings}: host, port, user and password in one call. */
        public Builder connection(String host, int port, String user, String password) {
            connection.host(host).port(port).user(user).password(password);
            return this;
        }

        public Builder host(String host) {
            connection.host(host);
            return this;
        }

        public Builder port(int port) {
            connection.port(port);
            return this;
        }

        public Builder user(String user) {
            connection.user(user);
            return this;
        }

        public Builder password(String password) {
            connection.password(password);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            connection.connectTimeout(Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /**
         * {@code ctl_connection_settings}: the schema queries (the {@code information_schema} lookups that name
         * columns when the binlog does not) go to this server as this user, for instance one with SELECT where the
         * replication user has only REPLICATION SLAVE. TLS, keys and timeouts are the dump connection's. By default
         * they use the dump connection's settings.
         */
        public Builder ctlConnection(String host, int port, String user, String password) {
            this.ctlLogin = new CtlLogin(host, port, user, password);
            this.ctlConnection = null;
            return this;
        }

        /** {@code ctl_connection_settings} in full, TLS and timeouts too; {@code null}: the dump connection's. */
        public Builder ctlConnection(ConnectionSettings settings) {
            this.ctlConnection = settings;
            this.ctlLogin = null;
            return this;
        }

        /** {@code server_id}: this replica's id, distinct from the server's and every other replica's. */
        public Builder serverId(long serverId) {
            this.serverId = serverId;
            return this;
        }

        /** {@code only_events}: deliver only events of these classes. */
        @SafeVarargs
        public final Builder onlyEvents(Class<? extends BinlogEvent>... types) {
            selector.onlyEvents(Set.of(types));
            return this;
        }

        /** {@code ignored_events}: never deliver events of these classes. */
        @SafeVarargs
        public final Builder ignoredEvents(Class<? extends BinlogEvent>... types) {
            selector.ignoredEvents(Set.of(types));
            return this;
        }

        /** {@code only_schemas}: table maps and row events of other schemas are dropped before decoding. */
        public Builder onlySchemas(String... schemas) {
            selector.onlySchemas(Set.of(schemas));
            return this;
        }

        /** {@code ignored_schemas}. */
        public Builder ignoredSchemas(String... schemas) {
            selector.ignoredSchemas(Set.of(schemas));
            return this;
        }

        /**
         * {@code only_tables}: table maps and row events of other tables are dropped before decoding. A name
         * matches a table of any schema; {@code schema.table} matches that one table.
         */
        public Builder onlyTables(String... tables) {
            selector.onlyTables(Set.of(tables));
            return this;
        }

        /** {@code ignored_tables}, matched like {@link #onlyTables(String...)}. */
        public Builder ignoredTables(String... tables) {
            selector.ignoredTables(Set.of(tables));
            return this;
        }

        /** {@code log_file} and {@code log_pos}: start exactly at this position. */
        public Builder startAt(String file, long position) {
            return start(StartPosition.at(new BinlogPosition(file, position)));
        }

        /** Start at {@code position}. */
        public Builder startAt(BinlogPosition position) {
            return startAt(position.file(), position.position());
        }

        /** {@code log_file} alone: start at the first event of this file. */
        public Builder startFile(String file) {
            return start(StartPosition.at(new BinlogPosition(file, BinlogPosition.FIRST_EVENT)));
        }

        /**
         * {@code resume_stream}: without a start position, start at the current end of the server's binlog
         * (only new events) instead of the beginning of its current file.
         */
        public Builder resumeStream(boolean resume) {
            if (!resume) {
                return start instanceof StartPosition.EndOfLog ? start(StartPosition.CURRENT_FILE) : this;
            }
            return start(StartPosition.END_OF_LOG);
        }

        /**
         * {@code end_log_pos}: the stream ends after the first event that reaches {@code position} (whose end, its
         * header's log position, is at or past it), whether or not the filters hand that event out; in blocking
         * mode too. As in python it is a position in whichever binlog file the stream is in then (the server's
         * own ROTATE and format description, whose positions belong to the next file, do not count), so pair it
         * with a start in the same file. 0 (the default): no end.
         */
        public Builder endLogPos(long position) {
            this.endLogPos = position;
            return this;
        }

        /** {@code blocking}: wait for new events at the end of the binlog instead of ending the stream. */
        public Builder blocking(boolean blocking) {
            this.blocking = blocking;
            return this;
        }

        /** {@code skip_to_timestamp}: drop events written before this time (epoch seconds). */
        public Builder skipToTimestamp(long epochSeconds) {
            selector.skipToTimestamp(epochSeconds);
            return this;
        }

        /** {@code report_slave}: what COM_REGISTER_SLAVE reports. */
        public Builder reportSlave(ReportSlave reportSlave) {
            this.reportSlave = reportSlave;
            return this;
        }

        /**
         * {@code slave_uuid}: set as the session's {@code @slave_uuid} and {@code @replica_uuid} before the dump, as
         * python-mysql-replication sends it (and MySQL's replicas send their {@code server_uuid}): MySQL shows it
         * in {@code SHOW REPLICAS} (SHOW SLAVE HOSTS before 8.0.22) and, seeing a second dump with the same UUID,
         * ends the first. MariaDB only keeps the variables. A UUID in its text form; {@code null} (the default):
         * not set.
         */
        public Builder slaveUuid(String uuid) {
            this.slaveUuid = uuid;
            return this;
        }

        /**
         * {@code annotate_rows_event}: ask a MariaDB server for its ANNOTATE_ROWS events, which carry the SQL
         * statement of each row change ({@link org.mysqlreplication.event.MariadbAnnotateRowsEvent}). Off by default,
         * as in python: MariaDB sends them only on request (the {@code BINLOG_SEND_ANNOTATE_ROWS_EVENT} flag of
         * COM_BINLOG_DUMP), and a huge statement then travels a second time. Even when on, they are not asked for
         * when the event filters would drop them. MySQL has no such events (its ROWS_QUERY events are written when
         * {@code binlog_rows_query_log_events} is on, and always sent).
         */
        public Builder annotateRowsEvent(boolean annotate) {
            this.annotateRowsEvent = annotate;
            return this;
        }

        /**
         * {@code slave_heartbeat}: ask the server for a heartbeat event after this much idle time (default
         * {@link #DEFAULT_HEARTBEAT 30 s}, where python asks for none: a heartbeat is what tells a quiet server from
         * a dead connection, see {@link #readTimeout(Duration)}); {@code null} for none. The heartbeats are handed
         * out as {@link org.mysqlreplication.event.HeartbeatEvent}s, which {@link #ignoredEvents} can drop.
         */
        public Builder slaveHeartbeat(Duration period) {
            this.slaveHeartbeat = period;
            return this;
        }

        /** Verify the CRC32 of every event when the server writes checksums (on by default). */
        public Builder verifyChecksum(boolean verify) {
            this.verifyChecksum = verify;
            return this;
        }

        /** {@code freeze_schema}: never refresh a cached table schema after DDL. */
        public Builder freezeSchema(boolean freeze) {
            this.freezeSchema = freeze;
            return this;
        }

        /** What to do with an event type this library does not decode yet. */
        public Builder unknownEventPolicy(UnknownEventPolicy policy) {
            this.unknownEventPolicy = policy;
            return this;
        }

        /**
         * How many bytes of events a second thread may read from the socket ahead of decoding (default 4 MiB;
         * one larger event is let through alone). 0 reads on the caller's thread. Not a python option.
         */
        public Builder readAheadBytes(int bytes) {
            this.readAheadBytes = bytes;
            return this;
        }

        /**
         * Whether rows are lazy views over their event's bytes that decode a value only when it is read
         * (default false: every value is decoded with its event). Lazy rows pay off for consumers that read
         * few columns of each row (a cache invalidator reading the key): the others are never decoded. A
         * consumer that reads every value is better served by the default, which needs no copy of the
         * event's bytes per rows event. A value whose bytes are invalid fails when it is read instead of
         * when its event is decoded. Not a python option.
         */
        public Builder lazyRows(boolean lazy) {
            this.lazyRows = lazy;
            return this;
        }

        /**
         * Rows events larger than this many bytes (default 8 MiB, at least
         * {@value DecodeContext#MIN_LARGE_VALUE_THRESHOLD}) are not assembled in the heap: they are streamed to a
         * file in the {@link #spillDirectory(Path) spill directory} as they arrive, and their BLOB, TEXT, JSON,
         * GEOMETRY and VECTOR values larger than it come out as {@link org.mysqlreplication.value.LargeValue}s
         * that read from that file; their other values as usual. So a row of any size passes through a small heap.
         * A large value must be read before the reader is closed. The rows of such an event are decoded with it,
         * also with {@link #lazyRows(boolean) lazy rows}. Not a python option.
         */
        public Builder largeValueThreshold(int bytes) {
            this.largeValueThreshold = bytes;
            return this;
        }

        /**
         * Where the spill files of large rows events go (default: {@code java.io.tmpdir}). Each is created
         * readable by its owner only and removed from the directory at once where the system allows it; its disk
         * space comes back when nothing refers to its large values any more, or when the reader is closed.
         */
        public Builder spillDirectory(Path directory) {
            this.spillDirectory = directory;
            return this;
        }

        /**
         * {@code ssl} (pymysql's {@code ssl_disabled}, {@code ssl_verify_cert}, {@code ssl_verify_identity}):
         * whether and how the reader's connections use TLS; {@link SslMode#DISABLED} by default, as in
         * python-mysql-replication (see {@link SslMode} for why). The schema connection uses the same mode.
         */
        public Builder sslMode(SslMode mode) {
            connection.sslMode(mode);
            return this;
        }

        /**
         * {@code ssl_ca}: a PEM file of the CA certificates that {@link SslMode#VERIFY_CA} and
         * {@link SslMode#VERIFY_IDENTITY} trust (default: the JDK's trust store).
         */
        public Builder sslCa(Path caFile) {
            connection.sslCa(caFile);
            return this;
        }

        /** Instead of {@link #sslCa(Path)}: what decides whether the server's certificate chain is trusted. */
        public Builder sslTrustManager(X509TrustManager trustManager) {
            connection.sslTrustManager(trustManager);
            return this;
        }

        /**
         * The server's RSA public key (a PEM file, the server's {@code public_key.pem}): without TLS,
         * caching_sha2_password (when the server asks for full authentication) and sha256_password encrypt the
         * password with it. Connector/J's {@code serverRSAPublicKeyFile}; not a python option.
         */
        public Builder serverPublicKey(Path pemFile) {
            connection.serverPublicKey(pemFile);
            return this;
        }

        /**
         * Without TLS and without {@link #serverPublicKey(Path)}: whether those plugins may ask the server for its
         * key (a man in the middle could hand out its own). Off by default; Connector/J's
         * {@code allowPublicKeyRetrieval}.
         */
        public Builder allowPublicKeyRetrieval(boolean allow) {
            connection.allowPublicKeyRetrieval(allow);
            return this;
        }

        /**
         * {@code auto_position} (MariaDB): start after this GTID position, with, in each of its domains, the first
         * transaction after that domain's GTID ({@code @slave_connect_state}; the server picks the binlog file).
         * {@link BinLogStreamReader#gtidPosition()} saved after a transaction and given here continues with exactly
         * the next one. Excludes {@link #startAt(String, long)}, {@link #startFile(String)} and
         * {@link #resumeStream(boolean)}. On a MySQL server the reader fails with a
         * {@link BinlogConfigurationException}: start there at a {@link MysqlGtidSet}.
         */
        public Builder startAtGtid(MariadbGtidPosition position) {
            return start(StartPosition.after(position));
        }

        /**
         * {@code auto_position} (MySQL): start with the first transaction not in this GTID set (COM_BINLOG_DUMP_GTID;
         * the server picks the binlog file). Excludes the other starts. The reader does not track MySQL GTIDs yet: save
         * the set yourself from the {@link org.mysqlreplication.event.GtidEvent}s of the transactions you handled.
         * A MariaDB server fails with a {@link BinlogConfigurationException}.
         */
        public Builder startAtGtid(MysqlGtidSet set) {
            return start(StartPosition.after(set));
        }

        /**
         * Start exactly after what was handed out when {@code position} was taken
         * ({@link BinLogStreamReader#resumePosition()}, {@link BinLogStreamReader#resumePositionAfterRow(int)}), by
         * its binlog position. Not a python option.
         */
        public Builder startAt(ResumePosition position) {
            return start(StartPosition.resume(position, false));
        }

        /**
         * As {@link #startAt(ResumePosition)}, by the GTID position it holds: on the same server or on another with
         * the same transactions (after a failover).
         */
        public Builder startAtByGtid(ResumePosition position) {
            return start(StartPosition.resume(position, true));
        }

        /**
         * Where to start, as one value; the methods above each set one of these. Choosing two different ways to
         * start (a GTID position and a file, say) makes {@link #build()} fail: the reader would have to guess.
         */
        public Builder start(StartPosition position) {
            Objects.requireNonNull(position, "position");
            if (!(start instanceof StartPosition.CurrentFileStart)
                    && start.getClass() != position.getClass()
                    && !(position instanceof StartPosition.CurrentFileStart)) {
                startConflict = "start at a GTID position, at a binlog file or at the end of the binlog"
                        + " (resumeStream), not two of them: " + start + " and " + position;
            }
            this.start = position;
            return this;
        }

        /**
         * Blocking mode only: when the dump connection is lost while streaming, connect again up to
         * {@code maxAttempts} times in a row, {@code delay} apart, and continue exactly after the last event handed
         * out (see {@link ReconnectPolicy} and {@link BinLogStreamReader#reconnectAttempts()}). Off by default: a
         * lost connection ends the stream with a {@link org.mysqlreplication.net.ConnectionException}. Not a python
         * option.
         */
        public Builder reconnect(int maxAttempts, Duration delay) {
            this.reconnect = new ReconnectPolicy(maxAttempts, delay);
            return this;
        }

        /** As {@link #reconnect(int, Duration)}; {@code null} turns reconnecting off. */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = policy;
            return this;
        }

        /**
         * What happens when the schema the reader has for a table (its schema history, or the server's
         * {@code information_schema}, which describes the table as it is now) disagrees with a TABLE_MAP event:
         * {@link SchemaMismatchPolicy#FAIL} (the default) fails the event; {@link SchemaMismatchPolicy#POSITIONAL_NAMES}
         * delivers the rows with names {@code @1}, {@code @2}, ..., logs and counts the mismatch
         * ({@link BinLogStreamReader#schemaMismatches()}). Not a python option (python names rows wrongly then).
         */
        public Builder schemaMismatchPolicy(SchemaMismatchPolicy policy) {
            this.schemaMismatchPolicy = policy;
            return this;
        }

        /**
         * Keep a schema history in {@code store}: the reader applies each DDL statement it reads to a model of the
         * tables and records it, so every row gets the names of its time, and a reader restarted from a saved
         * position gets that position's schema (see {@link org.mysqlreplication.schema.SchemaHistory}). Off by
         * default (names then come from the TABLE_MAP or the server's {@code information_schema}, checked). Not a
         * python option.
         */
        public Builder schemaHistory(SchemaHistoryStore store) {
            this.schemaHistory = store;
            return this;
        }

        /**
         * How long a connection may deliver no byte, of an event or a heartbeat, before it is dead: the read then
         * fails with a {@link org.mysqlreplication.net.ConnectionException}, which {@link #reconnect reconnect}
         * retries. Default (null): twice the {@link #slaveHeartbeat heartbeat} and 5 s more, 65 s by default; zero:
         * wait for ever. Bytes, not packets: a large event may take longer than this to arrive on a slow link, and
         * is not a stall. It bounds the replies of the reader's queries too. Not a python option (go-mysql's
         * {@code ReadTimeout}).
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** {@link #ctlConnection(String, int, String, String)}'s arguments, until build. */
        private record CtlLogin(String host, int port, String user, String password) {}

        public BinLogStreamReaderConfig build() {
            if (startConflict != null) {
                throw new IllegalArgumentException(startConflict);
            }
            DecodeOptions options =
                    new DecodeOptions(unknownEventPolicy, verifyChecksum, lazyRows, largeValueThreshold);
            ConnectionSettings dumpConnection = connection.build();
            ConnectionSettings ctl = ctlLogin == null
                    ? ctlConnection
                    : dumpConnection.withLogin(ctlLogin.host(), ctlLogin.port(), ctlLogin.user(), ctlLogin.password());
            return new BinLogStreamReaderConfig(
                    dumpConnection,
                    ctl,
                    serverId,
                    selector.build(),
                    start,
                    blocking,
                    new DumpOptions(reportSlave, slaveUuid, slaveHeartbeat, annotateRowsEvent, endLogPos),
                    freezeSchema,
                    options,
                    readAheadBytes,
                    spillDirectory,
                    reconnect,
                    schemaMismatchPolicy,
                    schemaHistory,
                    readTimeout);
        }
    }
}
