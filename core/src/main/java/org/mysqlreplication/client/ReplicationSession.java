package org.mysqlreplication.client;

import java.util.List;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.protocol.ConnectAbort;
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

    /** {@code ER_PARSE_ERROR}: what a server that does not know a statement answers. */
    private static final int ER_PARSE_ERROR = 1064;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationSession.class);

    private final ServerConnection connection;
    private final BinlogPosition start;
    private final ChecksumAlgorithm checksum;
    private final String serverUuid;

    private ReplicationSession(
            ServerConnection connection, BinlogPosition start, ChecksumAlgorithm checksum, String serverUuid) {
        this.connection = connection;
        this.start = start;
        this.checksum = checksum;
        this.serverUuid = serverUuid;
    }

    /**
     * Connects and starts the dump where the config says; ANNOTATE_ROWS only when asked for and kept by the filters.
     * {@code abort} ends the connect, the login and the queries before the dump from another thread. The dump
     * connection reads with the config's read timeout (a connection silent for longer is dead).
     */
    static ReplicationSession open(BinLogStreamReaderConfig config, ConnectAbort abort) {
        ServerConnection conn =
                ServerConnection.open(config.connection().withSocketTimeout(config.effectiveReadTimeout()), abort);
        try {
            StartPosition startAt = config.start();
            MariadbGtidPosition gtid = startAt instanceof StartPosition.AfterMariadbGtid g ? g.position() : null;
            if (gtid != null && !conn.isMariaDb()) {
                throw new BinlogConfigurationException("starting at a GTID position (" + gtid
                        + ") needs a MariaDB server; a MySQL server starts at a MysqlGtidSet");
            }
            MysqlGtidSet mysqlGtid = startAt instanceof StartPosition.AfterMysqlGtidSet m ? m.set() : null;
            if (mysqlGtid != null && conn.isMariaDb()) {
                throw new BinlogConfigurationException("starting at a MySQL GTID set needs a MySQL server;"
                        + " a MariaDB server starts at a MariadbGtidPosition");
            }
            BinlogPosition start = gtid != null || mysqlGtid != null ? null : startPosition(conn, startAt);
            ChecksumAlgorithm checksum = negotiateChecksum(conn);
            String uuid = conn.isMariaDb() ? null : serverUuid(conn);
            if (conn.isMariaDb()) {
                conn.execute("SET @mariadb_slave_capability = " + MARIADB_SLAVE_CAPABILITY_GTID);
            }
            if (gtid != null) {
                GtidStartCheck.check(conn, config, gtid);
                setConnectState(conn, gtid);
            }
            DumpOptions dump = config.dump();
            if (dump.slaveUuid() != null) {
                // what python sends: MySQL reads @replica_uuid or, before that name, @slave_uuid (a UUID: no quoting)
                conn.execute(
                        "SET @slave_uuid = '" + dump.slaveUuid() + "', @replica_uuid = '" + dump.slaveUuid() + "'");
            }
            if (dump.slaveHeartbeat() != null) {
                conn.execute("SET @master_heartbeat_period = "
                        + dump.slaveHeartbeat().toNanos());
            }
            ReportSlave report = dump.report();
            try {
                conn.registerReplica(config.serverId(), report.host(), report.user(), report.password(), report.port());
            } catch (ServerErrorException e) {
                throw ReplicationErrors.onSetup(e, config, true);
            }
            int flags = dumpFlags(config, conn.isMariaDb());
            LOG.debug(
                    "starting binlog dump at {} (checksum {}, flags {})",
                    gtid != null ? gtid : mysqlGtid != null ? mysqlGtid : start,
                    checksum,
                    flags);
            if (mysqlGtid != null) {
                conn.requestBinlogDumpGtid(mysqlGtid.encode(), config.serverId(), flags);
            } else if (gtid != null) {
                // the server ignores the file and position when @slave_connect_state is set
                conn.requestBinlogDump("", BinlogPosition.FIRST_EVENT, config.serverId(), flags);
            } else {
                conn.requestBinlogDump(start.file(), start.position(), config.serverId(), flags);
            }
            return new ReplicationSession(conn, start, checksum, uuid);
        } catch (ServerErrorException e) {
            conn.close();
            throw ReplicationErrors.onSetup(e, config, false);
        } catch (RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    /**
     * The COM_BINLOG_DUMP flags: non-blocking unless blocking; MariaDB's ANNOTATE_ROWS (sent only on request) when
     * the config asks for them and the filters keep them.
     */
    static int dumpFlags(BinLogStreamReaderConfig config, boolean mariadb) {
        int flags = config.blocking() ? 0 : ServerConnection.BINLOG_DUMP_NON_BLOCK;
        boolean wanted = config.selector().acceptsClass(MariadbAnnotateRowsEvent.class);
        if (mariadb && config.dump().annotateRowsEvent() && wanted) {
            flags |= ServerConnection.BINLOG_SEND_ANNOTATE_ROWS_EVENT;
        } else if (mariadb && wanted && config.selector().onlyEvents() != null) {
            LOG.warn("only_events names MariadbAnnotateRowsEvent, but the server sends none unless asked:"
                    + " set annotateRowsEvent(true) (python's annotate_rows_event) to get them");
        }
        return flags;
    }

    /**
     * What a MariaDB replica sets before a GTID dump (sql/slave.cc): where to start, and the server's checks of it.
     * Strict mode, as python-mysql-replication sets it: the server refuses a position it cannot continue from
     * exactly (a GTID it never had, or one its binlog has gaps after) instead of guessing; duplicates are not
     * ignored. The position's text is digits, '-' and ',' only ({@link MariadbGtidPosition#toString()}).
     */
    private static void setConnectState(ServerConnection conn, MariadbGtidPosition gtid) {
        conn.execute("SET @slave_connect_state = '" + gtid + "'");
        conn.execute("SET @slave_gtid_strict_mode = 1");
        conn.execute("SET @slave_gtid_ignore_duplicates = 0");
    }

    private static BinlogPosition startPosition(ServerConnection conn, StartPosition start) {
        if (start instanceof StartPosition.At at) {
            return at.position();
        }
        BinlogPosition current = currentPosition(conn);
        return start instanceof StartPosition.EndOfLog
                ? current
                : new BinlogPosition(current.file(), BinlogPosition.FIRST_EVENT);
    }

    /**
     * The server's current binlog file and end position ({@code SHOW MASTER STATUS}; {@code SHOW BINARY LOG STATUS}
     * when the server does not know the first, as MySQL 8.4 and later: only after its syntax error, so that another
     * error, such as a missing privilege, is the one reported).
     */
    static BinlogPosition currentPosition(ServerConnection conn) {
        List<List<String>> rows;
        try {
            rows = conn.query("SHOW MASTER STATUS").rows();
        } catch (ServerErrorException e) {
            if (e.errorCode() != ER_PARSE_ERROR) {
                throw e;
            }
            rows = conn.query("SHOW BINARY LOG STATUS").rows();
        }
        if (rows.isEmpty() || rows.get(0).get(0) == null) {
            throw new BinlogConfigurationException(
                    "the server has no binary log (SHOW MASTER STATUS is empty):" + " start it with log-bin");
        }
        return new BinlogPosition(rows.get(0).get(0), Long.parseLong(rows.get(0).get(1)));
    }

    private static ChecksumAlgorithm negotiateChecksum(ServerConnection conn) {
        String value;
        try {
            List<List<String>> rows =
                    conn.query("SELECT @@global.binlog_checksum").rows();
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

    /** Where the dump starts, or {@code null} when it starts at a GTID position (the server's ROTATE says where). */
    BinlogPosition start() {
        return start;
    }

    ChecksumAlgorithm checksum() {
        return checksum;
    }

    /** MySQL's {@code @@server_uuid}, or null (MariaDB has none; a MySQL that does not answer). */
    String serverUuid() {
        return serverUuid;
    }

    private static String serverUuid(ServerConnection conn) {
        try {
            List<List<String>> rows = conn.query("SELECT @@server_uuid").rows();
            return rows.isEmpty() ? null : rows.get(0).get(0);
        } catch (ServerErrorException e) {
            return null; // before MySQL 5.6 there is no server_uuid
        }
    }
}
