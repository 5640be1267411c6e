package org.mysqlreplication.protocol;

/**
 * How large the server's replies other than binlog events may be: the handshake, the login exchange, OK and ERR,
 * and the text result sets of the few queries the client runs. Events have their own path (spilled to files when
 * large); these replies are read into the heap, so they are bounded, and a server that sends more gets a
 * {@link org.mysqlreplication.net.ProtocolException} instead of the client running out of memory.
 *
 * <p>{@value #MAX_PACKET} bytes (16 MiB) for a packet of the handshake, the login and the OK or ERR answer to a command:
 * the default {@code max_allowed_packet} of the {@code mysql} and {@code mariadb} command-line clients, and of MariaDB
 * servers since 10.6, where the largest of these packets is under 1 KiB (a handshake, an auth switch, an error text).
 *
 * <p>{@value #MAX_RESULT_SET} bytes (64 MiB) for all the packets of one result set, any one of them included: MySQL 8's
 * default {@code max_allowed_packet}, so a row a server with default settings sends fits (a server does not send a
 * value longer than its {@code max_allowed_packet}). The result sets the client asks for are far smaller: the columns
 * of the widest table (4096 of under 1 KiB; an ENUM or SET definition is limited to 64 KiB of names), a GTID set (a
 * few hundred bytes a server UUID), {@code SHOW BINARY LOGS} of a server that keeps a million files (under 64 bytes a
 * row). The limit is checked from each packet's header, before its payload is read or allocated.
 */
final class ReplyLimits {

    /** The largest payload of one packet of the login or of a command's OK or ERR. */
    static final int MAX_PACKET = 16 * 1024 * 1024;

    /** The largest sum of the payloads of one result set (column definitions and rows). */
    static final long MAX_RESULT_SET = 64L * 1024 * 1024;

    private ReplyLimits() {}
}
