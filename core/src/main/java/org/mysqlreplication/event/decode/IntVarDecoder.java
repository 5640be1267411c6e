package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.IntVarEvent;
import org.mysqlreplication.io.ByteReader;

/** INTVAR_EVENT: type (1), value (8). */
final class IntVarDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int type = body.readUint8();
        return new IntVarEvent(header, type, body.readInt64());
    }
}
