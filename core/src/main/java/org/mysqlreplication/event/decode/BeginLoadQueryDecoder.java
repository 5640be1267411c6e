package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BeginLoadQueryEvent;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.io.ByteReader;

/** BEGIN_LOAD_QUERY_EVENT and APPEND_BLOCK_EVENT: file id (4), then the block of file data to the end. */
final class BeginLoadQueryDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long fileId = body.readUint32();
        return new BeginLoadQueryEvent(header, fileId, body.readRemainingBytes());
    }
}
