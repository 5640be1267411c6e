package org.mysqlreplication.protocol.command;

import org.mysqlreplication.net.PayloadWriter;

/** {@code COM_QUERY} (0x03): the SQL text to the end of the payload, UTF-8. Immutable and thread-safe. */
public record QueryCommand(String sql) implements Command {

    public static final int COM_QUERY = 0x03;

    public QueryCommand {
        if (sql == null || sql.isEmpty()) {
            throw new IllegalArgumentException("COM_QUERY needs a non-empty SQL text");
        }
    }

    @Override
    public byte[] toPayload() {
        return new PayloadWriter().int8(COM_QUERY).eofString(sql).toByteArray();
    }
}
