package org.mysqlreplication.testing.replay;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * One binlog file the server serves: its name and bytes, where its FORMAT_DESCRIPTION event ends, whether its
 * events carry CRC32 checksums (the FDE's checksum-algorithm byte is 1 and its own last four bytes are its CRC32),
 * and the GTID of each GTID_LOG_EVENT and GTID_TAGGED_LOG_EVENT by the event's offset. Made once, at
 * {@link MysqlReplayServer.Builder#binlog}, where a file whose events do not chain to its end, or whose GTID event
 * cannot be read, is refused.
 *
 * @param bytes the whole file, from the magic {@code FE 62 69 6E}
 * @param gtids the GTID and GTID_TAGGED events' offsets and their GTIDs
 */
record ReplayBinlog(String name, byte[] bytes, int fdeEnd, boolean checksummed, Map<Integer, ReplayGtid> gtids) {

    static final int MAGIC_LENGTH = 4;
    static final int HEADER = 19;
    static final int GTID_LOG_EVENT = 33;
    static final int ANONYMOUS_GTID_LOG_EVENT = 34;
    static final int PREVIOUS_GTIDS_LOG_EVENT = 35;
    static final int GTID_TAGGED_LOG_EVENT = 42;

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
        if (fdeEnd > bytes.length || fdeEnd < MAGIC_LENGTH + HEADER + 5) {
            throw new ReplayServerException("binlog " + name + ": FORMAT_DESCRIPTION of size " + (fdeEnd - MAGIC_LENGTH)
                    + " in a file of " + bytes.length + " bytes");
        }
        boolean crc = bytes[fdeEnd - 5] == 1
                && crc32(bytes, MAGIC_LENGTH, fdeEnd - 4 - MAGIC_LENGTH) == uint32(bytes, fdeEnd - 4);
        return new ReplayBinlog(name, bytes, fdeEnd, crc, gtidsOf(name, bytes, fdeEnd, crc));
    }

    /** Walks the events after the FDE, checking that each lies inside the file, and reads their GTIDs. */
    private static Map<Integer, ReplayGtid> gtidsOf(String name, byte[] bytes, int fdeEnd, boolean crc) {
        Map<Integer, ReplayGtid> gtids = new TreeMap<>();
        for (int at = fdeEnd; at < bytes.length; ) {
            long size = at + HEADER <= bytes.length ? uint32(bytes, at + 9) : -1;
            if (size < HEADER + (crc ? 4 : 0) || at + size > bytes.length) {
                throw new ReplayServerException("binlog " + name + ": the event at " + at + " (size "
                        + (size < 0 ? "unreadable" : size) + ") does not fit in the file's " + bytes.length
                        + " bytes; a cut or corrupt file is not served");
            }
            int type = bytes[at + 4] & 0xFF;
            int bodyEnd = at + (int) size - (crc ? 4 : 0);
            if (type == GTID_LOG_EVENT) {
                gtids.put(at, untagged(bytes, at, bodyEnd, name));
            } else if (type == GTID_TAGGED_LOG_EVENT) {
                try {
                    gtids.put(at, TaggedGtidReader.read(bytes, at + HEADER, bodyEnd));
                } catch (ReplayServerException e) {
                    throw new ReplayServerException(
                            "binlog " + name + ": GTID_TAGGED_LOG_EVENT at " + at + ": " + e.getMessage(), e);
                }
            }
            at += (int) size;
        }
        return Map.copyOf(gtids);
    }

    /** A GTID event's GTID: after the header, the 1-byte flags, the UUID (16) and the gno (8). */
    private static ReplayGtid untagged(byte[] b, int at, int bodyEnd, String name) {
        int body = at + HEADER;
        if (bodyEnd - body < 25) {
            throw new ReplayServerException("binlog " + name + ": GTID_LOG_EVENT at " + at + " has a body of "
                    + (bodyEnd - body) + " bytes, fewer than its 25 of flags, UUID and gno");
        }
        String uuid = ReplayGtidSet.uuid(Arrays.copyOfRange(b, body + 1, body + 17));
        return new ReplayGtid(uuid, "", uint32(b, body + 17) | uint32(b, body + 21) << 32);
    }

    /** The set in the file's PREVIOUS_GTIDS event (what the server had executed before it), empty without one. */
    ReplayGtidSet previousGtids() {
        for (int at = fdeEnd; at < bytes.length; at += eventSize(at)) {
            if (eventType(at) == PREVIOUS_GTIDS_LOG_EVENT) {
                return ReplayGtidSet.decode(bytes, at + HEADER, eventSize(at) - HEADER - (checksummed ? 4 : 0));
            }
            if (opensTransaction(at)) {
                break;
            }
        }
        return new ReplayGtidSet();
    }

    /** The previous GTIDs and the GTID of every GTID and GTID_TAGGED event of the file. */
    ReplayGtidSet executedGtids() {
        ReplayGtidSet set = previousGtids();
        gtids.values().forEach(g -> set.add(g.tsid(), g.gno()));
        return set;
    }

    /** The GTID of the GTID or GTID_TAGGED event at {@code offset}; null for any other event. */
    ReplayGtid gtidAt(int offset) {
        return gtids.get(offset);
    }

    /** Whether the event at {@code offset} opens a transaction: GTID, ANONYMOUS_GTID or GTID_TAGGED. */
    boolean opensTransaction(int offset) {
        int type = eventType(offset);
        return type == GTID_LOG_EVENT || type == ANONYMOUS_GTID_LOG_EVENT || type == GTID_TAGGED_LOG_EVENT;
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
