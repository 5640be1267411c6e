package org.mysqlreplication.event;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mysqlreplication.gtid.MariadbGtid;

/**
 * MariaDB GTID_LIST_EVENT: at the start of each binlog file, the last GTID of each domain in the previous files.
 *
 * @param flags the four high bits of the count field ({@code FLAG_UNTIL_REACHED} = 1, {@code FLAG_IGN_GTIDS} = 2)
 * @param gtids the GTIDs in binlog order
 *
 * <p>Immutable and thread-safe.
 */
public record MariadbGtidListEvent(EventHeader header, int flags, List<MariadbGtid> gtids) implements BinlogEvent {

    public MariadbGtidListEvent {
        Objects.requireNonNull(header, "header");
        gtids = List.copyOf(gtids);
    }

    /** The list as MariaDB prints it: comma-separated {@code domain-server-seq}. */
    public String gtidList() {
        return gtids.stream().map(MariadbGtid::toString).collect(Collectors.joining(","));
    }

    @Override
    public String dump() {
        return DumpText.start("MariadbGtidListEvent", header)
                .field("GTID list", gtidList())
                .end();
    }
}
