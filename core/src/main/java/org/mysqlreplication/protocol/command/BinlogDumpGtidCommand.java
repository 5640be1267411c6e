package org.mysqlreplication.protocol.command;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.net.PayloadWriter;

/**
 * MySQL's {@code COM_BINLOG_DUMP_GTID} (0x1e): asks the server to stream the binlog without the transactions of a
 * GTID set (auto-position). Payload, as {@code com_binlog_dump_gtid} in MySQL's sql/rpl_source.cc reads it: flags
 * (2), server id (4), file name length (4) and name, position (8), GTID set length (4) and the set in
 * {@code Gtid_set::encode}'s form. With a GTID set the file name is empty and the position 4: the server finds where
 * the first transaction not in the set is.
 *
 * <p>Immutable and thread-safe (the set's bytes are copied in and never handed out).
 */
public record BinlogDumpGtidCommand(int flags, long serverId, String binlogFile, long position, byte[] encodedGtidSet)
        implements Command {

    public static final int COM_BINLOG_DUMP_GTID = 0x1e;
    /** {@code BINLOG_THROUGH_GTID}: the payload carries a GTID set. */
    public static final int BINLOG_THROUGH_GTID = 4;

    public BinlogDumpGtidCommand {
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("flags must fit 2 bytes, found " + flags);
        }
        if (serverId < 0 || serverId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("server id must be 0 to 4294967295, found " + serverId);
        }
        if (binlogFile == null || position < 0) {
            throw new IllegalArgumentException("binlog file must not be null and position not negative");
        }
        encodedGtidSet = encodedGtidSet.clone();
    }

    @Override
    public byte[] toPayload() {
        byte[] name = binlogFile.getBytes(StandardCharsets.UTF_8);
        return new PayloadWriter()
                .int8(COM_BINLOG_DUMP_GTID)
                .int16(flags)
                .int32(serverId)
                .int32(name.length)
                .bytes(name)
                .int32(position & 0xFFFF_FFFFL)
                .int32(position >>> 32)
                .int32(encodedGtidSet.length)
                .bytes(encodedGtidSet)
                .toByteArray();
    }

    @Override
    public byte[] encodedGtidSet() {
        return encodedGtidSet.clone();
    }
}
