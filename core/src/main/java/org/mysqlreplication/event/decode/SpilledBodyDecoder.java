package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;

/**
 * Decodes the body of an event whose bytes are in a spill file, for the event types whose body is mostly one
 * compressed part (MariaDB's compressed QUERY and rows events, MySQL's TRANSACTION_PAYLOAD): their few uncompressed
 * bytes are read through a window, the compressed part as a stream from the file. Implementations are stateless.
 */
interface SpilledBodyDecoder {

    /**
     * @param body the event's body in its spill file (no common header, no checksum), read to its end here
     */
    BinlogEvent decodeSpilled(EventHeader header, SpillCursor body, DecodeContext ctx);
}
