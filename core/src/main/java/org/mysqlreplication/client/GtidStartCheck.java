package org.mysqlreplication.client;

import org.mysqlreplication.gtid.MariadbGtid;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * Checks a MariaDB GTID start position against the server before the dump, for the cases the server does not refuse
 * itself: an empty position, and a domain the server's binlog never had. With either, MariaDB (10.11, its binlog not
 * purged) starts at its first binlog file as if nothing had been read, so a position from another server, or a typo,
 * would silently replay the whole binlog. Positions the server refuses
 * (purged, never written, diverged) are its to report, see {@link ReplicationErrors#onDump}.
 *
 * <p>Stateless; thread-safe.
 */
final class GtidStartCheck {

    private GtidStartCheck() {}

    /** @throws PositionNotAvailableException if {@code start} is empty or has a domain the server's binlog lacks */
    static void check(ServerConnection conn, BinLogStreamReaderConfig config, MariadbGtidPosition start) {
        String text =
                conn.query("SELECT @@global.gtid_binlog_pos").rows().get(0).get(0);
        MariadbGtidPosition server = MariadbGtidPosition.parse(text == null ? "" : text);
        String reason = null;
        if (start.isEmpty()) {
            reason = "an empty GTID position would start at the server's first binlog file; to read from there, start"
                    + " at that file";
        } else {
            for (MariadbGtid g : start.gtids()) {
                if (server.gtid(g.domainId()) == null) {
                    reason = "the server's binlog never had domain " + g.domainId() + " (its GTID " + g
                            + "): the server would start that domain at its first binlog file";
                    break;
                }
            }
        }
        if (reason != null) {
            throw new PositionNotAvailableException(
                    config.peer(),
                    ReplicationErrors.requested(config),
                    reason,
                    ServerInventory.files(conn) + ", " + ServerInventory.gtids(conn),
                    null);
        }
    }
}
