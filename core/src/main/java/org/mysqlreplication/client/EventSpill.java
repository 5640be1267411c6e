package org.mysqlreplication.client;

import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.decode.EventRegistry;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.PayloadSpill;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * Streams the dump's rows events and statements (see {@link EventRegistry#spillable}) larger than the large-value
 * threshold to spill files instead of the heap, decided
 * from each packet's first bytes: {@code 0x00}, then the event's common header (type at offset 4, size at 9).
 * Every other packet, and one whose first chunk does not match the size its header gives (corrupt: the in-memory
 * path reports it), is read into memory.
 *
 * <p>Not thread-safe: used by the one thread that reads the connection (the read-ahead thread when there is one).
 */
final class EventSpill implements PayloadSpill {

    /** The packet's {@code 0x00}, the common header and the 6-byte table id the filters look at. */
    private static final int HEAD_NEEDED = 1 + EventHeader.SIZE + 6;

    private final SpillFiles files;
    private final int threshold;

    EventSpill(SpillFiles files, int threshold) {
        this.files = files;
        this.threshold = threshold;
    }

    /**
     * The next event from {@code connection} (see {@link ServerConnection#readEvent(byte[], PayloadSpill)}), in
     * memory or, when it was spilled, in its file from the event's start; null at the end of the stream.
     */
    Payload read(ServerConnection connection, byte[] reuse) {
        return connection.readEvent(reuse, this);
    }

    @Override
    public long minimumPayload() {
        return threshold + 2L; // 0x00 and an event of more than threshold bytes
    }

    @Override
    public SpillFile spillTo(ByteReader head, int firstChunk) {
        if (head.remaining() < HEAD_NEEDED
                || head.peekUint8(0) != 0
                || !EventRegistry.spillable(EventType.ofCode(head.peekUint8(1 + 4)))) {
            return null;
        }
        long size = head.peekUint8(10)
                | head.peekUint8(11) << 8
                | head.peekUint8(12) << 16
                | (long) head.peekUint8(13) << 24;
        long payload = size + 1;
        boolean consistent =
                payload < PacketChannel.MAX_CHUNK ? firstChunk == payload : firstChunk == PacketChannel.MAX_CHUNK;
        if (size <= threshold || !consistent) {
            return null;
        }
        return files.create();
    }
}
