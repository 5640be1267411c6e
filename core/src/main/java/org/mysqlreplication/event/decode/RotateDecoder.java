package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.io.ByteReader;

/** ROTATE_EVENT: position of the first event in the next file (8, absent in v1), then the file name (rest). */
final class RotateDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int postHeader = ctx.postHeaderLength(EventType.ROTATE_EVENT.code(), 8);
        long position = postHeader >= 8 ? body.readInt64() : 4;
        body.skip(Math.max(0, postHeader - 8));
        return new RotateEvent(header, position, body.readRemainingString(StandardCharsets.UTF_8));
    }
}
