/**
 * Decoding of binlog events: {@link org.mysqlreplication.event.decode.EventDecoder} dispatches on the event type to
 * one small decoder per type and keeps all stream state in a
 * {@link org.mysqlreplication.event.decode.DecodeContext}.
 *
 * <p>Design notes:
 * <ul>
 * <li>Strict: each body decoder must consume its body exactly. The only skips are named: the zero padding of a
 *     MariaDB GTID_EVENT up to its 19-byte post-header, the 2 zero bytes after an empty MariaDB GTID_LIST, the
 *     length-prefixed fields of HEARTBEAT_V2 and TABLE_MAP optional metadata this library does not know (kept raw
 *     in the latter case), the v2 rows extra data (kept raw).</li>
 * <li>QUERY status variables have no length each: an unknown code stops their parsing and the rest of the block
 *     is kept raw ({@link org.mysqlreplication.event.QueryStatusVars#unknownCode()}); the statement itself is
 *     still decoded, since the block has a total length.</li>
 * <li>Checksums: a FORMAT_DESCRIPTION_EVENT from MySQL 5.6.1+ / MariaDB 5.3+ always ends with the algorithm byte
 *     and 4 checksum bytes, and is checksummed with LOG_EVENT_BINLOG_IN_USE_F cleared; other events follow the
 *     context's algorithm, which a live client sets from {@code @master_binlog_checksum} and each FDE updates.</li>
 * <li>Binlog v4 and v3 (START_EVENT_V3, MySQL 4.x) are read; v1/v2 and encrypted binlogs are rejected with a
 *     typed error.</li>
 * <li>{@link org.mysqlreplication.event.decode.EventDecoder#readHeader} does not advance the reader.</li>
 * </ul>
 */
package org.mysqlreplication.event.decode;
