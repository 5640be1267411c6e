package org.mysqlreplication.protocol;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.io.ByteReader;

/**
 * {@code OK_Packet} (CLIENT_PROTOCOL_41, no session tracking): {@code 0x00}, affected rows (lenenc),
 * last insert id (lenenc), status flags (2), warnings (2), human-readable info to the end.
 */
record OkPacket(long affectedRows, long lastInsertId, int statusFlags, int warnings, String info) {

    static final int HEADER = 0x00;
    /** SERVER_MORE_RESULTS_EXISTS: another result follows this one. */
    static final int SERVER_MORE_RESULTS_EXISTS = 0x0008;

    static OkPacket parse(ByteReader r) {
        int header = r.readUint8();
        if (header != HEADER) {
            throw new IllegalArgumentException("not an OK packet: header " + header);
        }
        long affected = r.readLenencInt();
        long insertId = r.readLenencInt();
        int status = r.readUint16();
        int warnings = r.readUint16();
        return new OkPacket(affected, insertId, status, warnings, r.readRemainingString(StandardCharsets.UTF_8));
    }

    boolean moreResultsExist() {
        return (statusFlags & SERVER_MORE_RESULTS_EXISTS) != 0;
    }
}
