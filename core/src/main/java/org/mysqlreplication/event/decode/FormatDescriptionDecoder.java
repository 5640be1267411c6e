package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * FORMAT_DESCRIPTION_EVENT: binlog version (2), server version (50, NUL-padded), create timestamp (4), common
 * header length (1), one post-header length per event type, then (MySQL 5.6.1+ / MariaDB 5.3+) the checksum
 * algorithm (1); the CRC that follows is already cut off by {@link EventDecoder}.
 * START_EVENT_V3: the first three fields only, with the v3 defaults for the rest.
 */
final class FormatDescriptionDecoder implements BodyDecoder {

    static final int SERVER_VERSION_LENGTH = 50;

    /** Post-header lengths of binlog v3 (MySQL 4.x/5.0 START_EVENT_V3 files), types 1 to 14. */
    private static final int[] V3_POST_HEADER_LENGTHS = {56, 11, 0, 8, 0, 18, 0, 22, 4, 4, 4, 18, 0, 0};

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int binlogVersion = body.readUint16();
        String serverVersion = readServerVersion(body);
        long created = body.readUint32();
        if (header.eventType() == EventType.START_EVENT_V3) {
            if (binlogVersion != 3) {
                throw new BodyFormatException("binlog format version " + binlogVersion
                        + " is not supported (only v3 START_EVENT_V3 and v4 FORMAT_DESCRIPTION_EVENT are)");
            }
            return new FormatDescriptionEvent(
                    header,
                    binlogVersion,
                    serverVersion,
                    created,
                    EventHeader.SIZE,
                    V3_POST_HEADER_LENGTHS,
                    ChecksumAlgorithm.NONE);
        }
        int headerLength = body.readUint8();
        if (headerLength < EventHeader.SIZE) {
            throw new BodyFormatException("common header length " + headerLength + ", expected at least 19");
        }
        boolean hasAlg = ServerVersion.hasChecksumAlgorithm(serverVersion);
        int types = body.remaining() - (hasAlg ? 1 : 0);
        if (types < 0) {
            throw new BodyFormatException("no room for the checksum algorithm byte");
        }
        int[] lengths = new int[types];
        for (int i = 0; i < types; i++) {
            lengths[i] = body.readUint8();
        }
        ChecksumAlgorithm alg = ChecksumAlgorithm.NONE;
        if (hasAlg) {
            int code = body.readUint8();
            alg = ChecksumAlgorithm.ofCode(code);
            if (alg == null) {
                throw new BodyFormatException("checksum algorithm " + code + ", expected 0 (NONE) or 1 (CRC32)");
            }
        }
        return new FormatDescriptionEvent(header, binlogVersion, serverVersion, created, headerLength, lengths, alg);
    }

    static String readServerVersion(ByteReader body) {
        byte[] raw = body.readBytes(SERVER_VERSION_LENGTH);
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
    }
}
