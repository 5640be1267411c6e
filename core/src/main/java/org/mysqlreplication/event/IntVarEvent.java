package org.mysqlreplication.event;

import java.util.Objects;

/**
 * INTVAR_EVENT: the value of {@code LAST_INSERT_ID()} (type 1) or {@code INSERT_ID} (type 2) for the next
 * statement; {@code value} is unsigned 64 bits.
 *
 * <p>Immutable and thread-safe.
 */
public record IntVarEvent(EventHeader header, int type, long value) implements BinlogEvent {

    /** {@code LAST_INSERT_ID_EVENT}. */
    public static final int LAST_INSERT_ID = 1;
    /** {@code INSERT_ID_EVENT}. */
    public static final int INSERT_ID = 2;

    public IntVarEvent {
        Objects.requireNonNull(header, "header");
    }

    @Override
    public String dump() {
        return DumpText.start("IntvarEvent", header)
                .field("type", type)
                .field("Value", Long.toUnsignedString(value))
                .end();
    }
}
