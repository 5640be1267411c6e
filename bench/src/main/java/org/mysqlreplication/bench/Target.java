package org.mysqlreplication.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader reads: the server to stream from (from {@code startFile} position 4 to the end), where the
 * stream ends ({@code SHOW MASTER STATUS} taken after the workload) and the binlog files on disk, in order.
 *
 * @param files the binlog files from {@code startFile} to {@code endFile}, for the file readers
 */
public record Target(
        String host,
        int port,
        String user,
        String password,
        long serverId,
        String startFile,
        String endFile,
        long endPosition,
        List<Path> files) {

    public Target {
        files = List.copyOf(files);
    }

    @Override
    public String toString() {
        return "Target[" + host + ":" + port + " " + startFile + ".." + endFile + ":" + endPosition + "]";
    }
}
