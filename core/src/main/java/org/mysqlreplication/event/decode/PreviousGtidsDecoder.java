package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
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
 * the number of intervals (8) and each interval's start and exclusive end (8 + 8). MySQL 8.3+ writes the tagged
 * format once a tagged GTID was executed ({@code encode_nsids_format} and {@code Gtid_set::encode} in
 * sql/rpl_gtid_set.cc): the first word is the format 1 in its top and its low byte with the count in between, and
 * each source id is followed by its tag (a serialization-framework string: length, then bytes; empty = untagged).
 * A body that fits neither layout is delivered as an {@link UnknownEvent}.
 */
final class PreviousGtidsDecoder implements BodyDecoder {

    private static final int SID_MIN_SIZE = 16 + 8;
    private static final int INTERVAL_SIZE = 16;

    private static final int TAGGED_FORMAT = 1;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        boolean tagged =
                body.remaining() >= 8 && body.peekUint8(7) == TAGGED_FORMAT && body.peekUint8(0) == TAGGED_FORMAT;
        if (!tagged && !fitsUntaggedLayout(body)) {
            return new UnknownEvent(header, body.readRemainingBytes());
        }
        long word = body.readInt64();
        long count = tagged ? (word >>> 8) & 0xFFFF_FFFF_FFFFL : word;
        if (count > body.remaining() / (SID_MIN_SIZE + 1)) {
            throw new BodyFormatException(count + " source id(s) do not fit in " + body.remaining() + " byte(s)");
        }
        List<PreviousGtidsEvent.SidIntervals> sids = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            UUID sid = new UUID(body.readUintBE(8), body.readUintBE(8));
            String tag = tagged ? readTag(body) : "";
            long n = body.readInt64();
            if (n < 0 || n > body.remaining() / INTERVAL_SIZE) {
                throw new BodyFormatException(n + " interval(s) do not fit in " + body.remaining() + " byte(s)");
            }
            List<PreviousGtidsEvent.Interval> intervals = new ArrayList<>((int) n);
            for (long k = 0; k < n; k++) {
                intervals.add(new PreviousGtidsEvent.Interval(body.readInt64(), body.readInt64()));
            }
            sids.add(new PreviousGtidsEvent.SidIntervals(sid, tag, intervals));
        }
        return new PreviousGtidsEvent(header, sids);
    }

    private static String readTag(ByteReader body) {
        long n = SerializationVarlen.readUnsigned(body);
        if (n > body.remaining()) {
            throw new BodyFormatException("GTID tag of " + n + " byte(s) with " + body.remaining() + " left");
        }
        return body.readString((int) n, StandardCharsets.US_ASCII);
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
