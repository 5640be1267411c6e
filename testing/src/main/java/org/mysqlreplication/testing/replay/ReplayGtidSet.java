package org.mysqlreplication.testing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MySQL GTID set, as the server keeps {@code @@gtid_executed}: per source UUID and tag (MySQL 8.3+; empty for
 * none), sorted disjoint intervals of transaction numbers. Reads {@code Gtid_set::encode}'s form
 * (COM_BINLOG_DUMP_GTID, PREVIOUS_GTIDS_LOG_EVENT: sid count (8); per sid: UUID (16), interval count (8), then start
 * and exclusive end (8 each); in the tagged format of {@code encode_nsids_format} in {@code sql/rpl_gtid_set.cc} the
 * first 8 bytes are {@code 1 << 56 | count << 8 | 1} and each entry has a tag after its UUID: one byte
 * {@code length << 1}, then the tag) and prints the text form ({@code uuid:1-5:7:tag:1,uuid2:1}). Not thread-safe.
 */
final class ReplayGtidSet {

    /** {@code uuid} or {@code uuid:tag} to intervals {@code [start, end)}. */
    private final Map<String, List<long[]>> intervals = new TreeMap<>();

    static ReplayGtidSet decode(byte[] data, int offset, int length) {
        PayloadIn in = new PayloadIn(java.util.Arrays.copyOfRange(data, offset, offset + length));
        ReplayGtidSet set = new ReplayGtidSet();
        long header = in.intN(8);
        int format = (int) (header >>> 56);
        if (format > 1) {
            throw new ReplayProtocolException("GTID set encoding of unknown format " + format);
        }
        long sids = format == 1 ? header >>> 8 & 0xFFFF_FFFF_FFFFL : header;
        for (long s = 0; s < sids; s++) {
            String uuid = uuid(in.bytes(16));
            if (format == 1) {
                int lengthByte = in.int8();
                if ((lengthByte & 1) != 0) {
                    throw new ReplayProtocolException("GTID tag length of more than one byte");
                }
                byte[] tag = in.bytes(lengthByte >> 1);
                uuid = tag.length == 0 ? uuid : uuid + ":" + new String(tag, java.nio.charset.StandardCharsets.UTF_8);
            }
            long n = in.intN(8);
            for (long i = 0; i < n; i++) {
                long start = in.intN(8);
                set.addInterval(uuid, start, in.intN(8));
            }
        }
        return set;
    }

    void addAll(ReplayGtidSet other) {
        other.intervals.forEach((uuid, list) -> list.forEach(iv -> addInterval(uuid, iv[0], iv[1])));
    }

    void add(String uuid, long gno) {
        addInterval(uuid, gno, gno + 1);
    }

    /** Adds {@code [start, end)}, merging touching and overlapping intervals. */
    void addInterval(String uuid, long start, long end) {
        List<long[]> list = intervals.computeIfAbsent(uuid, u -> new ArrayList<>());
        list.add(new long[] {start, end});
        list.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] iv : list) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && iv[0] <= last[1]) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                merged.add(new long[] {iv[0], iv[1]});
            }
        }
        intervals.put(uuid, merged);
    }

    boolean contains(String uuid, long gno) {
        return covers(uuid, gno, gno + 1);
    }

    private boolean covers(String uuid, long start, long end) {
        for (long[] iv : intervals.getOrDefault(uuid, List.of())) {
            if (iv[0] <= start && end <= iv[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether every GTID of this set is in {@code other}. */
    boolean isSubsetOf(ReplayGtidSet other) {
        for (Map.Entry<String, List<long[]>> e : intervals.entrySet()) {
            for (long[] iv : e.getValue()) {
                if (!other.covers(e.getKey(), iv[0], iv[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    static String uuid(byte[] b) {
        StringBuilder s = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(String.format("%02x", b[i] & 0xFF));
        }
        return s.toString();
    }

    /** MySQL's text form: sources in order, a source's tagged intervals after its untagged ones. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        String[] lastUuid = {null};
        intervals.forEach((key, list) -> {
            if (list.isEmpty()) {
                return;
            }
            String uuid = key.length() > 36 ? key.substring(0, 36) : key;
            if (uuid.equals(lastUuid[0])) {
                s.append(key.substring(36));
            } else {
                s.append(s.length() > 0 ? "," : "").append(key);
                lastUuid[0] = uuid;
            }
            for (long[] iv : list) {
                s.append(':').append(iv[0]).append(iv[1] - 1 > iv[0] ? "-" + (iv[1] - 1) : "");
            }
        });
        return s.toString();
    }
}
