package org.mysqlreplication.event;

import java.util.Objects;

/**
 * DELETE_FILE_EVENT: a statement-based {@code LOAD DATA INFILE} failed on the source after the blocks of its file
 * (BEGIN_LOAD_QUERY / APPEND_BLOCK events with the same {@code fileId}) were logged, so a replica must not load
 * them and deletes the file instead ({@code Delete_file_event} in MySQL's {@code load_data_events.h}; written by
 * {@code sql_load.cc} in MySQL 5.x to 9.x and in MariaDB when the statement can be rolled back safely).
 *
 * <p>Immutable and thread-safe.
 */
public record DeleteFileEvent(EventHeader header, long fileId) implements BinlogEvent {

    public DeleteFileEvent {
        Objects.requireNonNull(header, "header");
    }

    @Override
    public String dump() {
        return DumpText.start("DeleteFileEvent", header)
                .field("File id", fileId)
                .end();
    }
}
