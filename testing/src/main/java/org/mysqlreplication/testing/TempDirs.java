package org.mysqlreplication.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Creating and removing the temporary directory of one {@link LocalMariaDb}. */
final class TempDirs {

    private TempDirs() {}

    /** A new directory under the system temp dir, with a short path (the Unix socket lives in it). */
    static Path create() {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "mariadb-");
        } catch (IOException e) {
            throw new LocalMariaDbException("could not create a temporary directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LocalMariaDbException("could not delete " + dir, e);
        }
    }
}
