package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.IncidentEvent;
import org.mysqlreplication.io.ByteReader;

/** INCIDENT_EVENT: incident number (2), then a message of length (1) bytes (absent in some old servers). */
final class IncidentDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int incident = body.readUint16();
        String message = body.hasRemaining() ? body.readString(body.readUint8(), StandardCharsets.UTF_8) : "";
        return new IncidentEvent(header, incident, message);
    }
}
