package org.mysqlreplication.gtid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A MySQL GTID set: for each source (a UUID and, since MySQL 8.3, a tag), the transaction numbers it holds as
 * sorted, disjoint, non-adjacent intervals ({@code @@gtid_executed}, a replica's auto-position). Written as MySQL
 * writes it: {@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7:mytag:1-2,...}: per UUID its untagged intervals, then
 * each tag (in order) with its intervals; the empty set is the empty string.
 *
 * <p>Sources are kept in the order MySQL sorts them (UUID bytes, then tag, untagged first), so equal sets are
 * equal. {@link #encode()} gives the binary form of {@code Gtid_set::encode} that COM_BINLOG_DUMP_GTID sends and
 * PREVIOUS_GTIDS events hold: untagged while no source has a tag, else the tagged format. Immutable and
 * thread-safe.
 *
 * @param intervals the intervals of each source
 */
public record MysqlGtidSet(Map<Tsid, List<Interval>> intervals) {

    /**
     * A GTID source: its UUID and its tag, empty when untagged. A tag is 1 to 32 letters, digits or underscores,
     * not starting with a digit, kept in lowercase as MySQL normalises it ({@code mysql::gtid::Tag}).
     *
     * <p>Immutable and thread-safe.
     */
    public record Tsid(UUID uuid, String tag) implements Comparable<Tsid> {
        public Tsid {
            Objects.requireNonNull(uuid, "uuid");
            tag = normaliseTag(Objects.requireNonNull(tag, "tag"));
        }

        /** An untagged source. */
        public static Tsid of(UUID uuid) {
            return new Tsid(uuid, "");
        }

        @Override
        public int compareTo(Tsid o) {
            int c = Long.compareUnsigned(uuid.getMostSignificantBits(), o.uuid.getMostSignificantBits());
            if (c == 0) {
                c = Long.compareUnsigned(uuid.getLeastSignificantBits(), o.uuid.getLeastSignificantBits());
            }
            return c != 0 ? c : tag.compareTo(o.tag);
        }

        @Override
        public String toString() {
            return tag.isEmpty() ? uuid.toString() : uuid + ":" + tag;
        }
    }

    /**
     * Transaction numbers {@code start} to {@code end}, both included, {@code 1 <= start <= end < 2^63 - 1} (MySQL's
     * largest GNO is 2^63 - 2).
     *
     * <p>Immutable and thread-safe.
     */
    public record Interval(long start, long end) {
        public Interval {
            if (start < 1 || end < start || end == Long.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "GTID interval " + start + "-" + end + ": expected 1 <= start <= end < 2^63 - 1");
            }
        }

        @Override
        public String toString() {
            return start == end ? Long.toString(start) : start + "-" + end;
        }
    }

    private static final int TAG_MAX_LENGTH = 32;
    private static final int TAGGED_FORMAT = 1;
    private static final MysqlGtidSet EMPTY = new MysqlGtidSet(Map.of());

    /** Sorts the sources as MySQL does and merges each source's intervals; a source without any is dropped. */
    public MysqlGtidSet {
        Objects.requireNonNull(intervals, "intervals");
        Map<Tsid, List<Interval>> sorted = new TreeMap<>();
        intervals.forEach((tsid, list) -> {
            List<Interval> merged = merge(list);
            if (!merged.isEmpty()) {
                sorted.put(Objects.requireNonNull(tsid, "tsid"), merged);
            }
        });
        intervals = Collections.unmodifiableMap(sorted);
    }

    public static MysqlGtidSet empty() {
        return EMPTY;
    }

    private static String normaliseTag(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && (t.length() > TAG_MAX_LENGTH || !t.matches("[a-z_][a-z0-9_]*"))) {
            throw new GtidFormatException("GTID tag '" + tag + "': expected 1 to " + TAG_MAX_LENGTH
                    + " letters, digits or underscores, not starting with a digit");
        }
        return t;
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
     * Parses {@code uuid[:part...]} entries separated by commas (blanks and newlines around them are ignored, as
     * MySQL prints {@code ",\n"}); a part is an interval, {@code n} or {@code a-b}, or a tag, which applies to the
     * intervals after it up to the next tag. A source may appear more than once; overlapping intervals are merged.
     *
     * @throws GtidFormatException when an entry is malformed
     */
    public static MysqlGtidSet parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return EMPTY;
        }
        Map<Tsid, List<Interval>> map = new TreeMap<>();
        for (String entry : text.split(",", -1)) {
            String e = entry.strip();
            String[] parts = e.split(":", -1);
            if (parts.length < 2) {
                throw new GtidFormatException("MySQL GTID set entry '" + e
                        + "': expected uuid:interval[:interval...] or uuid:tag:interval[...]");
            }
            UUID uuid = parseUuid(parts[0].strip(), e);
            Tsid tsid = Tsid.of(uuid);
            boolean intervalsFollow = true; // after the UUID and after each tag, at least one interval
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                if (!part.isEmpty() && !Character.isDigit(part.charAt(0))) {
                    if (!intervalsFollow) {
                        throw noInterval(tsid, e);
                    }
                    tsid = new Tsid(uuid, part);
                    intervalsFollow = false;
                } else {
                    map.computeIfAbsent(tsid, t -> new ArrayList<>()).add(parseInterval(part, e));
                    intervalsFollow = true;
                }
            }
            if (!intervalsFollow) { // MySQL writes no tag without intervals: a typo, not an empty part of the set
                throw noInterval(tsid, e);
            }
        }
        return new MysqlGtidSet(map);
    }

    private static GtidFormatException noInterval(Tsid tsid, String entry) {
        return new GtidFormatException("MySQL GTID set entry '" + entry + "': tag '" + tsid.tag()
                + "' has no interval after it (uuid:tag:n or uuid:tag:a-b)");
    }

    private static UUID parseUuid(String text, String entry) {
        if (text.length() != 36
                || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-" + "[0-9a-fA-F]{12}")) {
            throw new GtidFormatException("MySQL GTID set entry '" + entry + "': '" + text + "' is not a UUID");
        }
        return UUID.fromString(text);
    }

    private static Interval parseInterval(String text, String entry) {
        int dash = text.indexOf('-');
        try {
            long start = parseNumber(dash < 0 ? text : text.substring(0, dash).strip());
            long end = dash < 0 ? start : parseNumber(text.substring(dash + 1).strip());
            return new Interval(start, end);
        } catch (IllegalArgumentException e) {
            throw new GtidFormatException("MySQL GTID set entry '" + entry + "': interval '" + text
                    + "' is not n or a-b with 1 <= a <= b < 2^63 - 1");
        }
    }

    private static long parseNumber(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a number");
        }
        return Long.parseLong(digits);
    }

    /** This set with transaction {@code gno} of the untagged {@code source} added. */
    public MysqlGtidSet add(UUID source, long gno) {
        return add(Tsid.of(source), gno);
    }

    /** This set with transaction {@code gno} of {@code source} added. */
    public MysqlGtidSet add(Tsid source, long gno) {
        Map<Tsid, List<Interval>> map = new TreeMap<>(intervals);
        List<Interval> list = new ArrayList<>(map.getOrDefault(source, List.of()));
        list.add(new Interval(gno, gno));
        map.put(source, list);
        return new MysqlGtidSet(map);
    }

    /** Whether transaction {@code gno} of the untagged {@code source} is in this set. */
    public boolean contains(UUID source, long gno) {
        return contains(Tsid.of(source), gno);
    }

    public boolean contains(Tsid source, long gno) {
        return intervals.getOrDefault(source, List.of()).stream().anyMatch(i -> i.start() <= gno && gno <= i.end());
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /**
     * The binary form MySQL's {@code Gtid_set::encode} writes, little-endian: the number of sources (8 bytes); per
     * source its 16 UUID bytes, its number of intervals (8) and each interval's start and end + 1 (8 each). When a
     * source has a tag the tagged format is written ({@code encode_nsids_format}): the first word is
     * {@code 1 << 56 | count << 8 | 1}, and each UUID is followed by its tag as the serialization framework writes a
     * string (its length, at most 32, as the one-byte integer {@code length << 1}, then the bytes; 0 when untagged).
     */
    public byte[] encode() {
        boolean tagged = intervals.keySet().stream().anyMatch(t -> !t.tag().isEmpty());
        int size = 8;
        for (Map.Entry<Tsid, List<Interval>> e : intervals.entrySet()) {
            size += 16
                    + (tagged ? 1 + e.getKey().tag().length() : 0)
                    + 8
                    + 16 * e.getValue().size();
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        long n = intervals.size();
        out.putLong(tagged ? (long) TAGGED_FORMAT << 56 | n << 8 | TAGGED_FORMAT : n);
        intervals.forEach((tsid, list) -> {
            out.order(ByteOrder.BIG_ENDIAN)
                    .putLong(tsid.uuid().getMostSignificantBits())
                    .putLong(tsid.uuid().getLeastSignificantBits())
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (tagged) {
                out.put((byte) (tsid.tag().length() << 1));
                out.put(tsid.tag().getBytes(StandardCharsets.US_ASCII));
            }
            out.putLong(list.size());
            for (Interval i : list) {
                out.putLong(i.start()).putLong(i.end() + 1);
            }
        });
        return out.array();
    }

    /**
     * The set as MySQL writes it: UUIDs separated by {@code ","} (MySQL's own output adds a newline), each with its
     * untagged intervals, then its tags with theirs.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        UUID last = null;
        for (Map.Entry<Tsid, List<Interval>> e : intervals.entrySet()) {
            Tsid t = e.getKey();
            if (!t.uuid().equals(last)) {
                out.append(last == null ? "" : ",").append(t.uuid());
                last = t.uuid();
            }
            if (!t.tag().isEmpty()) {
                out.append(':').append(t.tag());
            }
            out.append(':').append(e.getValue().stream().map(Interval::toString).collect(Collectors.joining(":")));
        }
        return out.toString();
    }
}
