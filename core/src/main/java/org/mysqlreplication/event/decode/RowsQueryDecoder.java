package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.RowsQueryEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MySQL ROWS_QUERY_LOG_EVENT: a length byte (the length modulo 256, which the server writes but readers ignore),
 * then the statement up to the end of the body.
 */
final class RowsQueryDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        body.skip(1);
        long full = ctx.textLength(body.remaining());
        return new RowsQueryEvent(header, body.readRemainingString(StandardCharsets.UTF_8), full);
    }
}
