package org.mysqlreplication.client;

import org.mysqlreplication.BinlogException;

/**
 * The server refused to serve this reader its binlog, for a reason that reconnecting does not change: another replica
 * uses the same server id, an event is larger than the server lets it send, or the user lacks a privilege
 * ({@link #privilege()} says which). Servers report several of these with the same error number (MySQL's 1236), or a
 * misleading one (MariaDB answers a COM_REGISTER_SLAVE without the REPLICATION SLAVE privilege with 1045, "access
 * denied for user"), so {@link #reason()} comes from the reply's text and the command it answered. The cause is the
 * server's error. Not retried by reconnect.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReplicationRefusedException extends BinlogException {

    /** Why the server refused. */
    public enum Reason {
        /** Another replica is connected with this reader's server id (MariaDB 4052, MySQL 1236). */
        DUPLICATE_SERVER_ID,
        /** An event is larger than the server's {@code max_allowed_packet} lets it send (1236). */
        EVENT_TOO_LARGE,
        /** The user lacks the privilege {@link #privilege()} names (1227, or 1045 to COM_REGISTER_SLAVE). */
        MISSING_PRIVILEGE
    }

    private final Reason reason;
    private final String privilege;

    ReplicationRefusedException(String message, Reason reason, String privilege, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.privilege = privilege;
    }

    public Reason reason() {
        return reason;
    }

    /** The missing privilege as the server names it, e.g. {@code REPLICATION SLAVE}; null for other reasons. */
    public String privilege() {
        return privilege;
    }
}
