package org.mysqlreplication.testing.replay;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The server's side of the packet framing: a 3-byte length and a sequence id before each payload, payloads of
 * 16 MiB - 1 or more split into chunks (a chunk of exactly that size is followed by another, possibly empty). One
 * sequence counter for reads and writes, reset at each command. Not thread-safe.
 */
final class ServerPackets {

    static final int MAX_CHUNK = 0xFFFFFF;

    private InputStream in;
    private OutputStream out;
    private int sequence;

    ServerPackets(InputStream in, OutputStream out) {
        over(in, out);
    }

    /** The same exchange continued over other streams (after the switch to TLS). */
    void over(InputStream newIn, OutputStream newOut) {
        this.in = newIn;
        this.out = new BufferedOutputStream(newOut, 16384);
    }

    void resetSequence() {
        sequence = 0;
    }

    /** The next payload; sequence ids are not checked strictly (the client is under test, not this server). */
    byte[] read() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int length;
        do {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                throw new EOFException("client closed the connection");
            }
            length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
            sequence = ((header[3] & 0xFF) + 1) & 0xFF;
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("client closed the connection inside a packet");
            }
            payload.writeBytes(chunk);
        } while (length == MAX_CHUNK);
        return payload.toByteArray();
    }

    void write(byte[] payload) throws IOException {
        writeUnflushed(payload);
        out.flush();
    }

    /** Writes without flushing, for a burst of packets that {@link #flush()} ends. */
    void writeUnflushed(byte[] payload) throws IOException {
        int at = 0;
        int length;
        do {
            length = Math.min(MAX_CHUNK, payload.length - at);
            out.write(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequence});
            out.write(payload, at, length);
            sequence = (sequence + 1) & 0xFF;
            at += length;
        } while (length == MAX_CHUNK);
    }

    /** A packet header announcing {@code length} bytes, then only {@code part} of them (a fault: a cut packet). */
    void writeTruncated(int length, byte[] part) throws IOException {
        out.write(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequence});
        out.write(part);
        out.flush();
    }

    void flush() throws IOException {
        out.flush();
    }
}
