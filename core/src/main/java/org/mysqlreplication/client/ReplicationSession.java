package org.mysqlreplication.client;

import java.util.List;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.protocol.ServerErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the dump connection of a {@link BinLogStreamReader}: connects, negotiates checksums, the MariaDB
 * replica capability and the heartbeat, registers as a replica, finds the start position and sends
 * COM_BINLOG_DUMP.
 *
 * <p>Not thread-safe; one per reader.
 */
final class ReplicationSession {

    /** MariaDB's {@code MARIA_SLAVE_CAPABILITY_GTID}: the server sends GTID events as they are. */
    static final int MARIADB_SLAVE_CAPABILITY_GTID = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationSession.class);

    private final ServerConnection connection;
    private final BinlogPosition start;
    private final ChecksumAlgorithm checksum;

    private ReplicationSession(ServerConnection connection, BinlogPosition start, ChecksumAlgorithm checksum) {
        this.connection = connection;
        this.start = start;
        this.checksum = checksum;
    }

    static ConnectionSettings settings(BinLogStreamReaderConfig c) {
        return ConnectionSettings.builder()
                .host(c.host())
                .port(c.port())
                .user(c.user())
                .password(c.password())
                .connectTimeout(c.connectTimeout())
                .sslMode(c.sslMode())
                .sslCa(c.sslCa())
                .sslTrustManager(c.sslTrustManager())
                .build();
    }

    /** Connects and starts the dump where the config says; ANNOTATE_ROWS only when {@code filter} wants them. */
    static ReplicationSession open(BinLogStreamReaderConfig config, EventFilter filter) {
        ServerConnection conn = ServerConnection.open(settings(config));
        try {
            BinlogPosition start = startPosition(conn, config);
            ChecksumAlgorithm checksum = negotiateChecksum(conn);
            if (conn.isMariaDb()) {
                conn.execute("SET @mariadb_slave_capability = " + MARIADB_SLAVE_CAPABILITY_GTID);
            }
            if (config.slaveHeartbeat() != null) {
                conn.execute("SET @master_heartbeat_period = " + config.slaveHeartbeat().toNanos());
            }
            ReportSlave report = config.reportSlave() != null ? config.reportSlave() : new ReportSlave("", "", "", 0);
            conn.registerReplica(config.serverId(), report.host(), report.user(), report.password(), report.port());
            int flags = config.blocking() ? 0 : ServerConnection.BINLOG_DUMP_NON_BLOCK;
            if (conn.isMariaDb() && filter.acceptsClass(MariadbAnnotateRowsEvent.class)) {
                flags |= ServerConnection.BINLOG_SEND_ANNOTATE_ROWS_EVENT; // the server sends them only on request
            }
            LOG.debug("starting binlog dump at {} (checksum {}, flags {})", start, checksum, flags);
            conn.requestBinlogDump(start.file(), start.position(), config.serverId(), flags);
            return new ReplicationSession(conn, start, checksum);
        } catch (RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    private static BinlogPosition startPosition(ServerConnection conn, BinLogStreamReaderConfig config) {
        BinlogPosition configured = config.start();
        if (configured != null) {
            return configured;
        }
        BinlogPosition current = currentPosition(conn);
        return config.resumeStream() ? current : new BinlogPosition(current.file(), BinlogPosition.FIRST_EVENT);
    }

    /** The server's current binlog file and end position ({@code SHOW MASTER STATUS}). */
    static BinlogPosition currentPosition(ServerConnection conn) {
        List<List<String>> rows;
        try {
            rows = conn.query("SHOW MASTER STATUS").rows();
        } catch (ServerErrorException e) {
            rows = conn.query("SHOW BINARY LOG STATUS").rows(); // MySQL 8.4 and later
        }
        if (rows.isEmpty() || rows.get(0).get(0) == null) {
            throw new BinlogConfigurationException("the server has no binary log (SHOW MASTER STATUS is empty):"
                    + " start it with log-bin");
        }
        return new BinlogPosition(rows.get(0).get(0), Long.parseLong(rows.get(0).get(1)));
    }

    private static ChecksumAlgorithm negotiateChecksum(ServerConnection conn) {
        String value;
        try {
            List<List<String>> rows = conn.query("SELECT @@global.binlog_checksum").rows();
            value = rows.isEmpty() ? null : rows.get(0).get(0);
        } catch (ServerErrorException e) {
            return ChecksumAlgorithm.NONE; // servers before checksums (MySQL 5.5) have no such variable
        }
        if (value == null || value.equalsIgnoreCase("NONE")) {
            conn.execute("SET @master_binlog_checksum = 'NONE'");
            return ChecksumAlgorithm.NONE;
        }
        if (!value.equalsIgnoreCase("CRC32")) {
            throw new BinlogConfigurationException("unsupported binlog_checksum " + value + ": expected CRC32 or NONE");
        }
        conn.execute("SET @master_binlog_checksum = @@global.binlog_checksum");
        return ChecksumAlgorithm.CRC32;
    }

    ServerConnection connection() {
        return connection;
    }

    BinlogPosition start() {
        return start;
    }

    ChecksumAlgorithm checksum() {
        return checksum;
    }
}
