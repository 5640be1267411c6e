package org.mysqlreplication.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * MySQL XA_PREPARE_LOG_EVENT: ends the events of an XA transaction at {@code XA PREPARE} (or {@code XA COMMIT ...
 * ONE PHASE} when {@code onePhase}), with its XID.
 *
 * <p>Immutable and thread-safe.
 */
public record XaPrepareEvent(EventHeader header, boolean onePhase, long formatId, byte[] gtrid, byte[] bqual)
        implements BinlogEvent {

    public XaPrepareEvent {
        Objects.requireNonNull(header, "header");
        gtrid = gtrid.clone();
        bqual = bqual.clone();
    }

    @Override
    public byte[] gtrid() {
        return gtrid.clone();
    }

    @Override
    public byte[] bqual() {
        return bqual.clone();
    }

    @Override
    public String dump() {
        return DumpText.start("XAPrepareEvent", header)
                .field("One phase", onePhase)
                .field("XID formatID", formatId)
                .field("XID", new String(gtrid, StandardCharsets.UTF_8) + new String(bqual, StandardCharsets.UTF_8))
                .end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XaPrepareEvent x && header.equals(x.header) && onePhase == x.onePhase
                && formatId == x.formatId && Arrays.equals(gtrid, x.gtrid) && Arrays.equals(bqual, x.bqual);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, formatId, Arrays.hashCode(gtrid));
    }

    @Override
    public String toString() {
        return "XaPrepareEvent[onePhase=" + onePhase + ", formatId=" + formatId + ", gtrid " + gtrid.length
                + " byte(s), bqual " + bqual.length + " byte(s)]";
    }
}
