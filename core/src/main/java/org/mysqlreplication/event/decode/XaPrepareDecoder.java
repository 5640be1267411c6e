package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.event.XaXid;
import org.mysqlreplication.io.ByteReader;

/** MySQL XA_PREPARE_LOG_EVENT: one phase (1), format id (4), gtrid length (4), bqual length (4), gtrid, bqual. */
final class XaPrepareDecoder implements BodyDecoder {

    private static final int XIDDATASIZE = 128;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        boolean onePhase = body.readUint8() != 0;
        long formatId = body.readUint32();
        long gtridLength = body.readUint32();
        long bqualLength = body.readUint32();
        if (gtridLength + bqualLength > XIDDATASIZE) {
            throw new BodyFormatException(
                    "XID of " + gtridLength + " + " + bqualLength + " bytes, at most " + XIDDATASIZE + " expected");
        }
        return new XaPrepareEvent(
                header, onePhase, new XaXid(formatId, body.readBytes((int) gtridLength), body.readBytes((int)
                        bqualLength)));
    }
}
