package org.mysqlreplication.client;

import java.util.List;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.protocol.ConnectAbort;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * What positions a server has, in words, for the message of a {@link PositionNotAvailableException}: its first and
 * last binlog file ({@code SHOW BINARY LOGS}) and its GTID state (MariaDB: {@code gtid_binlog_pos}; MySQL:
 * {@code gtid_purged} and {@code gtid_executed}). Asked over a connection of its own, since a server ends the
 * session of a dump it refused. Best effort: what the server does not tell (no privilege for {@code SHOW BINARY
 * LOGS}, a lost connection) is said to be unknown, and why.
 *
 * <p>Stateless; thread-safe.
 */
final class ServerInventory {

    private ServerInventory() {}

    static String describe(BinLogStreamReaderConfig config) {
        try (ServerConnection c = ServerConnection.open(config.connection(), new ConnectAbort())) {
            return files(c) + ", " + gtids(c);
        } catch (BinlogException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** {@code binlog files first to last}, or why unknown. */
    static String files(ServerConnection c) {
        try {
            List<List<String>> rows = c.query("SHOW BINARY LOGS").rows();
            if (rows.isEmpty()) {
                return "no binlog files";
            }
            String first = rows.get(0).get(0);
            String last = rows.get(rows.size() - 1).get(0);
            return first.equals(last) ? "binlog file " + first : "binlog files " + first + " to " + last;
        } catch (BinlogException e) {
            return "binlog files unknown (" + e.getMessage() + ")";
        }
    }

    /** The server's GTID state variables, or why unknown. */
    static String gtids(ServerConnection c) {
        String sql = c.isMariaDb()
                ? "SELECT @@global.gtid_binlog_pos"
                : "SELECT @@global.gtid_purged, @@global.gtid_executed";
        try {
            List<String> row = c.query(sql).rows().get(0);
            return c.isMariaDb()
                    ? "gtid_binlog_pos '" + row.get(0) + "'"
                    : "gtid_purged '" + row.get(0) + "', gtid_executed '" + row.get(1) + "'";
        } catch (BinlogException e) {
            return "GTID state unknown (" + e.getMessage() + ")";
        }
    }
}
