package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.io.ByteReader;

/** XID_EVENT: the 8-byte transaction id. */
final class XidDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        return new XidEvent(header, body.readInt64());
    }
}
