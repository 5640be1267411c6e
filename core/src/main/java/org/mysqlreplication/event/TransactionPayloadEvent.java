package org.mysqlreplication.event;

import java.util.List;
import java.util.Objects;

/**
 * TRANSACTION_PAYLOAD_EVENT (40, MySQL 8.0.20+ with {@code binlog_transaction_compression=ON}): a whole
 * transaction's events (from its BEGIN QUERY to its XID), compressed together, with their decoded {@link #events()}
 * in the order the server wrote them. The events inside have no checksum and a log position of 0 in their headers.
 *
 * <p>{@link org.mysqlreplication.event.decode.EventDecoder} returns this event, all its events decoded in the heap
 * (for tests and tools). The readers ({@code BinLogStreamReader}, {@code BinlogFileReader}) never build it: they
 * hand out its events one by one in its place, decompressing and decoding each as it is taken, so that a consumer
 * sees the same events whether or not the server compressed them, with no more of the transaction in memory than
 * of an uncompressed one.
 *
 * @param compressionType  the compression: {@link #ZSTD} or {@link #NONE}
 * @param payloadSize      the size of the payload as written (compressed)
 * @param uncompressedSize the size of the payload once decompressed: the events' bytes
 * @param events           the events inside, decoded (table maps registered, rows decoded)
 *
 * <p>Immutable and thread-safe.
 */
public record TransactionPayloadEvent(
        EventHeader header, int compressionType, long payloadSize, long uncompressedSize, List<BinlogEvent> events)
        implements BinlogEvent {

    /** Compression type zstd ({@code transaction::compression::type::ZSTD}). */
    public static final int ZSTD = 0;
    /** Compression type none: the payload holds the events as they are. */
    public static final int NONE = 255;

    public TransactionPayloadEvent {
        Objects.requireNonNull(header, "header");
        events = List.copyOf(events);
    }

    /** The common fields, the sizes, the compression and the number of events; then each inner event's dump. */
    @Override
    public String dump() {
        StringBuilder sb = new StringBuilder(DumpText.start("TransactionPayloadEvent", header)
                .field("Payload size", payloadSize)
                .field("Uncompressed size", uncompressedSize)
                .field(
                        "Compression type",
                        compressionType == ZSTD
                                ? "ZSTD"
                                : compressionType == NONE ? "NONE" : Integer.toString(compressionType))
                .field("Events", events.size())
                .end());
        events.forEach(e -> sb.append(e.dump()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TransactionPayloadEvent[compressionType=" + compressionType + ", payloadSize=" + payloadSize
                + ", uncompressedSize=" + uncompressedSize + ", " + events.size() + " event(s)]";
    }
}
