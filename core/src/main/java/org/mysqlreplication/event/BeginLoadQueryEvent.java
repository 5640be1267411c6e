package org.mysqlreplication.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * BEGIN_LOAD_QUERY_EVENT, or APPEND_BLOCK_EVENT (the header type tells): a block of the file a statement-based
 * {@code LOAD DATA INFILE} reads, which the EXECUTE_LOAD_QUERY_EVENT with the same {@code fileId} then loads.
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not show the data (it is row data).
 */
public record BeginLoadQueryEvent(EventHeader header, long fileId, byte[] blockData) implements BinlogEvent {

    public BeginLoadQueryEvent {
        Objects.requireNonNull(header, "header");
        blockData = blockData.clone();
    }

    @Override
    public byte[] blockData() {
        return blockData.clone();
    }

    @Override
    public String dump() {
        return DumpText.start(
                        header.eventType() == EventType.APPEND_BLOCK_EVENT ? "AppendBlockEvent" : "BeginLoadQueryEvent",
                        header)
                .field("File id", fileId)
                .field("Block data", blockData)
                .end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BeginLoadQueryEvent b
                && header.equals(b.header)
                && fileId == b.fileId
                && Arrays.equals(blockData, b.blockData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, fileId);
    }

    @Override
    public String toString() {
        return "BeginLoadQueryEvent[fileId=" + fileId + ", " + blockData.length + " byte(s)]";
    }
}
