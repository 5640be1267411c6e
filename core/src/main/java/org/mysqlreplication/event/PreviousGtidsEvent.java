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
     * One source id and its intervals.
     *
     * <p>Immutable and thread-safe.
     */
    public record SidIntervals(UUID sid, List<Interval> intervals) {
        public SidIntervals {
            Objects.requireNonNull(sid, "sid");
            intervals = List.copyOf(intervals);
        }
    }

    /** GTID numbers {@code start} (inclusive) to {@code end} (exclusive), as the binlog stores them. Immutable. */
    public record Interval(long start, long end) {
    }

    public PreviousGtidsEvent {
        Objects.requireNonNull(header, "header");
        sids = List.copyOf(sids);
    }

    /** The set as MySQL prints it: {@code uuid:1-5:7,uuid2:1-3} (inclusive ends). */
    public String gtidSet() {
        return sids.stream().map(s -> s.sid() + s.intervals().stream()
                .map(i -> ":" + (i.end() - 1 == i.start() ? Long.toString(i.start()) : i.start() + "-" + (i.end() - 1)))
                .collect(Collectors.joining())).collect(Collectors.joining(","));
    }

    @Override
    public String dump() {
        return DumpText.start("PreviousGtidsEvent", header).field("previous_gtids", gtidSet()).end();
    }
}
