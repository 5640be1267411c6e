package org.mysqlreplication.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.ProtocolException;

/**
 * Reads the response to {@code COM_QUERY} in the text protocol without CLIENT_DEPRECATE_EOF: an OK or ERR
 * packet, or a column count, that many {@code ColumnDefinition41} packets, an EOF, the rows (each value a
 * length-encoded string or {@code 0xFB} for NULL) and a closing EOF (or ERR).
 */
final class TextResultSetReader {

    private static final int NULL_VALUE = 0xFB;
    private static final int LOCAL_INFILE = 0xFB;

    /** One result and whether the server said another follows. */
    record Result(QueryResult result, boolean moreResults) {}

    private TextResultSetReader() {}

    /**
     * Reads one result.
     *
     * @throws ProtocolException if the result set is over {@link ReplyLimits#MAX_RESULT_SET} bytes (headers counted)
     */
    static Result read(PacketChannel channel, String context) {
        Packets packets = new Packets(channel);
        ByteReader first = packets.next();
        int header = first.peekUint8(0);
        if (header == OkPacket.HEADER) {
            OkPacket ok = OkPacket.parse(first);
            return new Result(new QueryResult(List.of(), List.of()), ok.moreResultsExist());
        }
        if (header == ErrPacket.HEADER) {
            throw ErrPacket.parse(first).toException(context);
        }
        if (header == LOCAL_INFILE) {
            throw new ProtocolException(
                    context + ": server asked for LOCAL INFILE data, which this client never sends");
        }
        long count = first.readLenencInt();
        List<String> names = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            names.add(columnName(packets.next()));
        }
        expectEof(packets.next(), context, "after " + count + " column definitions");
        List<List<String>> rows = new ArrayList<>();
        while (true) {
            ByteReader p = packets.next();
            if (EofPacket.isEof(p)) {
                return new Result(
                        new QueryResult(names, rows), EofPacket.parse(p).moreResultsExist());
            }
            if (p.peekUint8(0) == ErrPacket.HEADER) {
                throw ErrPacket.parse(p).toException(context);
            }
            rows.add(row(p, names.size(), context, rows.size()));
        }
    }

    /** The packets of one result set, within {@link ReplyLimits}. */
    private static final class Packets {
        private static final int HEADER = 4;
        private final PacketChannel channel;
        private long total;

        Packets(PacketChannel channel) {
            this.channel = channel;
        }

        /** The next packet, refused (before it is read) if it would take the result set over the limit. */
        ByteReader next() {
            ByteReader p = channel.readPacket((int) Math.max(0, ReplyLimits.MAX_RESULT_SET - total - HEADER));
            total += HEADER + p.remaining();
            return p;
        }
    }

    /** {@code ColumnDefinition41}: catalog, schema, table, org_table, name, ... as length-encoded strings. */
    private static String columnName(ByteReader r) {
        for (int i = 0; i < 4; i++) {
            r.skip(r.readLenencLength());
        }
        return r.readLenencString(StandardCharsets.UTF_8);
    }

    private static List<String> row(ByteReader r, int columns, String context, int rowIndex) {
        List<String> values = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            if (r.peekUint8(0) == NULL_VALUE) {
                r.skip(1);
                values.add(null);
            } else {
                values.add(r.readLenencString(StandardCharsets.UTF_8));
            }
        }
        if (r.hasRemaining()) {
            throw new ProtocolException(context + ": row " + rowIndex + " has " + r.remaining()
                    + " bytes left after its " + columns + " values");
        }
        return values;
    }

    private static void expectEof(ByteReader p, String context, String where) {
        if (!EofPacket.isEof(p)) {
            throw new ProtocolException(context + ": expected an EOF packet " + where + ", found header 0x"
                    + Integer.toHexString(p.peekUint8(0)) + " in a payload of " + p.remaining() + " bytes");
        }
    }
}
