package org.mysqlreplication.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;

/**
 * Frames the packets of the MySQL/MariaDB client/server protocol over a byte stream pair.
 *
 * <p>Every packet is a 4-byte header (payload length, 3 bytes little-endian; sequence id, 1 byte) and the
 * payload. A payload of 16 MiB - 1 bytes ({@value #MAX_CHUNK}) or more is sent as several chunks: a chunk of
 * exactly {@value #MAX_CHUNK} bytes means "more follows", so a payload that is an exact multiple of it ends
 * with an empty chunk. This class joins chunks on read and splits on write, so callers see whole payloads.
 *
 * <p>A payload too large for the heap can be streamed to a {@link SpillFile} instead, chunk by chunk through
 * the read buffer: {@link #readPayload(byte[], PayloadSpill)} shows the payload's first bytes to a
 * {@link PayloadSpill}, which decides.
 *
 * <p>Sequence ids: one counter shared by reads and writes, as in the protocol (client sends 0, server answers
 * 1, ...), wrapping at 256. {@link #resetSequence()} starts a new command. A packet that arrives with another
 * id is a {@link ProtocolException}.
 *
 * <p>Reading is buffered: the stream is read in blocks of up to {@value #BUFFER_SIZE} bytes, so many small
 * packets cost one read call; each payload is copied once from the block into its own array (bytes of a large
 * payload beyond the block are read straight into that array). The payload array is owned by the caller. Memory:
 * the array of a payload is allocated from its header up to {@value #FIRST_ALLOCATION} bytes (1 MiB); beyond that it
 * grows, doubling, as the bytes arrive (a copy at each doubling), so a payload never takes more than twice the bytes
 * received and 1 MiB, whatever its header says.
 *
 * <p>Not thread-safe: one reader thread and (between reads) the same thread writing. Closing the underlying
 * socket from another thread makes a blocked read end in a {@link ConnectionException}.
 */
public final class PacketChannel {

    /** The largest chunk; a chunk of this size means the payload continues in the next packet. */
    public static final int MAX_CHUNK = 0xFF_FFFF;

    /** How many of a payload's first bytes a {@link PayloadSpill} is shown (fewer when the payload is shorter). */
    public static final int SPILL_HEAD = 64;

    static final int BUFFER_SIZE = 64 * 1024;
    private static final int HEADER_SIZE = 4;
    /**
     * The largest array allocated for a payload before its bytes arrive; a longer payload's array grows as they do.
     */
    static final int FIRST_ALLOCATION = 1 << 20;
    /** Largest array the JVM reliably allocates. */
    private static final int MAX_PAYLOAD = Integer.MAX_VALUE - 16;

    private final InputStream in;
    private final OutputStream out;
    private final String peer;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int bufPos;
    private int bufLimit;
    private int sequence;

    /**
     * @param in the stream to read packets from (not wrapped in a buffer: this class buffers itself)
     * @param out the stream to write packets to; each packet is flushed
     * @param peer what to name the other side in error messages, e.g. {@code host:port}
     */
    public PacketChannel(InputStream in, OutputStream out, String peer) {
        this.in = in;
        this.out = out;
        this.peer = peer;
    }

    /**
     * The same exchange continued over other streams, with the next sequence id: the switch to TLS after an
     * {@code SSLRequest}, whose streams then carry the rest of the login.
     *
     * @throws ProtocolException if the server sent bytes this channel has read but not handed out yet (nothing
     *                           may come between the {@code SSLRequest} and the TLS handshake)
     */
    public PacketChannel continueOver(InputStream newIn, OutputStream newOut) {
        if (bufPos != bufLimit) {
            throw new ProtocolException(
                    "packet from " + peer + ": " + (bufLimit - bufPos) + " unexpected bytes before the switch to TLS");
        }
        PacketChannel next = new PacketChannel(newIn, newOut, peer);
        next.sequence = sequence;
        return next;
    }

    /** Starts a new command: the next packet written (or read) has sequence id 0. */
    public void resetSequence() {
        sequence = 0;
    }

    /** The sequence id the next packet read or written must have. */
    public int nextSequence() {
        return sequence;
    }

    /**
     * Reads the next whole payload, joining chunks of {@value #MAX_CHUNK} bytes.
     *
     * @return a reader over a new array holding exactly the payload
     * @throws ProtocolException if a packet has the wrong sequence id or the payload is too large for an array
     * @throws ConnectionException if the stream fails, times out or ends before the payload is complete
     */
    public ByteReader readPacket() {
        return readPacket(null);
    }

    /**
     * As {@link #readPacket()}, reading into {@code reuse} when the payload is one chunk that fits in it (the
     * returned reader then covers the first bytes of {@code reuse}); otherwise into a new array. For callers
     * that are done with one payload before they read the next, such as a binlog dump whose events are decoded
     * into values of their own: one array serves every event, instead of a new one per event.
     */
    public ByteReader readPacket(byte[] reuse) {
        return readInMemory(reuse, readHeader(0), MAX_PAYLOAD);
    }

    /**
     * As {@link #readPacket()}, refusing a payload longer than {@code maxBytes} before reading (or allocating
     * for) the chunk that would pass it: for the replies whose size the protocol does not bound, so that a server
     * sending chunk after chunk cannot fill the heap.
     *
     * @throws ProtocolException if the payload is longer than {@code maxBytes}
     */
    public ByteReader readPacket(int maxBytes) {
        return readInMemory(null, readHeader(0), maxBytes);
    }

    /**
     * As {@link #readPacket(byte[])}, letting {@code spill} stream a large payload to a file: when the first
     * chunk is at least {@link PayloadSpill#minimumPayload()} bytes long (or a full chunk) and
     * {@link PayloadSpill#spillTo} returns a file, every byte of the payload goes to that file through the
     * read buffer, and the payload returned holds that file and a copy of its first {@link #SPILL_HEAD} bytes.
     * A failure while streaming releases the file.
     *
     * @param spill null to read every payload into memory
     */
    public Payload readPayload(byte[] reuse, PayloadSpill spill) {
        int length = readHeader(0);
        if (spill != null && length >= Math.min(spill.minimumPayload(), MAX_CHUNK)) {
            Payload spilled = spill(length, spill);
            if (spilled != null) {
                return spilled;
            }
        }
        return Payload.of(readInMemory(reuse, length, MAX_PAYLOAD));
    }

    private ByteReader readInMemory(byte[] reuse, int firstChunk, int maxBytes) {
        int length = firstChunk;
        checkLength(0, length, maxBytes);
        if (reuse != null && length < MAX_CHUNK && length <= reuse.length) {
            readFully(reuse, 0, length, 0);
            return ByteReader.of(reuse, 0, length);
        }
        byte[] payload = new byte[Math.min(length, FIRST_ALLOCATION)];
        payload = readChunk(payload, 0, length);
        int total = length;
        while (length == MAX_CHUNK) {
            length = readHeader(total);
            checkLength(total, length, maxBytes);
            payload = readChunk(payload, total, length);
            total += length;
        }
        return ByteReader.of(payload);
    }

    /**
     * Reads a chunk of {@code n} bytes into {@code payload} at {@code off}, growing the array (doubling, to the
     * chunk's end at most) only as its bytes arrive: a header that declares more than the stream then holds costs
     * no more than the bytes that came. When the chunk is read the array ends exactly at its end.
     */
    private byte[] readChunk(byte[] payload, int off, int n) {
        int end = off + n;
        int at = off;
        while (at < end) {
            if (at == payload.length) {
                payload = Arrays.copyOf(payload, (int) Math.min(end, Math.max(FIRST_ALLOCATION, 2L * payload.length)));
            }
            int k = Math.min(end, payload.length) - at;
            readFully(payload, at, k, off);
            at += k;
        }
        return payload;
    }

    private void checkLength(int total, int chunk, int maxBytes) {
        if (chunk > maxBytes - total) {
            throw new ProtocolException("packet from " + peer + ": payload of " + total + " + " + chunk
                    + " bytes exceeds " + (maxBytes == MAX_PAYLOAD ? "the largest array of " : "the limit of ")
                    + maxBytes + " bytes");
        }
    }

    /** Streams a payload whose first chunk of {@code firstChunk} bytes is next, if the spill wants it. */
    private Payload spill(int firstChunk, PayloadSpill spill) {
        int n = Math.min(firstChunk, SPILL_HEAD);
        fill(n, "payload chunk", 0, false);
        SpillFile file = spill.spillTo(ByteReader.of(buf, bufPos, n), firstChunk);
        if (file == null) {
            return null;
        }
        byte[] head = Arrays.copyOfRange(buf, bufPos, bufPos + n);
        try {
            long total = 0;
            int chunk = firstChunk;
            while (true) {
                copyTo(file, chunk, total);
                total += chunk;
                if (chunk < MAX_CHUNK) {
                    break;
                }
                chunk = readHeader(total);
            }
        } catch (RuntimeException e) {
            file.release();
            throw e;
        }
        return Payload.spilled(ByteReader.of(head), file, 0);
    }

    /** Copies {@code n} payload bytes to {@code file} through the read buffer. */
    private void copyTo(SpillFile file, int n, long payloadSoFar) {
        int left = n;
        while (left > 0) {
            if (bufPos == bufLimit) {
                bufPos = 0;
                bufLimit = 0;
                int r = read(buf, 0, buf.length);
                if (r < 0) {
                    throw endOfStream(false, "payload chunk", n, n - left, payloadSoFar);
                }
                bufLimit = r;
            }
            int k = Math.min(left, bufLimit - bufPos);
            file.write(buf, bufPos, k);
            bufPos += k;
            left -= k;
        }
    }

    /** Reads a packet header, checks its sequence id and returns the chunk length. */
    private int readHeader(long payloadSoFar) {
        fill(HEADER_SIZE, "packet header", payloadSoFar, true);
        int length = (buf[bufPos] & 0xFF) | (buf[bufPos + 1] & 0xFF) << 8 | (buf[bufPos + 2] & 0xFF) << 16;
        int seq = buf[bufPos + 3] & 0xFF;
        bufPos += HEADER_SIZE;
        if (seq != sequence) {
            throw new ProtocolException("packet from " + peer + " out of order: expected sequence id " + sequence
                    + ", found " + seq + " (chunk length " + length + ")");
        }
        sequence = (sequence + 1) & 0xFF;
        return length;
    }

    /**
     * Makes at least {@code n} bytes available in the buffer (n at most the buffer size).
     *
     * @param atPacketStart whether the stream may end cleanly here (before any byte of a header)
     */
    private void fill(int n, String what, long payloadSoFar, boolean atPacketStart) {
        if (bufLimit - bufPos >= n) {
            return;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, bufLimit - bufPos);
            bufLimit -= bufPos;
            bufPos = 0;
        }
        while (bufLimit < n) {
            int r = read(buf, bufLimit, buf.length - bufLimit);
            if (r < 0) {
                throw endOfStream(atPacketStart && bufLimit == 0 && payloadSoFar == 0, what, n, bufLimit, payloadSoFar);
            }
            bufLimit += r;
        }
    }

    /** Copies {@code n} payload bytes into {@code dst}: first what is buffered, the rest straight from the stream. */
    private void readFully(byte[] dst, int off, int n, int payloadSoFar) {
        int buffered = Math.min(n, bufLimit - bufPos);
        System.arraycopy(buf, bufPos, dst, off, buffered);
        bufPos += buffered;
        int done = buffered;
        if (done < n && n - done < BUFFER_SIZE / 2) {
            // small rest: refill the buffer so the following headers come in the same read
            fill(n - done, "payload chunk", payloadSoFar, false);
            System.arraycopy(buf, bufPos, dst, off + done, n - done);
            bufPos += n - done;
            return;
        }
        while (done < n) {
            int r = read(dst, off + done, n - done);
            if (r < 0) {
                throw endOfStream(false, "payload chunk", n, done, payloadSoFar);
            }
            done += r;
        }
    }

    private int read(byte[] dst, int off, int len) {
        try {
            return in.read(dst, off, len);
        } catch (SocketTimeoutException e) {
            throw new ConnectionException("read from " + peer + " timed out", e);
        } catch (IOException e) {
            throw new ConnectionException("read from " + peer + " failed: " + e.getMessage(), e);
        }
    }

    private ConnectionException endOfStream(boolean clean, String what, int needed, int got, long payloadSoFar) {
        if (clean) {
            return new ConnectionException("connection to " + peer + " closed by the server");
        }
        return new ConnectionException("stream from " + peer + " ended inside a packet: " + what + " needs " + needed
                + " bytes, got " + got + " (payload bytes read before this chunk: " + payloadSoFar + ")");
    }

    /** Writes a whole payload (split into chunks as needed) with the next sequence ids, and flushes. */
    public void writePacket(byte[] payload) {
        writePacket(payload, 0, payload.length);
    }

    /** Writes {@code length} bytes of {@code payload} from {@code offset} as one payload, and flushes. */
    public void writePacket(byte[] payload, int offset, int length) {
        if (offset < 0 || length < 0 || offset > payload.length - length) {
            throw new IllegalArgumentException(
                    "range offset=" + offset + " length=" + length + " outside array of " + payload.length);
        }
        try {
            int chunk;
            do {
                chunk = Math.min(length, MAX_CHUNK);
                byte[] header = {(byte) chunk, (byte) (chunk >>> 8), (byte) (chunk >>> 16), (byte) sequence};
                out.write(header);
                out.write(payload, offset, chunk);
                sequence = (sequence + 1) & 0xFF;
                offset += chunk;
                length -= chunk;
            } while (chunk == MAX_CHUNK);
            out.flush();
        } catch (IOException e) {
            throw new ConnectionException("write to " + peer + " failed: " + e.getMessage(), e);
        }
    }
}
