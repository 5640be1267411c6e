package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.value.LargeValue;

/**
 * USER_VAR_EVENT: name length (4), name, is-null (1); unless NULL: type (1), charset (4), value length (4), value,
 * then flags (1) on MySQL 5.6+ / MariaDB 10.x (absent in older servers). A DECIMAL_RESULT value is checked here
 * against its format (precision, scale, the binary decimal). An event larger than the large-value threshold is
 * decoded from its spill file by {@link #decodeSpilled}.
 */
final class UserVarDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        String name = body.readString(length(body), StandardCharsets.UTF_8);
        boolean isNull = body.readUint8() != 0;
        if (isNull) {
            return new UserVarEvent(header, name, true, 0, 0, new byte[0], 0);
        }
        int type = body.readUint8();
        long charset = body.readUint32();
        byte[] value = body.readBytes(length(body));
        int flags = body.hasRemaining() ? body.readUint8() : 0;
        UserVarEvent event = new UserVarEvent(header, name, false, type, charset, value, flags);
        if (type == UserVarEvent.DECIMAL_RESULT) {
            event.decodedValue(); // bad decimal bytes fail here, where the error can name the event
        }
        return event;
    }

    /**
     * The event from its spill file (it is larger than the large-value threshold): the name and the fields around
     * the value are read through small windows; a value larger than the threshold becomes a {@link LargeValue} over
     * its bytes in {@code file}, which are not read (one not larger, with a long name, is read as in memory). A name
     * larger than the threshold is an error (a name is not held to the threshold otherwise).
     */
    static UserVarEvent decodeSpilled(EventHeader header, SpillCursor body, SpillFile file, DecodeContext ctx) {
        long nameLength = uint32(body);
        if (nameLength > ctx.largeValueThreshold()) {
            throw new BodyFormatException("user variable name of " + nameLength
                    + " bytes, larger than the large-value threshold of " + ctx.largeValueThreshold() + " bytes");
        }
        String name = text(body, (int) nameLength);
        ByteReader w = body.window(1);
        boolean isNull = w.readUint8() != 0;
        body.advance(1);
        if (isNull) {
            return new UserVarEvent(header, name, true, 0, 0, new byte[0], 0);
        }
        w = body.window(5);
        int type = w.readUint8();
        long charset = w.readUint32();
        body.advance(5);
        long length = uint32(body);
        if (length > body.remaining()) {
            throw new BodyFormatException("length " + length + " but only " + body.remaining() + " byte(s) left");
        }
        byte[] inline = new byte[0];
        LargeValue large = null;
        if (length > ctx.largeValueThreshold()) {
            large = LargeValue.ofUserVariable(file, body.filePosition(), length, charset);
        } else {
            inline = body.window((int) length).readBytes((int) length);
        }
        body.advance(length);
        int flags = 0;
        if (body.remaining() > 0) {
            flags = body.window(1).readUint8();
            body.advance(1);
        }
        UserVarEvent event = new UserVarEvent(header, name, false, type, charset, inline, flags, large);
        if (type == UserVarEvent.DECIMAL_RESULT) {
            event.decodedValue(); // bad decimal bytes fail here, where the error can name the event
        }
        return event;
    }

    private static long uint32(SpillCursor body) {
        long n = body.window(4).readUint32();
        body.advance(4);
        return n;
    }

    private static String text(SpillCursor body, int n) {
        if (n > body.remaining()) {
            throw new BodyFormatException("length " + n + " but only " + body.remaining() + " byte(s) left");
        }
        String s = body.window(n).readString(n, StandardCharsets.UTF_8);
        body.advance(n);
        return s;
    }

    private static int length(ByteReader body) {
        long n = body.readUint32();
        if (n > body.remaining()) {
            throw new BodyFormatException("length " + n + " but only " + body.remaining() + " byte(s) left");
        }
        return (int) n;
    }
}
