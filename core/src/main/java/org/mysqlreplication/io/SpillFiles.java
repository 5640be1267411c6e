package org.mysqlreplication.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the {@link SpillFile}s of one reader in one directory, and releases them: each one when nothing refers to
 * it any more (a {@link Cleaner} watches it), and all that are left when this is closed. A spill file made here
 * is removed from the directory as soon as it is opened wherever the file system allows it (POSIX: the open file
 * lives on without a name), so a JVM that dies leaves nothing behind; its disk space comes back when it is
 * released.
 *
 * <p>The cleaner thread is started with the first spill file, not before: a reader that never spills costs
 * nothing. Thread-safe: the reading thread, a read-ahead thread, threads reading large values and the cleaner
 * may use it at once.
 */
public final class SpillFiles implements AutoCloseable {

    static final String PREFIX = "mysql-replication-spill-";

    private final Path directory;
    private final Set<SpillFile.State> live = ConcurrentHashMap.newKeySet();
    private Cleaner cleaner;
    private volatile boolean closed;

    /** Spill files will go to {@code directory}, which must exist when the first one is made. */
    public SpillFiles(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /**
     * A new, empty spill file.
     *
     * @throws SpillFileException if the file cannot be created
     * @throws SpillFileClosedException after {@link #close()}
     */
    public SpillFile create() {
        Cleaner c = cleaner();
        Path path;
        try {
            path = Files.createTempFile(directory, PREFIX, ".tmp");
        } catch (IOException e) {
            throw new SpillFileException("cannot create a spill file in " + directory + ": " + e.getMessage(), e);
        }
        RandomAccessFile file;
        try {
            file = new RandomAccessFile(path.toFile(), "rw");
        } catch (IOException e) {
            deleteQuietly(path);
            throw new SpillFileException("cannot open spill file " + path + ": " + e.getMessage(), e);
        }
        boolean unlinked = deleteQuietly(path); // POSIX: the open file stays readable and writable
        SpillFile.State state = new SpillFile.State(path, file, unlinked, live);
        live.add(state);
        SpillFile spill = new SpillFile(state, c);
        if (closed) { // close() ran while this one was made: it must not outlive the reader either
            state.run();
            throw closedError();
        }
        return spill;
    }

    private synchronized Cleaner cleaner() {
        if (closed) {
            throw closedError();
        }
        if (cleaner == null) {
            cleaner = Cleaner.create();
        }
        return cleaner;
    }

    private SpillFileClosedException closedError() {
        return new SpillFileClosedException("the reader owning spill directory " + directory + " is closed");
    }

    /** How many spill files are not released yet. */
    public int open() {
        return live.size();
    }

    /**
     * Releases every spill file not released yet; reading one of them afterwards raises
     * {@link SpillFileClosedException}. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        List<SpillFile.State> all = new ArrayList<>(live);
        for (SpillFile.State s : all) {
            s.run();
        }
    }

    private static boolean deleteQuietly(Path path) {
        try {
            Files.delete(path);
            return true;
        } catch (IOException e) {
            return false; // an open file cannot be deleted on some systems: it goes when it is released
        }
    }
}
