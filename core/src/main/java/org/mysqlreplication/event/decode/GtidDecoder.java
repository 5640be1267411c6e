package org.mysqlreplication.event.decode;

import java.util.UUID;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MySQL GTID_LOG_EVENT / ANONYMOUS_GTID_LOG_EVENT ({@code Gtid_event} in control_events.cpp): flags (1), source id
 * (16), gno (8); then, each only when bytes remain: logical timestamp type code (1, = 2) with last_committed (8)
 * and sequence_number (8); immediate commit timestamp (7; bit 55 set = the original commit timestamp (7) follows);
 * transaction length (packed integer); immediate server version (4; bit 31 set = the original (4) follows); commit
 * group ticket (8).
 */
final class GtidDecoder implements BodyDecoder {

    private static final int LOGICAL_TIMESTAMP_TYPECODE = 2;
    private static final long COMMIT_TS_FLAG = 1L << 55;
    private static final long SERVER_VERSION_FLAG = 1L << 31;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int flags = body.readUint8();
        UUID sid = new UUID(body.readUintBE(8), body.readUintBE(8));
        long gno = body.readInt64();
        Long lastCommitted = null;
        Long sequenceNumber = null;
        Long immediateTs = null;
        Long originalTs = null;
        Long length = null;
        Long immediateVersion = null;
        Long originalVersion = null;
        Long ticket = null;
        if (body.hasRemaining()) {
            int typecode = body.readUint8();
            if (typecode != LOGICAL_TIMESTAMP_TYPECODE) {
                throw new BodyFormatException("logical timestamp type code " + typecode + ", expected 2");
            }
            lastCommitted = body.readInt64();
            sequenceNumber = body.readInt64();
        }
        if (body.remaining() >= 7) {
            long ts = body.readUintN(7);
            immediateTs = ts & ~COMMIT_TS_FLAG;
            originalTs = (ts & COMMIT_TS_FLAG) != 0 ? body.readUintN(7) : immediateTs;
            if (body.hasRemaining()) {
                length = body.readLenencInt();
            }
            if (body.remaining() >= 4) {
                long v = body.readUint32();
                immediateVersion = v & ~SERVER_VERSION_FLAG;
                originalVersion = (v & SERVER_VERSION_FLAG) != 0 ? body.readUint32() : immediateVersion;
            }
            if (body.remaining() >= 8) {
                ticket = body.readInt64();
            }
        }
        return new GtidEvent(
                header,
                flags,
                sid,
                gno,
                lastCommitted,
                sequenceNumber,
                immediateTs,
                originalTs,
                length,
                immediateVersion,
                originalVersion,
                ticket);
    }
}
