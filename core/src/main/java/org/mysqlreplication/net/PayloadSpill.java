package org.mysqlreplication.net;

import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;

/**
 * Decides which payloads {@link PacketChannel#readPayload(byte[], PayloadSpill)} streams to a file instead of
 * assembling them in the heap, from their first bytes.
 *
 * <p>Implementations are used by the one thread that reads the channel.
 */
public interface PayloadSpill {

    /**
     * The smallest payload this spill may want; a payload whose first chunk is shorter is read into memory
     * without asking (a payload of {@value PacketChannel#MAX_CHUNK} bytes or more is always asked about).
     */
    long minimumPayload();

    /**
     * Where to stream a payload, or {@code null} to read it into memory as usual.
     *
     * @param head       the payload's first bytes: {@link PacketChannel#SPILL_HEAD} of them, or the whole first
     *                   chunk when it is shorter; valid during this call only
     * @param firstChunk the length of the payload's first chunk ({@value PacketChannel#MAX_CHUNK} when more follow)
     * @return an empty spill file that will receive every byte of the payload, head included
     */
    SpillFile spillTo(ByteReader head, int firstChunk);
}
