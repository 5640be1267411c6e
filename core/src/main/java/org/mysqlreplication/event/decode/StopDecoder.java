package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.StopEvent;
import org.mysqlreplication.io.ByteReader;

/** STOP_EVENT: no body. */
final class StopDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        return new StopEvent(header);
    }
}
