package org.mysqlreplication.testing.replay;

import java.util.zip.CRC32;

/**
 * One binlog file the server serves: its name and bytes, where its FORMAT_DESCRIPTION event ends, and whether its
 * events carry CRC32 checksums (the FDE's checksum-algorithm byte is 1 and its own last four bytes are its CRC32).
 *
 * @param bytes the whole file, from the magic {@code FE 62 69 6E}
 */
record ReplayBinlog(String name, byte[] bytes, int fdeEnd, boolean checksummed) {

    static final int MAGIC_LENGTH = 4;
    static final int HEADER = 19;

    static ReplayBinlog of(String name, byte[] bytes) {
        if (bytes.length < MAGIC_LENGTH + HEADER
                || (bytes[0] & 0xFF) != 0xFE
                || bytes[1] != 'b'
                || bytes[2] != 'i'
                || bytes[3] != 'n') {
            throw new ReplayServerException("binlog " + name + " does not start with the magic FE 62 69 6E");
        }
        if (bytes[MAGIC_LENGTH + 4] != 15) {
            throw new ReplayServerException("binlog " + name + ": the first event is type " + bytes[MAGIC_LENGTH + 4]
                    + ", not FORMAT_DESCRIPTION (15); files of binlog format v1-v3 are not served");
        }
        int fdeEnd = MAGIC_LENGTH + (int) uint32(bytes, MAGIC_LENGTH + 9);
        boolean crc = bytes[fdeEnd - 5] == 1
                && crc32(bytes, MAGIC_LENGTH, fdeEnd - 4 - MAGIC_LENGTH) == uint32(bytes, fdeEnd - 4);
        return new ReplayBinlog(name, bytes, fdeEnd, crc);
    }

    static final int GTID_LOG_EVENT = 33;
    static final int PREVIOUS_GTIDS_LOG_EVENT = 35;

    /** The set in the file's PREVIOUS_GTIDS event (what the server had executed before it), empty without one. */
    ReplayGtidSet previousGtids() {
        for (int at = fdeEnd; at < bytes.length; at += eventSize(at)) {
            if (eventType(at) == PREVIOUS_GTIDS_LOG_EVENT) {
                return ReplayGtidSet.decode(bytes, at + HEADER, eventSize(at) - HEADER - (checksummed ? 4 : 0));
            }
            if (eventType(at) == GTID_LOG_EVENT) {
                break;
            }
        }
        return new ReplayGtidSet();
    }

    /** The previous GTIDs and every GTID of the file's GTID events. */
    ReplayGtidSet executedGtids() {
        ReplayGtidSet set = previousGtids();
        for (int at = fdeEnd; at < bytes.length; at += eventSize(at)) {
            if (eventType(at) == GTID_LOG_EVENT) {
                set.add(gtidSid(at), gtidGno(at));
            }
        }
        return set;
    }

    /** A GTID event's source UUID: after the header and the 1-byte flags. */
    String gtidSid(int at) {
        return ReplayGtidSet.uuid(java.util.Arrays.copyOfRange(bytes, at + HEADER + 1, at + HEADER + 17));
    }

    long gtidGno(int at) {
        return uint32(bytes, at + HEADER + 17) | uint32(bytes, at + HEADER + 21) << 32;
    }

    /** The size of the event at {@code offset}. */
    int eventSize(int offset) {
        return (int) uint32(bytes, offset + 9);
    }

    int eventType(int offset) {
        return bytes[offset + 4] & 0xFF;
    }

    static long uint32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static long crc32(byte[] b, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, offset, length);
        return crc.getValue();
    }
}
