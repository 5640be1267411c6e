package org.mysqlreplication.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A temporary file holding the bytes of one event too large for the heap, made by {@link SpillFiles}. One thread
 * appends to it ({@link #write}); once it is handed over, any thread may read any region of it
 * ({@link #readFully}, {@link #openStream}).
 *
 * <p>It is released (closed, and deleted where the system did not already remove its name) by whichever comes
 * first: {@link #release()}, its {@link SpillFiles} being closed, or the cleaner once nothing refers to this
 * object any more. Anything that reads from it later, such as a large value, must keep a reference to it. A read
 * after the release raises {@link SpillFileClosedException}.
 *
 * <p>It uses a {@link RandomAccessFile} rather than a {@code FileChannel}: a thread interrupted in a channel's
 * read closes the channel for every other reader of the file. Reads and writes take turns on one lock.
 *
 * <p>Thread-safe.
 */
public final class SpillFile {

    /** The most one read call moves: the JDK copies through a native buffer as large as the call. */
    private static final int IO_CHUNK = 64 * 1024;

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private volatile long length;

    SpillFile(State state, Cleaner cleaner) {
        this.state = state;
        this.cleanable = cleaner.register(this, state);
    }

    /** The bytes written so far. */
    public long length() {
        return length;
    }

    /** The path the file was created at (already removed from its directory where the system allows it). */
    public Path path() {
        return state.path;
    }

    /** Appends {@code len} bytes of {@code b} from {@code off}. */
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        synchronized (state) {
            checkOpen();
            try {
                state.file.write(b, off, len);
            } catch (IOException e) {
                throw new SpillFileException(
                        "writing " + len + " bytes at offset " + length + " of spill file " + state.path + " failed: "
                                + e.getMessage(),
                        e);
            }
            length += len;
        }
    }

    /**
     * Reads {@code len} bytes from {@code position} into {@code dst} at {@code off}.
     *
     * @throws SpillFileException if the region is not all in the file, or reading fails
     * @throws SpillFileClosedException if the file was released
     */
    public void readFully(long position, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (position < 0 || position > length - len) {
            throw new SpillFileException(
                    "region of " + len + " bytes at offset " + position + " is outside spill file " + state.path
                            + " of " + length + " bytes",
                    null);
        }
        synchronized (state) {
            checkOpen();
            try {
                state.file.seek(position);
                for (int done = 0; done < len; done += IO_CHUNK) {
                    state.file.readFully(dst, off + done, Math.min(IO_CHUNK, len - done));
                }
            } catch (IOException e) {
                throw new SpillFileException(
                        "reading " + len + " bytes at offset " + position + " of spill file " + state.path + " failed: "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /**
     * A stream over {@code length} bytes from {@code offset}, reading from the file as it goes; it holds no
     * system resource, so closing it is optional. Its reads raise {@link SpillFileClosedException} once this
     * file is released.
     */
    public InputStream openStream(long offset, long length) {
        if (offset < 0 || length < 0 || offset > this.length - length) {
            throw new SpillFileException(
                    "region of " + length + " bytes at offset " + offset + " is outside spill file " + state.path
                            + " of " + this.length + " bytes",
                    null);
        }
        return new RegionStream(this, offset, length);
    }

    /**
     * Releases the file now, for a caller that knows nothing will read it again (a decoder that made no large
     * value from it). Idempotent.
     */
    public void release() {
        cleanable.clean();
    }

    /** Whether the file was released. */
    public boolean isReleased() {
        return state.released;
    }

    private void checkOpen() {
        if (state.released) {
            throw new SpillFileClosedException("spill file " + state.path + " was released when its reader was"
                    + " closed (or when nothing referred to it): read large values before closing the reader");
        }
    }

    @Override
    public String toString() {
        return "SpillFile[" + state.path + ", " + length + " bytes" + (state.released ? ", released" : "") + "]";
    }

    /** The open file and what releasing it takes; refers to no {@link SpillFile}, as a cleaning action must. */
    static final class State implements Runnable {
        private final Path path;
        private final RandomAccessFile file;
        private final boolean unlinked;
        private final Set<State> live;
        private volatile boolean released;

        State(Path path, RandomAccessFile file, boolean unlinked, Set<State> live) {
            this.path = path;
            this.file = file;
            this.unlinked = unlinked;
            this.live = live;
        }

        /** Closes and deletes the file; runs once, later calls do nothing. */
        @Override
        public void run() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
                try {
                    file.close();
                } catch (IOException ignored) {
                    // the descriptor is gone either way; nothing is left to read or to free
                }
            }
            live.remove(this);
            if (!unlinked) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a cleaner thread has no one to tell; the file is in the spill directory the user chose
                }
            }
        }
    }

    /** The stream of {@link #openStream}: positional reads, so several may read one file at once. */
    private static final class RegionStream extends InputStream {
        private final SpillFile file;
        private final long end;
        private long position;

        RegionStream(SpillFile file, long offset, long length) {
            this.file = file;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            file.readFully(position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - position));
            position += k;
            return k;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
