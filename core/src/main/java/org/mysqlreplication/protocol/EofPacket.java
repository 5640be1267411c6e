package org.mysqlreplication.protocol;

import org.mysqlreplication.io.ByteReader;

/**
 * {@code EOF_Packet} (CLIENT_PROTOCOL_41): {@code 0xFE}, warnings (2), status flags (2). A payload that starts
 * with {@code 0xFE} is an EOF only when it is shorter than 9 bytes; longer ones are rows or length-encoded data.
 */
record EofPacket(int warnings, int statusFlags) {

    static final int HEADER = 0xFE;

    /** Whether the payload under {@code r} (at its current position) is an EOF packet. */
    static boolean isEof(ByteReader r) {
        return r.remaining() < 9 && r.remaining() >= 1 && r.peekUint8(0) == HEADER;
    }

    static EofPacket parse(ByteReader r) {
        r.skip(1);
        if (r.remaining() < 4) { // a pre-4.1 EOF is just 0xFE
            return new EofPacket(0, 0);
        }
        return new EofPacket(r.readUint16(), r.readUint16());
    }

    boolean moreResultsExist() {
        return (statusFlags & OkPacket.SERVER_MORE_RESULTS_EXISTS) != 0;
    }
}
