package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.RandEvent;
import org.mysqlreplication.io.ByteReader;

/** RAND_EVENT: seed1 (8), seed2 (8). */
final class RandDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long seed1 = body.readInt64();
        return new RandEvent(header, seed1, body.readInt64());
    }
}
