package org.mysqlreplication.protocol;

/**
 * How large the server's replies other than binlog events may be: the handshake, the login exchange, OK and ERR,
 * and the text result sets of the few queries the client runs. Events have their own path (spilled to files when
 * large); these replies are read into the heap, so they are bounded, and a server that sends more gets a
 * {@link org.mysqlreplication.net.ProtocolException} instead of the client running out of memory.
 *
 * <p>{@value #MAX_PACKET} bytes (16 MiB) per packet: the default {@code max_allowed_packet} of the {@code mysql} and
 * {@code mariadb} command-line clients, and of MariaDB servers since 10.6. The largest packet the client asks for is
 * far smaller: a handshake or an auth switch is under 1 KiB, and the longest value of a result-set row is a
 * {@code COLUMN_TYPE} from {@code information_schema.COLUMNS} (an ENUM or SET definition, which the server limits to
 * 64 KiB of names) or a GTID set (a few hundred bytes per server UUID).
 *
 * <p>{@value #MAX_RESULT_SET} bytes (64 MiB) for all the packets of one result set: {@code SHOW BINARY LOGS} of a
 * server that keeps a million files (under 64 bytes a row) or the columns of the widest table (4096 columns of under
 * 1 KiB) fit with room to spare.
 */
final class ReplyLimits {

    /** The largest payload of one reply packet. */
    static final int MAX_PACKET = 16 * 1024 * 1024;

    /** The largest sum of the payloads of one result set (column definitions and rows). */
    static final long MAX_RESULT_SET = 64L * 1024 * 1024;

    private ReplyLimits() {
    }
}
