package org.mysqlreplication.event;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * MySQL PREVIOUS_GTIDS_LOG_EVENT: at the start of each binlog file, the GTIDs of all previous files.
 *
 * @param sids the source ids with their GTID intervals, as written
 *
 * <p>Immutable and thread-safe.
 */
public record PreviousGtidsEvent(EventHeader header, List<SidIntervals> sids) implements BinlogEvent {

    /**
     * One source id, its tag (MySQL 8.3+; empty when untagged) and its intervals.
     *
     * <p>Immutable and thread-safe.
     */
    public record SidIntervals(UUID sid, String tag, List<Interval> intervals) {
        public SidIntervals {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(tag, "tag");
            intervals = List.copyOf(intervals);
        }

        /** An untagged source id. */
        public SidIntervals(UUID sid, List<Interval> intervals) {
            this(sid, "", intervals);
        }
    }

    /** GTID numbers {@code start} (inclusive) to {@code end} (exclusive), as the binlog stores them. Immutable. */
    public record Interval(long start, long end) {}

    public PreviousGtidsEvent {
        Objects.requireNonNull(header, "header");
        sids = List.copyOf(sids);
    }

    /**
     * The set as MySQL prints it: {@code uuid:1-5:7,uuid2:1-3} (inclusive ends); the tags of a source follow its
     * untagged intervals, {@code uuid:1-13:mytag:1-2}, in the order written (MySQL writes them sorted).
     */
    public String gtidSet() {
        StringBuilder out = new StringBuilder();
        UUID last = null;
        for (SidIntervals s : sids) {
            if (!s.sid().equals(last)) {
                out.append(last == null ? "" : ",").append(s.sid());
                last = s.sid();
            }
            if (!s.tag().isEmpty()) {
                out.append(':').append(s.tag());
            }
            out.append(s.intervals().stream()
                    .map(i -> ":"
                            + (i.end() - 1 == i.start() ? Long.toString(i.start()) : i.start() + "-" + (i.end() - 1)))
                    .collect(Collectors.joining()));
        }
        return out.toString();
    }

    @Override
    public String dump() {
        return DumpText.start("PreviousGtidsEvent", header)
                .field("previous_gtids", gtidSet())
                .end();
    }
}
