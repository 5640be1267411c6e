package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbBinlogCheckpointEvent;
import org.mysqlreplication.io.ByteReader;

/** MariaDB BINLOG_CHECKPOINT_EVENT: file name length (4), file name. */
final class MariadbBinlogCheckpointDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long n = body.readUint32();
        if (n > body.remaining()) {
            throw new BodyFormatException("file name length " + n + " but " + body.remaining() + " byte(s) left");
        }
        return new MariadbBinlogCheckpointEvent(header, body.readString((int) n, StandardCharsets.UTF_8));
    }
}
