package org.mysqlreplication.event;

import java.util.Objects;

/**
 * RAND_EVENT: the two seeds of {@code RAND()} for the next statement (statement-based logging).
 *
 * <p>Immutable and thread-safe.
 */
public record RandEvent(EventHeader header, long seed1, long seed2) implements BinlogEvent {

    public RandEvent {
        Objects.requireNonNull(header, "header");
    }

    @Override
    public String dump() {
        return DumpText.start("RandEvent", header)
                .field("seed1", Long.toUnsignedString(seed1))
                .field("seed2", Long.toUnsignedString(seed2))
                .end();
    }
}
