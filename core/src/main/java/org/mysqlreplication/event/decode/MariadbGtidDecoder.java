package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.XaXid;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB GTID_EVENT, read in order: seq_no (8), domain_id (4), flags2 (1); commit_id (8) when FL_GROUP_COMMIT_ID
 * is set; the XID when FL_PREPARED_XA or FL_COMPLETED_XA is set: format id (4), gtrid length (1), bqual length (1),
 * gtrid and bqual; then, when bytes remain (MariaDB 10.8+), flags_extra (1), extra_engines (1) when flags_extra
 * has FL_EXTRA_MULTI_ENGINE, the START ALTER seq_no (8) when it has FL_COMMIT_ALTER or FL_ROLLBACK_ALTER, and
 * the thread id (4) when it has FL_EXTRA_THREAD_ID (MariaDB 11.5+; seen in 11.8 binlogs).
 * The server pads a shorter body with zeros up to the 19-byte GTID_HEADER_LEN (so a plain GTID has 6 zero bytes
 * after flags2, read as flags_extra 0 and padding); that padding is the one skip allowed here.
 */
final class MariadbGtidDecoder implements BodyDecoder {

    private static final int FL_EXTRA_MULTI_ENGINE = 1;
    private static final int FL_COMMIT_ALTER = 4;
    private static final int FL_ROLLBACK_ALTER = 8;
    private static final int FL_EXTRA_THREAD_ID = 16;
    private static final int GTID_HEADER_LEN = 19;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        long seqNo = body.readInt64();
        long domainId = body.readUint32();
        int flags = body.readUint8();
        Long commitId = null;
        if ((flags & MariadbGtidEvent.FL_GROUP_COMMIT_ID) != 0) {
            commitId = body.readInt64();
        }
        XaXid xid = null;
        if ((flags & (MariadbGtidEvent.FL_PREPARED_XA | MariadbGtidEvent.FL_COMPLETED_XA)) != 0) {
            long formatId = body.readUint32();
            int gtridLength = body.readUint8();
            int bqualLength = body.readUint8();
            xid = new XaXid(formatId, body.readBytes(gtridLength), body.readBytes(bqualLength));
        }
        int flagsExtra = 0;
        int extraEngines = 0;
        Long startAlterSeqNo = null;
        Long threadId = null;
        if (body.hasRemaining()) {
            flagsExtra = body.readUint8();
            if ((flagsExtra & FL_EXTRA_MULTI_ENGINE) != 0) {
                extraEngines = body.readUint8();
            }
            if ((flagsExtra & (FL_COMMIT_ALTER | FL_ROLLBACK_ALTER)) != 0) {
                startAlterSeqNo = body.readInt64();
            }
            if ((flagsExtra & FL_EXTRA_THREAD_ID) != 0) {
                threadId = body.readUint32();
            }
        }
        skipPadding(body);
        return new MariadbGtidEvent(
                header, seqNo, domainId, flags, commitId, xid, flagsExtra, extraEngines, startAlterSeqNo, threadId);
    }

    private static void skipPadding(ByteReader body) {
        if (body.position() + body.remaining() > GTID_HEADER_LEN) {
            return; // not padding: EventDecoder reports the leftover bytes
        }
        for (int i = 0; i < body.remaining(); i++) {
            if (body.peekUint8(i) != 0) {
                return;
            }
        }
        body.skip(body.remaining());
    }
}
