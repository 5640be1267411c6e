package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.FormatDescriptionEvent;

/**
 * Which server wrote a binlog, where the two differ in what an event means: MySQL and MariaDB count different
 * columns as numeric in TABLE_MAP's SIGNEDNESS bitmap. Known from the server version of the stream's
 * FORMAT_DESCRIPTION_EVENT ({@code 10.11.6-MariaDB-log}, or MariaDB's old {@code 5.5.5-10.x} / {@code -maria-}
 * prefixes).
 *
 * <p>Immutable and thread-safe.
 */
public enum ServerFlavor {
    /** MySQL, and servers that follow its binlog format (Percona Server). */
    MYSQL,
    /** MariaDB. */
    MARIADB;

    /** The flavour of a server version string: MariaDB when it names MariaDB, else MySQL. */
    public static ServerFlavor ofVersion(String serverVersion) {
        return serverVersion.contains("MariaDB") || serverVersion.contains("-maria-") ? MARIADB : MYSQL;
    }

    /** The flavour of the server that wrote a format description; MySQL when there is none yet. */
    public static ServerFlavor of(FormatDescriptionEvent formatDescription) {
        return formatDescription == null ? MYSQL : ofVersion(formatDescription.serverVersion());
    }
}
