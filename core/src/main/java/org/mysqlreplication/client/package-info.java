/**
 * The entry points: {@link org.mysqlreplication.client.BinLogStreamReader}, the pull API users of
 * python-mysql-replication know, with its immutable {@link org.mysqlreplication.client.BinLogStreamReaderConfig}
 * (built with python's option names) and the one {@link org.mysqlreplication.client.StartPosition} it starts at.
 *
 * <p>What this package does itself is the session policy: opening the dump connection
 * ({@code ReplicationSession}: login, checksum and capability negotiation, where to start, COM_BINLOG_DUMP), the
 * read-ahead thread ({@code PacketPrefetcher}), reconnecting after a lost connection ({@code Reconnector}), the
 * MariaDB GTID position, and the {@code information_schema} lookups that name columns when the binlog does not. It
 * never reads event bytes: payloads go to an {@link org.mysqlreplication.event.decode.EventReader}, which frames,
 * selects and decodes them and keeps the position, exactly as for a binlog file.
 *
 * <p>Nothing else in the library depends on this package (an ArchUnit test says so).
 */
package org.mysqlreplication.client;
