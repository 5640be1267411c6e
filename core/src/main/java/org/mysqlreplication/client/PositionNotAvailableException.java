package org.mysqlreplication.client;

import org.mysqlreplication.BinlogException;

/**
 * The server does not have the position a reader asked to start at: a binlog file it purged or never had, an offset
 * past the end of a file, a GTID position whose transactions it purged, one it never wrote, or one in a replication
 * domain its binlog never had. The message and {@link #requested()} say what was asked, {@link #available()} what the
 * server has (its binlog files, its GTID position, as far as it told). Not retried by reconnect: asking again gives
 * the same answer. The cause is the server's error, when it came from the server.
 *
 * <p>Immutable and thread-safe.
 */
public final class PositionNotAvailableException extends BinlogException {

    private final String requested;
    private final String available;

    PositionNotAvailableException(String peer, String requested, String reason, String available, Throwable cause) {
        super(
                "start position " + requested + " is not available on " + peer + ": " + reason + "; the server has "
                        + available,
                cause);
        this.requested = requested;
        this.available = available;
    }

    /** What the reader asked for, e.g. {@code binlog position mysql-bin.000001:4} or {@code GTID position 0-1-5}. */
    public String requested() {
        return requested;
    }

    /** What the server has, e.g. {@code binlog files mysql-bin.000003 to mysql-bin.000005, gtid_binlog_pos 0-1-17}. */
    public String available() {
        return available;
    }
}
