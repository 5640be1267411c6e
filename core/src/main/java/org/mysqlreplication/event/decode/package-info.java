/**
 * The path of every event from its bytes to its record, the same for a live stream and a binlog file.
 *
 * <ul>
 * <li>{@link org.mysqlreplication.event.decode.EventReader} takes one {@link org.mysqlreplication.io.Payload} after
 *     another (an event's bytes, or for a large one its first bytes and its spill file), reads the common header
 *     once, computes the event's position once, asks the
 *     {@link org.mysqlreplication.event.decode.EventSelector} whether to decode it (for rows events by the table id,
 *     read by the post-header rule of the decoders), chooses the in-memory or the spill path, opens a
 *     TRANSACTION_PAYLOAD into its events, and keeps where the stream is. It is the only writer of the context's
 *     file name. The client and the file reader only feed it.</li>
 * <li>{@link org.mysqlreplication.event.decode.EventRegistry} is the one list of event types: decoder, record class,
 *     and whether the type carries stream state (decoded even when the selection drops it). Adding an event type is
 *     its record, its decoder and its line there; a test fails for a sealed event record without an entry.</li>
 * <li>{@link org.mysqlreplication.event.decode.EventDecoder} decodes one framed event: size and checksum checks, the
 *     registry's decoder, leftovers, and the state a FORMAT_DESCRIPTION or TABLE_MAP carries. Its public
 *     {@code decode}/{@code skip} methods, which read the header themselves, are for tests and tools.</li>
 * <li>{@link org.mysqlreplication.event.decode.DecodeContext} holds the stream's state, written only by this
 *     package; {@link org.mysqlreplication.event.decode.DecodeOptions} the user's fixed choices.</li>
 * <li>{@link org.mysqlreplication.event.decode.TableSchemaResolver}s (TABLE_MAP metadata, the client's
 *     information_schema lookup) live beside the decoder that calls them: the schema model knows nothing of events.
 *     A resolver's typed failure (a lost connection) comes out as it is, so a reader can retry it.</li>
 * </ul>
 *
 * <p>Design notes:
 * <ul>
 * <li>Strict: each body decoder must consume its body exactly. The only skips are named: the zero padding of a
 *     MariaDB GTID_EVENT up to its 19-byte post-header, the 2 zero bytes after an empty MariaDB GTID_LIST, the
 *     length-prefixed fields of HEARTBEAT_V2 and TABLE_MAP optional metadata this library does not know (kept raw
 *     in the latter case), the v2 rows extra data (kept raw).</li>
 * <li>Sizes: an event's size must hold its common header and its checksum; a FORMAT_DESCRIPTION's must be exactly its
 *     own post-header length (the array it carries has an entry for itself) after the common header, plus the
 *     algorithm byte and checksum where the server version has them. Every server in the fixtures writes it so; a
 *     corrupt size would otherwise read as one event that swallows the rest of a file.</li>
 * <li>QUERY status variables have no length each: an unknown code stops their parsing and the rest of the block
 *     is kept raw ({@link org.mysqlreplication.event.QueryStatusVars#unknownCode()}); the statement itself is
 *     still decoded, since the block has a total length.</li>
 * <li>Checksums: a FORMAT_DESCRIPTION_EVENT from MySQL 5.6.1+ / MariaDB 5.3+ always ends with the algorithm byte
 *     and 4 checksum bytes, and is checksummed with LOG_EVENT_BINLOG_IN_USE_F cleared; other events follow the
 *     context's algorithm, which a live client sets from {@code @master_binlog_checksum} and each FDE updates.</li>
 * <li>Binlog v4 and v3 (START_EVENT_V3, MySQL 4.x) are read; v1/v2 are rejected with a typed error. MariaDB's
 *     START_ENCRYPTION is a typed event: a server streams the events after it decrypted, so a stream goes on; a
 *     file cannot be read past it without the key (a typed error). Percona's encryption start is an error.</li>
 * <li>{@link org.mysqlreplication.event.decode.EventDecoder#readHeader} does not advance the reader.</li>
 * </ul>
 */
package org.mysqlreplication.event.decode;
