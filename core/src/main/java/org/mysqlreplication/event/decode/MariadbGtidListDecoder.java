package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbGtidListEvent;
import org.mysqlreplication.gtid.MariadbGtid;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB GTID_LIST_EVENT: count (4: low 28 bits count, high 4 bits flags), then per GTID domain (4), server (4),
 * seq (8). An empty list is followed by 2 zero bytes in every MariaDB file seen (10.0 to 11.8); those, and only
 * zero bytes after an empty list, are skipped as padding.
 */
final class MariadbGtidListDecoder implements BodyDecoder {

    private static final int GTID_SIZE = 16;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long word = body.readUint32();
        int count = (int) (word & 0x0FFF_FFFFL);
        int flags = (int) (word >>> 28);
        if ((long) count * GTID_SIZE > body.remaining()) {
            throw new BodyFormatException("GTID count " + count + " needs " + (long) count * GTID_SIZE + " byte(s), "
                    + body.remaining() + " left");
        }
        List<MariadbGtid> gtids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long domain = body.readUint32();
            long server = body.readUint32();
            gtids.add(new MariadbGtid(domain, server, body.readInt64()));
        }
        if (count == 0) {
            skipEmptyListPadding(body);
        }
        return new MariadbGtidListEvent(header, flags, gtids);
    }

    private static final int EMPTY_LIST_PADDING = 2;

    private static void skipEmptyListPadding(ByteReader body) {
        if (body.remaining() > EMPTY_LIST_PADDING) {
            return;
        }
        for (int i = 0; i < body.remaining(); i++) {
            if (body.peekUint8(i) != 0) {
                return;
            }
        }
        body.skip(body.remaining());
    }
}
