package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.io.ByteReader;

/**
 * Decodes the body of one event type (post-header and payload, without common header and checksum). A decoder
 * reads what its event holds; {@link EventDecoder} checks that nothing is left over. Implementations are stateless;
 * stream state is in the {@link DecodeContext}.
 */
@FunctionalInterface
interface BodyDecoder {

    BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx);
}
