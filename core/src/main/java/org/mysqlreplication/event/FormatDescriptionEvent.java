package org.mysqlreplication.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * FORMAT_DESCRIPTION_EVENT (binlog v4), or START_EVENT_V3 (binlog v1/v3, then {@code headerLength} is the fixed
 * header size and {@code postHeaderLengths} the v3 defaults): how the following events are laid out.
 *
 * @param binlogVersion     the binlog format version (4, or 1/3 for START_EVENT_V3)
 * @param serverVersion     the server version string, e.g. {@code 8.0.32} or {@code 10.3.36-MariaDB-log}
 * @param createTimestamp   seconds since the epoch when the binlog was created (0 when not the first in a file)
 * @param headerLength      the common header length of the following events (19 in v3/v4)
 * @param postHeaderLengths the post-header length of each event type, index = type code - 1
 * @param checksumAlgorithm the checksum algorithm of the following events; {@link ChecksumAlgorithm#NONE} for a
 *                          server older than MySQL 5.6.1 / MariaDB 5.3 (no algorithm byte)
 *
 * <p>Immutable and thread-safe.
 */
public record FormatDescriptionEvent(
        EventHeader header,
        int binlogVersion,
        String serverVersion,
        long createTimestamp,
        int headerLength,
        int[] postHeaderLengths,
        ChecksumAlgorithm checksumAlgorithm)
        implements BinlogEvent {

    public FormatDescriptionEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        postHeaderLengths = postHeaderLengths.clone();
    }

    /** A copy of the post-header lengths (index = type code - 1). */
    @Override
    public int[] postHeaderLengths() {
        return postHeaderLengths.clone();
    }

    /** The post-header length of {@code typeCode}, or -1 when this description does not list the type. */
    public int postHeaderLength(int typeCode) {
        return typeCode >= 1 && typeCode <= postHeaderLengths.length ? postHeaderLengths[typeCode - 1] : -1;
    }

    @Override
    public String dump() {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < postHeaderLengths.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(postHeaderLengths[i]);
        }
        tuple.append(postHeaderLengths.length == 1 ? ",)" : ")");
        return DumpText.start("FormatDescriptionEvent", header)
                .field("Binlog version", binlogVersion)
                .field("mysql version", serverVersion)
                .field("Created", createTimestamp)
                .field("Common header length", headerLength)
                .field("Post header length", tuple)
                .field("Checksum algorithm", checksumAlgorithm)
                .end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormatDescriptionEvent f
                && header.equals(f.header)
                && binlogVersion == f.binlogVersion
                && serverVersion.equals(f.serverVersion)
                && createTimestamp == f.createTimestamp
                && headerLength == f.headerLength
                && Arrays.equals(postHeaderLengths, f.postHeaderLengths)
                && checksumAlgorithm == f.checksumAlgorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, serverVersion, Arrays.hashCode(postHeaderLengths), checksumAlgorithm);
    }

    @Override
    public String toString() {
        return "FormatDescriptionEvent[binlogVersion=" + binlogVersion + ", serverVersion=" + serverVersion
                + ", headerLength=" + headerLength + ", checksumAlgorithm=" + checksumAlgorithm + "]";
    }
}
