package org.mysqlreplication.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts this process's open file descriptors on files of a directory, from {@code /proc/self/fd} (Linux shows a
 * deleted file as {@code path (deleted)}): whether spill files are really closed, independently of our own
 * bookkeeping.
 */
public final class OpenDescriptors {

    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenDescriptors() {}

    /** Whether this system shows descriptors in {@code /proc/self/fd}. */
    public static boolean available() {
        return Files.isDirectory(FDS);
    }

    /** Descriptors open on files under {@code dir}. */
    public static long under(Path dir) {
        try (Stream<Path> s = Files.list(FDS)) {
            String prefix = dir.toRealPath() + "/";
            return s.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().startsWith(prefix);
                        } catch (IOException e) {
                            return false; // closed while listing
                        }
                    })
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
