package org.mysqlreplication.testing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MySQL GTID set of untagged GTIDs, as the server keeps {@code @@gtid_executed}: per source UUID, sorted disjoint
 * intervals of transaction numbers. Reads {@code Gtid_set::encode}'s form (COM_BINLOG_DUMP_GTID,
 * PREVIOUS_GTIDS_LOG_EVENT: sid count (8); per sid: UUID (16), interval count (8), then start and exclusive end
 * (8 each)) and prints the text form ({@code uuid:1-5:7,uuid2:1}). Not thread-safe.
 */
final class ReplayGtidSet {

    /** UUID text to intervals {@code [start, end)}. */
    private final Map<String, List<long[]>> intervals = new TreeMap<>();

    static ReplayGtidSet decode(byte[] data, int offset, int length) {
        PayloadIn in = new PayloadIn(java.util.Arrays.copyOfRange(data, offset, offset + length));
        ReplayGtidSet set = new ReplayGtidSet();
        long sids = in.intN(8);
        if (sids >>> 56 != 0) {
            throw new ReplayProtocolException("tagged GTID set encoding (format byte " + (sids >>> 56)
                    + ") is not served");
        }
        for (long s = 0; s < sids; s++) {
            String uuid = uuid(in.bytes(16));
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

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        intervals.forEach((uuid, list) -> {
            if (list.isEmpty()) {
                return;
            }
            s.append(s.length() > 0 ? "," : "").append(uuid);
            for (long[] iv : list) {
                s.append(':').append(iv[0]).append(iv[1] - 1 > iv[0] ? "-" + (iv[1] - 1) : "");
            }
        });
        return s.toString();
    }
}
