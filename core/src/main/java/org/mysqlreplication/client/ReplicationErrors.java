package org.mysqlreplication.client;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.client.ReplicationRefusedException.Reason;
import org.mysqlreplication.protocol.AuthenticationException;
import org.mysqlreplication.protocol.ServerErrorException;

/**
 * Turns the server's fatal replies to a replica into typed errors: {@link PositionNotAvailableException} and
 * {@link ReplicationRefusedException}. By text as well as number, since MySQL and MariaDB use 1236 for a purged file,
 * an impossible offset, a GTID position they cannot serve, a duplicate server id (MySQL) and an event over
 * {@code max_allowed_packet}; the texts are those of MariaDB's {@code sql_repl.cc} and MySQL's {@code rpl_binlog_sender}.
 * Any other reply stays the {@link ServerErrorException} it was.
 *
 * <p>Stateless; thread-safe.
 */
final class ReplicationErrors {

    static final int ER_ACCESS_DENIED = 1045;
    static final int ER_SPECIFIC_ACCESS_DENIED = 1227;
    static final int ER_MASTER_FATAL_ERROR_READING_BINLOG = 1236;
    static final int ER_SLAVE_SAME_ID = 4052;

    private static final Pattern PRIVILEGE = Pattern.compile("you need \\(at least one of\\) the (.+?) privilege");
    /** Parts of the texts of 1236 that say the server lacks the position asked for. */
    private static final String[] NOT_AVAILABLE = {
        "could not find first log file name", // the file was purged or never existed
        "impossible position",
        "position > file size",
        "position beyond", // an offset past the file's end
        "could not find gtid state",
        "not in the master's binlog", // MariaDB GTID positions
        "purged binary logs",
        "purged required binary logs",
        "purged required binlog", // MySQL GTID sets
    };

    private ReplicationErrors() {}

    /**
     * An error of a query or of COM_REGISTER_SLAVE while the dump connection is set up.
     *
     * @param registering whether it answered COM_REGISTER_SLAVE (where MariaDB reports a missing REPLICATION SLAVE
     *                    privilege as 1045)
     */
    static BinlogException onSetup(ServerErrorException e, BinLogStreamReaderConfig config, boolean registering) {
        if (registering && e.errorCode() == ER_ACCESS_DENIED) {
            return missing("REPLICATION SLAVE", "register as a replica", config, e);
        }
        if (e.errorCode() == ER_SPECIFIC_ACCESS_DENIED) {
            return missing(privilegeIn(e.serverMessage()), "set up the binlog dump", config, e);
        }
        return e;
    }

    /** An ERR in the dump stream (before or between events). */
    static BinlogException onDump(ServerErrorException e, BinLogStreamReaderConfig config) {
        if (e instanceof AuthenticationException) {
            return e; // the login failed: already typed
        }
        String text = e.serverMessage().toLowerCase(Locale.ROOT);
        String peer = config.peer();
        if (e.errorCode() == ER_SLAVE_SAME_ID
                || text.contains("same server_uuid/server_id")
                || text.contains("same server id")) {
            return new ReplicationRefusedException(
                    peer + " ended the dump: another replica is connected with server"
                            + " id " + config.serverId() + " (server error " + e.errorCode() + ": " + e.serverMessage()
                            + "); give each reader and replica its own serverId",
                    Reason.DUPLICATE_SERVER_ID,
                    null,
                    e);
        }
        if (text.contains("max_allowed_packet")) {
            return new ReplicationRefusedException(
                    peer + " cannot send an event larger than its max_allowed_packet"
                            + " (server error " + e.errorCode() + ": " + e.serverMessage()
                            + "); raise max_allowed_packet on"
                            + " the server",
                    Reason.EVENT_TOO_LARGE,
                    null,
                    e);
        }
        if (e.errorCode() == ER_SPECIFIC_ACCESS_DENIED) {
            return missing(privilegeIn(e.serverMessage()), "read the binlog", config, e);
        }
        if (e.errorCode() == ER_MASTER_FATAL_ERROR_READING_BINLOG && notAvailable(text)) {
            return new PositionNotAvailableException(
                    peer, requested(config), e.serverMessage(), ServerInventory.describe(config), e);
        }
        return e;
    }

    private static boolean notAvailable(String text) {
        for (String part : NOT_AVAILABLE) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** What the config asks the dump to start at, in words. */
    static String requested(BinLogStreamReaderConfig config) {
        StartPosition start = config.start();
        if (start instanceof StartPosition.AfterMariadbGtid g) {
            return "GTID position " + (g.position().isEmpty() ? "(empty)" : g.position());
        }
        if (start instanceof StartPosition.AfterMysqlGtidSet m) {
            return "after GTID set " + (m.set().isEmpty() ? "(empty)" : m.set());
        }
        return start instanceof StartPosition.At at
                ? "binlog position " + at.position()
                : "the server's current binlog file";
    }

    private static String privilegeIn(String serverMessage) {
        Matcher m = PRIVILEGE.matcher(serverMessage);
        return m.find() ? m.group(1) : "(unnamed)";
    }

    private static ReplicationRefusedException missing(
            String privilege, String doing, BinLogStreamReaderConfig config, ServerErrorException e) {
        return new ReplicationRefusedException(
                "user '" + config.connection().user() + "' lacks the " + privilege + " privilege"
                        + " to " + doing + " on " + config.peer() + " (server error " + e.errorCode()
                        + ": " + e.serverMessage() + ")",
                Reason.MISSING_PRIVILEGE,
                privilege,
                e);
    }
}
