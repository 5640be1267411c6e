package org.mysqlreplication.io;

import java.util.Objects;

/**
 * One payload as the readers hand it on, from the socket or a binlog file to the event reader: its bytes in
 * memory, or, for a payload too large for the heap, its first bytes together with the {@link SpillFile} that holds
 * all of it. Keeping the two together is what lets a large event travel through the read-ahead queue and into the
 * decoder without a side channel.
 *
 * <p>Immutable; the bytes are only valid until the source reads its next payload (a source may reuse its array).
 *
 * @param bytes       the payload in memory, or when {@code spill} is not null a copy of its first bytes
 * @param spill       the file holding the whole payload, or {@code null}
 * @param spillOffset where the payload starts in {@code spill} (0 when there is none)
 */
public record Payload(ByteReader bytes, SpillFile spill, long spillOffset) {

    public Payload {
        Objects.requireNonNull(bytes, "bytes");
        if (spillOffset < 0 || spill == null && spillOffset != 0) {
            throw new IllegalArgumentException("spill offset " + spillOffset + " without a spill file or negative");
        }
    }

    /** A payload held in memory. */
    public static Payload of(ByteReader bytes) {
        return new Payload(bytes, null, 0);
    }

    /** A payload in {@code file} from {@code offset}, whose first bytes are {@code head}. */
    public static Payload spilled(ByteReader head, SpillFile file, long offset) {
        return new Payload(head, Objects.requireNonNull(file, "file"), offset);
    }

    /** Whether the payload is in a spill file rather than in {@link #bytes()}. */
    public boolean isSpilled() {
        return spill != null;
    }

    /** The same payload with its first {@code n} bytes left out (in memory and in the spill file). */
    public Payload skip(int n) {
        ByteReader rest = ByteReader.of(bytes.array(), bytes.arrayOffset() + n, bytes.remaining() - n);
        return new Payload(rest, spill, spill == null ? 0 : spillOffset + n);
    }
}
