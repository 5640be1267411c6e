package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * USER_VAR_EVENT: name length (4), name, is-null (1); unless NULL: type (1), charset (4), value length (4), value,
 * then flags (1) on MySQL 5.6+ / MariaDB 10.x (absent in older servers). A DECIMAL_RESULT value is checked here
 * against its format (precision, scale, the binary decimal).
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

    private static int length(ByteReader body) {
        long n = body.readUint32();
        if (n > body.remaining()) {
            throw new BodyFormatException("length " + n + " but only " + body.remaining() + " byte(s) left");
        }
        return (int) n;
    }
}
