package org.mysqlreplication.event;

import java.util.Objects;

/**
 * XID_EVENT: the COMMIT of a transaction on an XA-capable engine; {@code xid} is the transaction id for two-phase
 * commit (unsigned 64 bits, printed with {@link Long#toUnsignedString(long)}).
 *
 * <p>Immutable and thread-safe.
 */
public record XidEvent(EventHeader header, long xid) implements BinlogEvent {

    public XidEvent {
        Objects.requireNonNull(header, "header");
    }

    @Override
    public String dump() {
        return DumpText.start("XidEvent", header)
                .field("Transaction ID", Long.toUnsignedString(xid))
                .end();
    }
}
