package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MySQL PREVIOUS_GTIDS_LOG_EVENT: the encoded GTID set: number of source ids (8), then per source id the UUID (16),
 * the number of intervals (8) and each interval's start and exclusive end (8 + 8). MySQL 8.3+ may write the tagged
 * GTID set format instead, whose first word is not such a count; a body that does not fit the untagged layout is
 * delivered as an {@link UnknownEvent} (the tagged format is not decoded yet).
 */
final class PreviousGtidsDecoder implements BodyDecoder {

    private static final int SID_MIN_SIZE = 16 + 8;
    private static final int INTERVAL_SIZE = 16;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        if (!fitsUntaggedLayout(body)) {
            return new UnknownEvent(header, body.readRemainingBytes());
        }
        long count = body.readInt64();
        List<PreviousGtidsEvent.SidIntervals> sids = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            UUID sid = new UUID(body.readUintBE(8), body.readUintBE(8));
            long n = body.readInt64();
            if (n < 0 || n > body.remaining() / INTERVAL_SIZE) {
                throw new BodyFormatException(n + " interval(s) do not fit in " + body.remaining() + " byte(s)");
            }
            List<PreviousGtidsEvent.Interval> intervals = new ArrayList<>((int) n);
            for (long k = 0; k < n; k++) {
                intervals.add(new PreviousGtidsEvent.Interval(body.readInt64(), body.readInt64()));
            }
            sids.add(new PreviousGtidsEvent.SidIntervals(sid, intervals));
        }
        return new PreviousGtidsEvent(header, sids);
    }

    /** Walks the untagged layout without reading: every count must fit in what remains, ending exactly. */
    private static boolean fitsUntaggedLayout(ByteReader body) {
        byte[] a = body.array();
        int at = body.arrayOffset();
        int end = at + body.remaining();
        if (end - at < 8) {
            return false;
        }
        long count = ByteReader.of(a, at, 8).readInt64();
        at += 8;
        if (count < 0 || count > (end - at) / SID_MIN_SIZE) {
            return false;
        }
        for (long i = 0; i < count; i++) {
            if (end - at < SID_MIN_SIZE) {
                return false;
            }
            long n = ByteReader.of(a, at + 16, 8).readInt64();
            at += SID_MIN_SIZE;
            if (n < 0 || n > (end - at) / INTERVAL_SIZE) {
                return false;
            }
            at += (int) n * INTERVAL_SIZE;
        }
        return at == end;
    }
}
