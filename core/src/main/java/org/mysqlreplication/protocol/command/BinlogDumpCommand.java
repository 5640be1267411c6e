package org.mysqlreplication.protocol.command;

import org.mysqlreplication.net.PayloadWriter;

/**
 * {@code COM_BINLOG_DUMP} (0x12): asks the server to stream the binlog from {@code binlogFile} at
 * {@code position}. Payload: position (4), flags (2), server id (4), file name to the end. An empty file name
 * with position 4 means the first binlog the server has.
 *
 * <p>Immutable and thread-safe.
 */
public record BinlogDumpCommand(String binlogFile, long position, int flags, long serverId) implements Command {

    public static final int COM_BINLOG_DUMP = 0x12;
    /** {@code BINLOG_DUMP_NON_BLOCK}: end the stream with an EOF packet at the end of the binlog, not wait. */
    public static final int BINLOG_DUMP_NON_BLOCK = 1;
    /** MariaDB's {@code BINLOG_SEND_ANNOTATE_ROWS_EVENT}: send ANNOTATE_ROWS events (the SQL of row changes). */
    public static final int BINLOG_SEND_ANNOTATE_ROWS_EVENT = 2;

    public BinlogDumpCommand {
        if (binlogFile == null) {
            throw new IllegalArgumentException("binlog file must not be null (empty means the first one)");
        }
        if (position < 0 || position > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("binlog position must be 0 to 4294967295, found " + position);
        }
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("flags must fit 2 bytes, found " + flags);
        }
        if (serverId < 0 || serverId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("server id must be 0 to 4294967295, found " + serverId);
        }
    }

    @Override
    public byte[] toPayload() {
        return new PayloadWriter()
                .int8(COM_BINLOG_DUMP)
                .int32(position)
                .int16(flags)
                .int32(serverId)
                .eofString(binlogFile)
                .toByteArray();
    }
}
