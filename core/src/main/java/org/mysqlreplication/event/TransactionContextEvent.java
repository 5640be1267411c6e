package org.mysqlreplication.event;

import java.util.List;
import java.util.Objects;

/**
 * MySQL TRANSACTION_CONTEXT_EVENT (Group Replication, 5.7.6+): the context of a transaction for certification,
 * written into a group member's relay log: the server that executed it, its thread, whether its GTID was given, the
 * GTID set it saw (its snapshot version, {@code Gtid_set::encode} bytes) and the hashes of the rows it wrote and read.
 *
 * @param encodedSnapshotVersion the snapshot version as encoded (copy it before changing it)
 *
 * <p>Immutable and thread-safe (the byte array is not copied on access).
 */
public record TransactionContextEvent(
        EventHeader header,
        String serverUuid,
        long threadId,
        boolean gtidSpecified,
        byte[] encodedSnapshotVersion,
        List<String> writeSet,
        List<String> readSet)
        implements BinlogEvent {

    public TransactionContextEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(serverUuid, "serverUuid");
        Objects.requireNonNull(encodedSnapshotVersion, "encodedSnapshotVersion");
        writeSet = List.copyOf(writeSet);
        readSet = List.copyOf(readSet);
    }

    @Override
    public String dump() {
        return DumpText.start("TransactionContextEvent", header)
                .field("server_uuid", serverUuid)
                .field("thread_id", threadId)
                .field("gtid_specified", gtidSpecified)
                .field("write_set", writeSet.size())
                .field("read_set", readSet.size())
                .end();
    }
}
