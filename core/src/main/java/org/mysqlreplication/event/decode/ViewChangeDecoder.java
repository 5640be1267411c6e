package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.ViewChangeEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MySQL VIEW_CHANGE_EVENT ({@code View_change_event} constructor in control_events.cpp, map read by
 * {@code Event_reader::read_data_map} in event_reader.cpp): post-header view id (40 bytes, NUL-padded), sequence
 * number (8), number of certification entries (4); then each entry's key length (2), key, value length (4), value.
 */
final class ViewChangeDecoder implements BodyDecoder {

    private static final int VIEW_ID_LENGTH = 40;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        byte[] raw = body.readBytes(VIEW_ID_LENGTH);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        if (end == 0) {
            throw new BodyFormatException("empty view id");
        }
        String viewId = new String(raw, 0, end, StandardCharsets.US_ASCII);
        long seqNumber = body.readInt64();
        long entries = body.readUint32();
        if (entries > body.remaining() / 6) {
            throw new BodyFormatException(
                    entries + " certification entries do not fit in " + body.remaining() + " byte(s)");
        }
        Map<String, String> info = new HashMap<>();
        for (long i = 0; i < entries; i++) {
            String key = body.readString(body.readUint16(), StandardCharsets.UTF_8);
            long n = body.readUint32();
            if (n > body.remaining()) {
                throw new BodyFormatException(
                        "certification value of " + n + " byte(s) with " + body.remaining() + " left");
            }
            info.put(key, body.readString((int) n, StandardCharsets.UTF_8));
        }
        return new ViewChangeEvent(header, viewId, seqNumber, info);
    }
}
