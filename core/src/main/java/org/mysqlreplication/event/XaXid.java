package org.mysqlreplication.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An XA transaction id ({@code XID}): format id, global transaction id and branch qualifier bytes, as MySQL's
 * XA_PREPARE event and MariaDB's GTID event of an XA transaction carry it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows sizes, not the bytes.
 */
public record XaXid(long formatId, byte[] gtrid, byte[] bqual) {

    public XaXid {
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

    /** gtrid followed by bqual as UTF-8 text, as the dump prints the XID. */
    public String text() {
        return new String(gtrid, StandardCharsets.UTF_8) + new String(bqual, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XaXid x
                && formatId == x.formatId
                && Arrays.equals(gtrid, x.gtrid)
                && Arrays.equals(bqual, x.bqual);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gtrid) * 31 + Arrays.hashCode(bqual);
    }

    @Override
    public String toString() {
        return "XaXid[formatId=" + formatId + ", gtrid " + gtrid.length + " byte(s), bqual " + bqual.length
                + " byte(s)]";
    }
}
