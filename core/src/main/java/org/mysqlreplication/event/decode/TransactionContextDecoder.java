package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.TransactionContextEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MySQL TRANSACTION_CONTEXT_EVENT ({@code Transaction_context_event} constructor in control_events.cpp, sets read
 * by {@code Event_reader::read_data_set} in event_reader.cpp): post-header server UUID length (1), thread id (4),
 * gtid_specified (1), snapshot version length (4), write set items (4), read set items (4); then the server UUID,
 * the snapshot version, and each set's items as a length (2) and bytes.
 */
final class TransactionContextDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int uuidLength = body.readUint8();
        long threadId = body.readUint32();
        boolean gtidSpecified = body.readUint8() != 0;
        long snapshotLength = body.readUint32();
        long writeItems = body.readUint32();
        long readItems = body.readUint32();
        String uuid = body.readString(uuidLength, StandardCharsets.US_ASCII);
        if (snapshotLength > body.remaining()) {
            throw new BodyFormatException(
                    "snapshot version of " + snapshotLength + " byte(s) with " + body.remaining() + " left");
        }
        byte[] snapshot = body.readBytes((int) snapshotLength);
        List<String> write = readSet(body, writeItems, "write");
        List<String> read = readSet(body, readItems, "read");
        return new TransactionContextEvent(header, uuid, threadId, gtidSpecified, snapshot, write, read);
    }

    private static List<String> readSet(ByteReader body, long items, String which) {
        if (items > body.remaining() / 2) {
            throw new BodyFormatException(
                    items + " " + which + " set item(s) do not fit in " + body.remaining() + " byte(s)");
        }
        List<String> set = new ArrayList<>((int) items);
        for (long i = 0; i < items; i++) {
            set.add(body.readString(body.readUint16(), StandardCharsets.UTF_8));
        }
        return set;
    }
}
