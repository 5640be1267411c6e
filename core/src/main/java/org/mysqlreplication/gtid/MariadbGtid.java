package org.mysqlreplication.gtid;

/**
 * One MariaDB GTID: replication domain, originating server, sequence number (unsigned 64 bits).
 *
 * <p>Immutable and thread-safe.
 */
public record MariadbGtid(long domainId, long serverId, long seqNo) {

    public MariadbGtid {
        if (domainId < 0 || domainId > 0xFFFF_FFFFL || serverId < 0 || serverId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("domain id and server id must be unsigned 32-bit values");
        }
    }

    /** The GTID as MariaDB writes it: {@code domain-server-seq}. */
    @Override
    public String toString() {
        return domainId + "-" + serverId + "-" + Long.toUnsignedString(seqNo);
    }
}
