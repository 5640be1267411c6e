package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.io.ByteReader;

/** MariaDB ANNOTATE_ROWS_EVENT: the statement text (rest of the body). */
final class MariadbAnnotateRowsDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long full = ctx.textLength(body.remaining());
        return new MariadbAnnotateRowsEvent(header, body.readRemainingString(StandardCharsets.UTF_8), full);
    }
}
