package org.mysqlreplication.gtid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A MySQL GTID set: for each source UUID, the transaction numbers it holds as sorted, disjoint, non-adjacent
 * intervals ({@code @@gtid_executed}, a replica's auto-position). Written as MySQL writes it:
 * {@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7,...}; the empty set is the empty string. Tagged GTIDs (MySQL
 * 8.3+, {@code uuid:tag:1-5}) are not supported yet.
 *
 * <p>Sources are kept in the order of their 16 bytes, as MySQL sorts them, so equal sets are equal.
 * {@link #encode()} gives the binary form of {@code Gtid_set::encode} that COM_BINLOG_DUMP_GTID sends and
 * PREVIOUS_GTIDS events hold. Immutable and thread-safe.
 *
 * @param intervals the intervals of each source UUID
 */
public record MysqlGtidSet(Map<UUID, List<Interval>> intervals) {

    /**
     * Transaction numbers {@code start} to {@code end}, both included, {@code 1 <= start <= end < 2^63 - 1} (MySQL's
     * largest GNO is 2^63 - 2).
     *
     * <p>Immutable and thread-safe.
     */
    public record Interval(long start, long end) {
        public Interval {
            if (start < 1 || end < start || end == Long.MAX_VALUE) {
                throw new IllegalArgumentException("GTID interval " + start + "-" + end
                        + ": expected 1 <= start <= end < 2^63 - 1");
            }
        }

        @Override
        public String toString() {
            return start == end ? Long.toString(start) : start + "-" + end;
        }
    }

    private static final MysqlGtidSet EMPTY = new MysqlGtidSet(Map.of());

    /** Sorts the sources by their bytes and merges each source's intervals; a source without any is dropped. */
    public MysqlGtidSet {
        Objects.requireNonNull(intervals, "intervals");
        Map<UUID, List<Interval>> sorted = new TreeMap<>(MysqlGtidSet::compareBytes);
        intervals.forEach((uuid, list) -> {
            List<Interval> merged = merge(list);
            if (!merged.isEmpty()) {
                sorted.put(Objects.requireNonNull(uuid, "uuid"), merged);
            }
        });
        intervals = Collections.unmodifiableMap(sorted);
    }

    public static MysqlGtidSet empty() {
        return EMPTY;
    }

    /** Orders UUIDs as unsigned 16-byte strings (UUID.compareTo compares signed halves). */
    private static int compareBytes(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static List<Interval> merge(List<Interval> list) {
        List<Interval> sorted = new ArrayList<>(list);
        sorted.sort((x, y) -> Long.compare(x.start(), y.start()));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i.start() <= last.end() + 1) {
                out.set(out.size() - 1, new Interval(last.start(), Math.max(last.end(), i.end())));
            } else {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Parses {@code uuid:interval[:interval...]} entries separated by commas (blanks and newlines around them are
     * ignored, as MySQL prints {@code ",\n"}); an interval is {@code n} or {@code a-b}. A source may appear more than
     * once; overlapping intervals are merged.
     *
     * @throws GtidFormatException when an entry is malformed or tagged
     */
    public static MysqlGtidSet parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return EMPTY;
        }
        Map<UUID, List<Interval>> map = new TreeMap<>(MysqlGtidSet::compareBytes);
        for (String entry : text.split(",", -1)) {
            String e = entry.strip();
            String[] parts = e.split(":", -1);
            if (parts.length < 2) {
                throw new GtidFormatException("MySQL GTID set entry '" + e
                        + "': expected uuid:interval[:interval...]");
            }
            UUID uuid = parseUuid(parts[0], e);
            List<Interval> list = map.computeIfAbsent(uuid, u -> new ArrayList<>());
            for (int i = 1; i < parts.length; i++) {
                list.add(parseInterval(parts[i], e));
            }
        }
        return new MysqlGtidSet(map);
    }

    private static UUID parseUuid(String text, String entry) {
        if (text.length() != 36 || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                + "[0-9a-fA-F]{12}")) {
            throw new GtidFormatException("MySQL GTID set entry '" + entry + "': '" + text + "' is not a UUID");
        }
        return UUID.fromString(text);
    }

    private static Interval parseInterval(String text, String entry) {
        int dash = text.indexOf('-');
        try {
            long start = parseNumber(dash < 0 ? text : text.substring(0, dash));
            long end = dash < 0 ? start : parseNumber(text.substring(dash + 1));
            return new Interval(start, end);
        } catch (IllegalArgumentException e) {
            throw new GtidFormatException("MySQL GTID set entry '" + entry + "': interval '" + text
                    + "' is not n or a-b with 1 <= a <= b < 2^63 - 1"
                    + " (a tagged GTID, uuid:tag:n, is not supported yet)");
        }
    }

    private static long parseNumber(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a number");
        }
        return Long.parseLong(digits);
    }

    /** This set with transaction {@code gno} of {@code source} added. */
    public MysqlGtidSet add(UUID source, long gno) {
        Map<UUID, List<Interval>> map = new TreeMap<>(MysqlGtidSet::compareBytes);
        map.putAll(intervals);
        List<Interval> list = new ArrayList<>(map.getOrDefault(source, List.of()));
        list.add(new Interval(gno, gno));
        map.put(source, list);
        return new MysqlGtidSet(map);
    }

    public boolean contains(UUID source, long gno) {
        return intervals.getOrDefault(source, List.of()).stream().anyMatch(i -> i.start() <= gno && gno <= i.end());
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /**
     * The binary form MySQL's {@code Gtid_set::encode} writes, little-endian: the number of sources (8 bytes); per
     * source its 16 UUID bytes, its number of intervals (8) and each interval's start and end + 1 (8 each).
     */
    public byte[] encode() {
        int size = 8;
        for (List<Interval> list : intervals.values()) {
            size += 16 + 8 + 16 * list.size();
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(intervals.size());
        intervals.forEach((uuid, list) -> {
            out.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).order(ByteOrder.LITTLE_ENDIAN);
            out.putLong(list.size());
            for (Interval i : list) {
                out.putLong(i.start()).putLong(i.end() + 1);
            }
        });
        return out.array();
    }

    /** The set as MySQL writes it, sources separated by {@code ","} (MySQL's own output adds a newline). */
    @Override
    public String toString() {
        return intervals.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().stream().map(Interval::toString)
                        .collect(Collectors.joining(":")))
                .collect(Collectors.joining(","));
    }
}
