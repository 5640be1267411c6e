package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MariaDB BINLOG_CHECKPOINT_EVENT: the oldest binlog file still needed for crash recovery.
 *
 * <p>Immutable and thread-safe.
 */
public record MariadbBinlogCheckpointEvent(EventHeader header, String fileName) implements BinlogEvent {

    public MariadbBinlogCheckpointEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(fileName, "fileName");
    }

    @Override
    public String dump() {
        return DumpText.start("MariadbBinLogCheckPointEvent", header)
                .field("Filename", fileName)
                .end();
    }
}
