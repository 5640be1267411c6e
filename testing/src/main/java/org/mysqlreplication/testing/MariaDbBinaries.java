package org.mysqlreplication.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The locally installed MariaDB programs a {@link LocalMariaDb} needs: the server, the datadir installer and
 * the command-line client. Looked up on {@code PATH}, then in {@code /usr/sbin} and {@code /usr/bin}.
 *
 * <p>Immutable and thread-safe.
 */
record MariaDbBinaries(Path server, Path installDb, Path client) {

    private static final String INSTALL_HINT =
            "install the Debian package mariadb-server (apt-get install mariadb-server)";

    static MariaDbBinaries locate() {
        return locateIn(searchPath());
    }

    /** The programs in the first of {@code dirs} that has each. */
    static MariaDbBinaries locateIn(List<Path> dirs) {
        return new MariaDbBinaries(
                find(dirs, "mariadbd", "mysqld"),
                find(dirs, "mariadb-install-db", "mysql_install_db"),
                find(dirs, "mariadb", "mysql"));
    }

    private static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(java.io.File.pathSeparator)) {
                if (!p.isEmpty()) {
                    dirs.add(Path.of(p));
                }
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/usr/bin"));
        return dirs;
    }

    private static Path find(List<Path> dirs, String... names) {
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new LocalMariaDbException(names[0] + " not found on PATH, /usr/sbin or /usr/bin: " + INSTALL_HINT);
    }
}
