package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * HEARTBEAT_LOG_EVENT: the log file name (rest of the body). HEARTBEAT_LOG_EVENT_V2 (MySQL 8.0.26+): TLV fields,
 * type and length as length-encoded integers, then the value: 1 = log file name, 2 = position as a length-encoded
 * integer; type 0 ({@code OTW_HB_HEADER_END_MARK}, which MySQL's {@code codecs::binary::Heartbeat::encode} writes
 * after the fields) ends them. Other field types are skipped (they are length-prefixed, so a newer server's fields
 * can be passed over).
 */
final class HeartbeatDecoder implements BodyDecoder {

    private static final int OTW_HB_HEADER_END_MARK = 0;
    private static final int OTW_HB_LOG_FILENAME_FIELD = 1;
    private static final int OTW_HB_LOG_POSITION_FIELD = 2;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        if (header.eventType() != EventType.HEARTBEAT_LOG_EVENT_V2) {
            return new HeartbeatEvent(header, body.readRemainingString(StandardCharsets.UTF_8), header.logPos());
        }
        String file = "";
        long position = header.logPos();
        while (body.hasRemaining()) {
            long type = body.readLenencInt();
            if (type == OTW_HB_HEADER_END_MARK) {
                break;
            }
            ByteReader value = body.slice(body.readLenencLength());
            if (type == OTW_HB_LOG_FILENAME_FIELD) {
                file = value.readRemainingString(StandardCharsets.UTF_8);
            } else if (type == OTW_HB_LOG_POSITION_FIELD) {
                position = value.readLenencInt();
            }
        }
        return new HeartbeatEvent(header, file, position);
    }
}
