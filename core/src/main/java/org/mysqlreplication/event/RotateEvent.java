package org.mysqlreplication.event;

import java.util.Objects;

/**
 * ROTATE_EVENT: the next events come from {@code nextBinlog} starting at {@code position}. A live stream starts
 * with an artificial one (timestamp 0, log position 0) naming the file being sent.
 *
 * <p>Immutable and thread-safe.
 */
public record RotateEvent(EventHeader header, long position, String nextBinlog) implements BinlogEvent {

    public RotateEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(nextBinlog, "nextBinlog");
    }

    @Override
    public String dump() {
        return DumpText.titleOnly("RotateEvent")
                .field("Position", position)
                .field("Next binlog file", nextBinlog)
                .end();
    }
}
